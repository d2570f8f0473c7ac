package vnetsim.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import vnetsim.frame.Dhcp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * A DHCPv4 server on one interface (ISC dhcpd or dnsmasq on a plain subnet, no relay): a pool of addresses and the
 * options a client needs (subnet mask, router, lease time). Rules, RFC 2131 section 4.3:
 * <ul>
 *   <li>DHCPDISCOVER: offer the address already bound or offered to this client hardware address, else the first
 *       free address of the pool; no free address, no DHCPOFFER (4.3.1).</li>
 *   <li>DHCPREQUEST naming this server (option 54) for the offered address: DHCPACK, the binding is made. Naming
 *       another server: the client chose that server; the offer is withdrawn, nothing is sent. Without a server
 *       identifier (INIT-REBOOT) for an address this server has not bound to the client: DHCPNAK (4.3.2).</li>
 *   <li>DHCPRELEASE and DHCPDECLINE free the binding.</li>
 *   <li>Where replies go (4.1, giaddr 0): to {@code ciaddr} if the client has one; broadcast if the client set the
 *       BROADCAST flag; otherwise unicast to {@code chaddr} and {@code yiaddr} without ARP. A DHCPNAK is
 *       broadcast. Linux clients (dhclient, NetworkManager, systemd-networkd) do not set the flag, so an OFFER
 *       is a unicast frame for the client's MAC: exactly what a vSwitch without promiscuous mode drops for a
 *       nested guest.</li>
 *   <li>It answers ARP for its own address; other IP traffic for it is consumed.</li>
 * </ul>
 * Bindings are learned state: each simulation starts with an empty lease database. Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 12.
 */
public final class DhcpServer implements Device, Cloneable {
    /** The one port: the server's network interface. */
    public static final int PORT = 0;
    /** dnsmasq's and a typical dhcpd.conf's default lease: 12 hours would do too; 1 hour keeps numbers short. */
    public static final int DEFAULT_LEASE_SECONDS = 3600;

    private final String name;
    private final String iface;
    private final long mac;
    private final int ip;
    private final int prefixLength;
    private final int poolFirst;
    private final int poolLast;
    private final int router;
    private final int leaseSeconds;
    private Map<Long, Integer> offered = new HashMap<>();     // learned state: chaddr -> address
    private Map<Long, Integer> bound = new HashMap<>();
    private int ipIdentification;
    /** Answers ARP for the server's address; it learns nothing, so instances share it with the configuration. */
    private final ArpResolver<DhcpServer> arp = ArpResolver.answering(new ArpResponder());

    /**
     * A DHCPv4 server (dnsmasq, dhcpd) with an empty lease database, answering on its one interface.
     *
     * @param name         the machine as the design names it ("dhcp-server")
     * @param iface        its interface name ("eth0")
     * @param mac          its 48-bit MAC, the source of its replies
     * @param ip           its address, option 54 (server identifier)
     * @param prefixLength the server's and the pool's prefix length, 0-32, sent as option 1 (subnet mask)
     * @param poolFirst    first address of the pool (inclusive)
     * @param poolLast     last address of the pool (inclusive)
     * @param router       option 3 (0: none)
     * @param leaseSeconds the lease time in seconds, sent as option 51
     * @throws IllegalArgumentException when the pool is reversed or not inside the server's subnet
     */
    public DhcpServer(final String name, final String iface, final long mac, final int ip, final int prefixLength,
                      final int poolFirst, final int poolLast, final int router, final int leaseSeconds) {
        if (Integer.compareUnsigned(poolFirst, poolLast) > 0) {
            throw new IllegalArgumentException("DHCP pool " + Ipv4Address.format(poolFirst) + "-"
                    + Ipv4Address.format(poolLast) + " is reversed");
        }
        if (!Ipv4Address.sameSubnet(poolFirst, ip, prefixLength) || !Ipv4Address.sameSubnet(poolLast, ip, prefixLength)) {
            throw new IllegalArgumentException("DHCP pool " + Ipv4Address.format(poolFirst) + "-"
                    + Ipv4Address.format(poolLast) + " is not in the server's subnet " + Ipv4Address.format(ip) + "/"
                    + prefixLength);
        }
        this.name = name;
        this.iface = iface;
        this.mac = mac;
        this.ip = ip;
        this.prefixLength = prefixLength;
        this.poolFirst = poolFirst;
        this.poolLast = poolLast;
        this.router = router;
        this.leaseSeconds = leaseSeconds;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final long destination = frame.destinationMac();
        if (destination != mac && !MacAddress.isMulticast(destination)) {
            out.drop(frame, port, DropReason.NOT_ADDRESSED_TO_HOST, 0);
            return;
        }
        final int type = frame.outerType();
        if (type == EtherType.ARP) {
            arp.receive(frame, port, this, out);
            return;
        }
        final Dhcp.Message m = type == EtherType.IPV4 ? Dhcp.read(frame, Dhcp.SERVER_PORT) : null;
        if (m == null || !m.fromClient()) {
            if (type == EtherType.IPV4) {
                out.deliver(frame, port);                 // UDP or ICMP for this host: consumed
            } else {
                out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, type);
            }
            return;
        }
        switch (m.type()) {
            case Dhcp.DISCOVER -> offer(frame, port, m, out);
            case Dhcp.REQUEST -> acknowledge(frame, port, m, out);
            default -> {                                  // DHCPRELEASE, DHCPDECLINE
                offered.remove(m.chaddr());
                bound.remove(m.chaddr());
                out.deliver(frame, port);
            }
        }
    }

    private void offer(final Frame frame, final int port, final Dhcp.Message m, final Egress out) {
        final int address = addressFor(m.chaddr());
        if (address == 0) {
            out.drop(frame, port, DropReason.DHCP_POOL_EXHAUSTED, 0);
            return;
        }
        offered.put(m.chaddr(), address);
        out.deliver(frame, port);
        reply(m, Dhcp.OFFER, address, out);
    }

    private void acknowledge(final Frame frame, final int port, final Dhcp.Message m, final Egress out) {
        if (m.serverId() != 0 && m.serverId() != ip) {
            offered.remove(m.chaddr());
            out.drop(frame, port, DropReason.DHCP_REQUEST_NOT_FOR_THIS_SERVER, m.serverId());
            return;
        }
        final int requested = m.requestedIp() != 0 ? m.requestedIp() : m.ciaddr();
        final Integer mine = bound.getOrDefault(m.chaddr(), offered.get(m.chaddr()));
        out.deliver(frame, port);
        if (mine == null || mine != requested) {
            reply(m, Dhcp.NAK, 0, out);
            return;
        }
        offered.remove(m.chaddr());
        bound.put(m.chaddr(), requested);
        reply(m, Dhcp.ACK, requested, out);
    }

    /** Builds and addresses an OFFER, ACK or NAK as RFC 2131 section 4.1 says (no relay agent). */
    private void reply(final Dhcp.Message request, final int type, final int yiaddr, final Egress out) {
        final boolean nak = type == Dhcp.NAK;
        final Dhcp.Message reply = new Dhcp.Message(type, request.xid(), request.broadcast(), 0, yiaddr, 0,
                request.chaddr(), ip, 0, nak ? 0 : leaseSeconds, nak ? 0 : Ipv4Address.mask(prefixLength),
                nak ? 0 : router);
        final long dstMac;
        final int dstIp;
        if (nak || request.broadcast()) {
            dstMac = MacAddress.BROADCAST;
            dstIp = -1;                                              // 255.255.255.255
        } else if (request.ciaddr() != 0) {
            dstMac = request.chaddr();
            dstIp = request.ciaddr();
        } else {
            dstMac = request.chaddr();
            dstIp = yiaddr;
        }
        ipIdentification = (ipIdentification + 1) & 0xffff;
        out.transmit(Dhcp.write(out.newFrame(), mac, dstMac, ip, dstIp, reply, ipIdentification), PORT,
                Action.REPLIED);
    }

    /** The client's current address, else the first pool address nobody holds; 0 when the pool is used up. */
    private int addressFor(final long chaddr) {
        final Integer mine = bound.getOrDefault(chaddr, offered.get(chaddr));
        if (mine != null) {
            return mine;
        }
        for (long a = Integer.toUnsignedLong(poolFirst); a <= Integer.toUnsignedLong(poolLast); a++) {
            final int candidate = (int) a;
            if (candidate != ip && !offered.containsValue(candidate) && !bound.containsValue(candidate)) {
                return candidate;
            }
        }
        return 0;
    }

    /** The server's ARP: it answers for its one address and resolves nobody (replies go to the client's MAC). */
    private final class ArpResponder implements ArpResolver.Responder<DhcpServer> {
        @Override
        public boolean answersFor(final int target, final DhcpServer in) {
            return target == ip;
        }

        @Override
        public long mac(final DhcpServer iface) {
            return mac;
        }

        @Override
        public void send(final Frame frame, final DhcpServer iface, final Action action, final Egress out) {
            out.transmit(frame, PORT, action);
        }
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    @Override
    public String host() {
        return name;
    }

    @Override
    public String interfaceName(final int port) {
        return iface;
    }

    @Override
    public int portCount() {
        return 1;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.DHCP_SERVER;
    }

    @Override
    public List<InterfaceAddress> addresses() {
        return List.of(new InterfaceAddress(iface, ip, prefixLength));
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        return List.of(iface + "  DHCP server " + MacAddress.format(mac) + " " + Ipv4Address.format(ip) + "/"
                + prefixLength + ", pool " + Ipv4Address.format(poolFirst) + "-" + Ipv4Address.format(poolLast)
                + (router == 0 ? "" : ", router " + Ipv4Address.format(router)) + ", lease " + leaseSeconds
                + " s, plugged into " + peer.apply(PORT));
    }

    /** Configuration shared, lease database fresh. */
    @Override
    public DhcpServer instantiate() {
        try {
            final DhcpServer copy = (DhcpServer) clone();
            copy.offered = new HashMap<>();
            copy.bound = new HashMap<>();
            copy.ipIdentification = 0;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        offered.clear();
        bound.clear();
    }
}

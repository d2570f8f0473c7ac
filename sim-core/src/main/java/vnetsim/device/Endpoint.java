package vnetsim.device;

import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.l3.Neighbors;
import vnetsim.frame.Dhcp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Ethernet;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;
import vnetsim.frame.Udp;

/**
 * A VM or pod NIC with a minimal IPv4 stack: one MAC, one address and prefix, a default gateway, an ARP cache
 * with a pending queue, and the replies a Linux guest sends (ARP reply, ICMP echo reply). Off-subnet packets go
 * to the gateway's MAC, on-subnet packets directly (RFC 1122); no proxy ARP. Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 6.
 */
public final class Endpoint implements Device, Cloneable, TrafficSource {
    /** The one port: the guest's NIC. */
    public static final int NIC = 0;

    /** Largest UDP payload a frame holds: a 9216-byte jumbo IP packet less the IPv4 and UDP headers. */
    public static final int MAX_UDP_DATA = 9216 - 28;

    /**
     * What the endpoint is, for notes ("Exiting VM interface").
     */
    public enum Workload {
        /** A virtual machine's NIC. */
        VM,
        /** A pod's interface. */
        POD,
        /**
         * A node's own address on one interface (the lower NIC of macvlan children,
         * src/docs/forwarding-rules.md section 9).
         */
        NODE
    }

    private final String name;
    private final String iface;
    private final Workload workload;
    private final long mac;
    private final int ip;
    private final int prefixLength;
    private final int gateway;
    private final int defaultTtl;
    private ArpResolver<Endpoint> arp = new ArpResolver<>(new ArpStack());   // learned state: fresh in each instance
    private int ipIdentification;
    private DhcpClient dhcp;                            // learned state: the lease, once DHCP ran

    /**
     * A guest NIC with a static address. An address of 0.0.0.0 means the guest gets one by DHCP ({@link #startDhcp}).
     *
     * @param name the workload as the design names it ("Virtual Machine 1")
     * @param iface the guest's interface name ("eth0")
     * @param workload VM or pod, for the notes' wording
     * @param mac the NIC's MAC, 48 bits in a long
     * @param ip its IPv4 address (0 for DHCP)
     * @param prefixLength its prefix length, 0-32
     * @param gateway its default gateway's address; 0 for none: off-subnet packets are then not sent (no route, as
     *   Linux says "Network is unreachable")
     * @param defaultTtl the TTL of packets it originates, 1-255 (64 on Linux, 128 on Windows)
     */
    public Endpoint(final String name, final String iface, final Workload workload, final long mac, final int ip,
                    final int prefixLength, final int gateway, final int defaultTtl) {
        this.name = name;
        this.iface = iface;
        this.workload = workload;
        this.mac = mac;
        this.ip = ip;
        this.prefixLength = prefixLength;
        this.gateway = gateway;
        this.defaultTtl = defaultTtl;
    }

    // ---- originating ------------------------------------------------------------------------------------------

    @Override
    public int ping(final int destination, final int identifier, final int sequence, final Egress out) {
        final Frame f = Packets.icmpEcho(out.newFrame(), mac, MacAddress.ZERO, ip(), destination, defaultTtl,
                Icmp.ECHO_REQUEST, identifier, sequence, 56, nextIpId());
        final int packet = out.packetOf(f);
        sendIp(f, destination, Action.ORIGINATED, out);
        return packet;
    }

    @Override
    public int sendUdp(final int destination, final int sourcePort, final int destinationPort, final int payloadBytes,
                       final Egress out) {
        if (payloadBytes < 0 || payloadBytes > MAX_UDP_DATA) {
            throw new IllegalArgumentException("UDP data must be 0-" + MAX_UDP_DATA + " bytes: " + payloadBytes);
        }
        final Frame f = Packets.udp(out.newFrame(), mac, MacAddress.ZERO, ip(), destination, defaultTtl, sourcePort,
                destinationPort, payloadBytes, nextIpId());
        final int packet = out.packetOf(f);
        sendIp(f, destination, Action.ORIGINATED, out);
        return packet;
    }

    @Override
    public int arping(final int target, final Egress out) {
        final Frame f = Packets.arpRequest(out.newFrame(), mac, ip(), target);
        final int packet = out.packetOf(f);
        out.transmit(f, NIC, Action.ORIGINATED);
        return packet;
    }

    /**
     * Sends an IPv4 packet the guest built to its next hop: on-link directly, else through the gateway; off-subnet
     * without a default route it is dropped here, as Linux answers "Network is unreachable".
     */
    private void sendIp(final Frame frame, final int destination, final Action action, final Egress out) {
        final int nextHop = nextHop(destination);
        if (nextHop == 0) {
            out.drop(frame, NIC, DropReason.NO_ROUTE, destination);
            return;
        }
        final long nextHopMac = arp.resolveOrQueue(frame, nextHop, out);
        if (nextHopMac != Neighbors.UNKNOWN) {
            frame.setDestinationMac(nextHopMac);
            out.transmit(frame, NIC, action);
        }
    }

    /** The address ARP resolves for {@code destination}: itself on the guest's subnet, else the gateway. */
    private int nextHop(final int destination) {
        return Ipv4Address.sameSubnet(destination, ip(), prefixLength()) ? destination : gateway();
    }

    /** What the guest's ARP differs in: one interface, untagged, answering only for its own address. */
    private final class ArpStack implements ArpResolver.Stack<Endpoint> {
        @Override
        public Endpoint facing(final int address) {
            return Endpoint.this;
        }

        @Override
        public boolean answersFor(final int target, final Endpoint in) {
            return target == Endpoint.this.ip() && target != 0;
        }

        @Override
        public long mac(final Endpoint iface) {
            return mac;
        }

        @Override
        public int ip(final Endpoint iface) {
            return Endpoint.this.ip();
        }

        @Override
        public void send(final Frame frame, final Endpoint iface, final Action action, final Egress out) {
            out.transmit(frame, NIC, action);
        }

        @Override
        public void release(final Frame waiting, final Endpoint egress, final long resolvedMac, final Egress out) {
            waiting.setDestinationMac(resolvedMac);
            out.transmit(waiting, NIC, Action.ORIGINATED);
        }

        @Override
        public void unreachable(final Frame waiting, final int target, final Egress out) {
            out.drop(waiting, NIC, DropReason.NEIGHBOR_UNREACHABLE, target);
        }
    }

    /**
     * Runs the DHCP client on this interface (RFC 2131; {@link DhcpClient}); once bound, the lease's address,
     * prefix and router replace the configured ones in this simulation.
     */
    @Override
    public int startDhcp(final Egress out) {
        dhcp = new DhcpClient(mac);
        return dhcp.start(out);
    }

    @Override
    public void onTimer(final int target, final Egress out) {
        if (target == DhcpClient.TIMER) {
            if (dhcp != null) {
                dhcp.onTimer(out);
            }
            return;
        }
        arp.onTimer(target, out);
    }

    // ---- receiving --------------------------------------------------------------------------------------------

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final long destinationMac = frame.destinationMac();
        if (destinationMac != mac && !MacAddress.isMulticast(destinationMac)) {
            out.drop(frame, port, DropReason.NOT_ADDRESSED_TO_HOST, 0);
            return;
        }
        final int type = frame.outerType();
        if (type == EtherType.ARP) {
            arp.receive(frame, port, this, out);
        } else if (type == EtherType.IPV4) {
            receiveIpv4(frame, frame.start() + Ethernet.HEADER_LENGTH, port, out);   // untagged: right after the type
        } else {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, type);   // a tagged frame too: no 8021q in the guest
        }
    }

    private void receiveIpv4(final Frame frame, final int ipOff, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        if (!Ipv4.isValidHeader(b, ipOff, frame.end() - ipOff)) {
            out.drop(frame, port, DropReason.BAD_IPV4_HEADER, 0);
            return;
        }
        if (dhcp != null) {
            final Dhcp.Message m = Dhcp.read(frame, Dhcp.CLIENT_PORT);
            if (m != null && !m.fromClient()) {
                dhcp.receive(frame, port, m, out);
                return;
            }
        }
        final int destination = Ipv4.destination(b, ipOff);
        if (destination != ip() || destination == 0) {
            out.drop(frame, port, DropReason.IP_NOT_FOR_THIS_HOST, destination);
            return;
        }
        final int l4 = ipOff + Ipv4.headerLength(b, ipOff);
        if (Ipv4.protocol(b, ipOff) == Ipv4.PROTOCOL_UDP) {
            // __udp4_lib_rcv(): a length field below the header or past the payload is a short packet; a checksum
            // that does not verify is a csum_error; 0 means the sender computed none (RFC 768). Both are dropped.
            final int payload = Ipv4.payloadLength(b, ipOff);
            final int udpLength = payload >= Udp.HEADER_LENGTH ? Udp.length(b, l4) : 0;
            if (udpLength < Udp.HEADER_LENGTH || udpLength > payload) {
                out.drop(frame, port, DropReason.BAD_UDP_LENGTH, payload);
                return;
            }
            if (Udp.checksum(b, l4) != 0 && !Udp.checksumVerifies(b, ipOff, l4, udpLength)) {
                out.drop(frame, port, DropReason.BAD_UDP_CHECKSUM, 0);
                return;
            }
        }
        if (Ipv4.protocol(b, ipOff) == Ipv4.PROTOCOL_ICMP && Ipv4.payloadLength(b, ipOff) < Icmp.HEADER_LENGTH) {
            out.drop(frame, port, DropReason.TRUNCATED_ICMP, Ipv4.payloadLength(b, ipOff));
            return;
        }
        if (Ipv4.protocol(b, ipOff) == Ipv4.PROTOCOL_ICMP && Icmp.type(b, l4) == Icmp.ECHO_REQUEST) {
            final int source = Ipv4.source(b, ipOff);
            final Frame reply = Packets.icmpEchoReply(out.newFrame(), frame, mac, ip(), defaultTtl, nextIpId());
            out.deliver(frame, port);
            sendIp(reply, source, Action.REPLIED, out);
            return;
        }
        out.deliver(frame, port);                               // echo replies, UDP, ICMP errors: to the guest
    }

    private int nextIpId() {
        ipIdentification = (ipIdentification + 1) & 0xffff;
        return ipIdentification;
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
    public Sketch sketch() {
        final String detail = noun() + " " + interfaceName(0) + " "
                + vnetsim.frame.Ipv4Address.format(ip()) + "/" + prefixLength();
        return new Sketch(List.of(new Sketch.Part(Sketch.Shape.WORKLOAD, host(), detail, 0, "",
                Sketch.allPorts(this))), List.of(), "");
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.ENDPOINT;
    }

    /** "VM", "pod" or "node": "Exiting pod interface". */
    @Override
    public String noun() {
        return switch (workload) {
            case POD -> "pod";
            case VM -> "VM";
            case NODE -> "node";
        };
    }

    @Override
    public List<InterfaceAddress> addresses() {
        return List.of(new InterfaceAddress(iface, ip, prefixLength));
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final String address = ip == 0 ? "address by DHCP" : Ipv4Address.format(ip) + "/" + prefixLength;
        return List.of(iface + "  " + workload + " NIC " + MacAddress.format(mac) + " " + address + ", plugged into "
                + peer.apply(NIC));
    }

    /** Configuration shared (a shallow copy: lists and maps are never written while simulating), state fresh. */
    @Override
    public Endpoint instantiate() {
        try {
            final Endpoint copy = (Endpoint) clone();
            copy.arp = new ArpResolver<>(copy.new ArpStack());
            copy.ipIdentification = 0;
            copy.dhcp = null;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        arp.clear();
        ipIdentification = 0;
        dhcp = null;
    }

    /** VM or pod, as configured. */
    public Workload workload() {
        return workload;
    }

    @Override
    public long mac() {
        return mac;
    }

    /** The configured address, or the DHCP lease's once the client is bound (0.0.0.0 for a DHCP guest before). */
    @Override
    public int ip() {
        return dhcp != null && dhcp.bound() ? dhcp.ip() : ip;
    }

    @Override
    public int prefixLength() {
        return dhcp != null && dhcp.bound() ? dhcp.prefixLength() : prefixLength;
    }

    @Override
    public int gateway() {
        return dhcp != null && dhcp.bound() ? dhcp.router() : gateway;
    }

    /** Adds a static ARP entry (or one learned earlier). */
    public void learnNeighbor(final int neighborIp, final long neighborMac) {
        arp.neighbors().learn(neighborIp, neighborMac);
    }

    /**
     * The MAC the guest's ARP cache holds for {@code neighborIp}, or {@link vnetsim.device.l3.Neighbors#UNKNOWN}.
     *
     * @param neighborIp an IPv4 address
     */
    public long neighbor(final int neighborIp) {
        return arp.neighbors().lookup(neighborIp);
    }
}

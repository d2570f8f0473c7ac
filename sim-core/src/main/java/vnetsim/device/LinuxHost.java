package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import vnetsim.device.l3.Conntrack;
import vnetsim.device.l3.Neighbors;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * The IPv4 stack of a Linux machine (or of one VRF on it): addresses on its network devices and on 802.1Q VLAN
 * devices stacked on them ({@code eth0.10}, {@code br0.10}), connected and static routes, ARP with the pending
 * queue, ping, and, with {@code net.ipv4.ip_forward=1}, routing between its interfaces as ip_forward() does it.
 *
 * <p>Each port is one network device: a NIC cabled to a peer, or a bridge device ({@link LinuxBridge#addHostPort})
 * whose MAC follows the bridge's. A frame tagged with a VID goes to the VLAN device for that VID on the port
 * (vlan_do_receive(): no such device, dropped); untagged and priority-tagged frames go to the port's own address.
 * The stack answers ARP for any of its addresses (arp_ignore=0, the Linux default), never as a proxy. A unicast
 * frame a bridge passes up was already found local by the bridge's FDB (a port's MAC counts), so it is accepted
 * whatever its destination MAC, as the kernel keeps PACKET_HOST set by the bridge port.
 * Rules and sources: {@code src/docs/forwarding-rules.md} section 8 (RFC 791, 792, 826, 1122, 1812).
 */
public final class LinuxHost implements Device, Cloneable {
    /** dev->min_mtu of an Ethernet device (ETH_MIN_MTU). */
    public static final int MIN_MTU = 68;
    /** dev->max_mtu of a simulated NIC: the largest frame vnetsim carries (jumbo 9216). */
    public static final int MAX_MTU = Frame.MAX_LENGTH - 14 - 8;
    private static final int NONE = -1;

    private final String host;
    private List<Port> ports = new ArrayList<>();              // configuration: copied per simulation
    private List<Address> addresses = new ArrayList<>();
    private RouteTable routes = new RouteTable(new AddressSubnets());
    private ArpResolver<Address> arp = new ArpResolver<>(new ArpStack());   // learned state: fresh in each instance
    private boolean forwarding;
    private int[] masqueradeSubnets = new int[0];            // pairs: network address, prefix length
    private Conntrack conntrack = new Conntrack();            // masquerade state: fresh in each instance
    private int ipIdentification;
    private int echoReplies;
    private int udpReceived;

    /** One network device: its name, its MAC (a bridge's changes with its ports), its MTU. */
    private static final class Port {
        final String name;
        LongSupplier mac;
        final boolean bridgeDevice;
        int mtu;

        Port(final String name, final LongSupplier mac, final boolean bridgeDevice, final int mtu) {
            this.name = name;
            this.mac = mac;
            this.bridgeDevice = bridgeDevice;
            this.mtu = mtu;
        }
    }

    /** An address on a port's device (vid 0) or on the VLAN device for {@code vid} on top of it. */
    private static final class Address {
        final String name;
        final int port;
        final int vid;
        final int ip;
        final int prefixLength;
        int mtu;

        Address(final String name, final int port, final int vid, final int ip, final int prefixLength, final int mtu) {
            this.name = name;
            this.port = port;
            this.vid = vid;
            this.ip = ip;
            this.prefixLength = prefixLength;
            this.mtu = mtu;
        }
    }

    /**
     * A host with no network device, no address and no route, ip_forward off.
     *
     * @param host the machine as the design names it ("node0")
     */
    public LinuxHost(final String host) {
        this.host = host;
    }

    // ---- configuration, as ip does it ------------------------------------------------------------------------------

    /**
     * A NIC cabled to a peer (a veth, a physical port); returns its port number.
     *
     * @param mac its 48-bit MAC
     * @param mtu its MTU in bytes, {@link #MIN_MTU} to {@link #MAX_MTU}
     */
    public int addNic(final String name, final long mac, final int mtu) {
        ports.add(new Port(name, () -> mac, false, mtu));
        return ports.size() - 1;
    }

    /** The bridge device, linked to {@link LinuxBridge#addHostPort()}; its MAC is the bridge's. */
    public int addBridgeDevice(final LinuxBridge bridge) {
        ports.add(new Port(bridge.name(), bridge::mac, true, 1500));
        return ports.size() - 1;
    }

    /**
     * {@code ip address add IP/LEN dev PORT}.
     *
     * @param port the port of the device the address goes on
     * @param prefixLength 0-32
     */
    public void addAddress(final int port, final int ip, final int prefixLength) {
        checkPrefix(prefixLength);
        final Port p = ports.get(port);
        addresses.add(new Address(p.name, port, 0, ip, prefixLength, p.mtu));
    }

    /**
     * {@code ip link add link PORT name PORT.VID type vlan id VID} plus {@code ip address add IP/LEN dev PORT.VID};
     * VID 1 is a VID like any other (router_vid_1.sh).
     *
     * @param vid the VLAN ID, 1-4094
     * @param prefixLength 0-32
     */
    public void addVlanAddress(final int port, final int vid, final int ip, final int prefixLength) {
        if (vid < 1 || vid > 4094) {
            throw new IllegalArgumentException("VLAN ID must be 1-4094: " + vid);
        }
        checkPrefix(prefixLength);
        final Port p = ports.get(port);
        addresses.add(new Address(p.name + "." + vid, port, vid, ip, prefixLength, p.mtu));
    }

    /**
     * {@code ip link del PORT.VID} (or {@code ip address del} on the port itself for VID 0).
     *
     * @param vid the VLAN device's VID, or 0 for the port's own device
     */
    public void removeAddresses(final int port, final int vid) {
        addresses.removeIf(a -> a.port == port && a.vid == vid);
    }

    private static void checkPrefix(final int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("Error: an IPv4 prefix length is 0-32, not " + prefixLength + ".");
        }
    }

    /**
     * {@code ip route add PREFIX/LEN via GATEWAY}.
     *
     * @param prefix the network address (host bits are cleared)
     * @param prefixLength 0-32; 0 for the default route
     * @param gateway the next hop; a route whose gateway is on no connected subnet is never used
     */
    public void addRoute(final int prefix, final int prefixLength, final int gateway) {
        checkPrefix(prefixLength);
        routes.add(new StaticRoute(prefix, prefixLength, gateway));
    }

    /** {@code sysctl net.ipv4.ip_forward}. */
    public void setForwarding(final boolean on) {
        forwarding = on;
    }

    /**
     * The CNI bridge plugin's {@code ipMasq} ({@code containernetworking/plugins: pkg/ip/ipmasq_linux.go
     * SetupIPMasq()}): in nat POSTROUTING, {@code -s SUBNET -j CHAIN}; in CHAIN {@code -d SUBNET -j ACCEPT} and
     * {@code ! -d 224.0.0.0/4 -j MASQUERADE}. A forwarded packet from the subnet to an address outside it (and not
     * multicast) leaves with the source address of the interface it leaves by; conntrack translates the replies
     * back. Adding the same subnet twice adds nothing (iptables AppendUnique).
     *
     * @param prefix       the subnet (host bits are cleared)
     * @param prefixLength 0-32
     */
    public void addMasquerade(final int prefix, final int prefixLength) {
        checkPrefix(prefixLength);
        final int network = prefix & Ipv4Address.mask(prefixLength);
        for (int i = 0; i < masqueradeSubnets.length; i += 2) {
            if (masqueradeSubnets[i] == network && masqueradeSubnets[i + 1] == prefixLength) {
                return;
            }
        }
        masqueradeSubnets = java.util.Arrays.copyOf(masqueradeSubnets, masqueradeSubnets.length + 2);
        masqueradeSubnets[masqueradeSubnets.length - 2] = network;
        masqueradeSubnets[masqueradeSubnets.length - 1] = prefixLength;
    }

    /**
     * {@code ip link set dev NAME mtu N} for a port's device or a VLAN device on it, checked as the kernel checks it.
     *
     * @param mtu in bytes, {@link #MIN_MTU} to {@link #MAX_MTU}, and for a VLAN device at most its parent's
     * @throws IllegalArgumentException with the kernel's words when out of range
     */
    public void setMtu(final String deviceName, final int mtu) {
        for (final Port p : ports) {
            if (p.name.equals(deviceName)) {
                checkMtu(mtu, MAX_MTU);
                p.mtu = mtu;
                for (final Address a : addresses) {
                    if (ports.get(a.port) == p && (a.vid == 0 || a.mtu > mtu)) {
                        a.mtu = mtu;                   // a VLAN device never exceeds its parent (NETDEV_CHANGEMTU)
                    }
                }
                return;
            }
        }
        boolean found = false;
        for (final Address a : addresses) {
            if (a.name.equals(deviceName)) {
                if (mtu > ports.get(a.port).mtu) {
                    throw new IllegalArgumentException("RTNETLINK answers: Numerical result out of range");
                }
                checkMtu(mtu, MAX_MTU);
                a.mtu = mtu;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("Cannot find device \"" + deviceName + "\"");
        }
    }

    /** dev_validate_mtu(). */
    private static void checkMtu(final int mtu, final int max) {
        if (mtu < MIN_MTU) {
            throw new IllegalArgumentException("Error: mtu less than device minimum.");
        }
        if (mtu > max) {
            throw new IllegalArgumentException("Error: mtu greater than device maximum.");
        }
    }

    /**
     * The MTU of a port's device or of a VLAN device on it, in bytes.
     *
     * @param deviceName "eth0", "br0", "eth0.10"
     * @throws IllegalArgumentException {@code Cannot find device "NAME"} when there is none
     */
    public int mtu(final String deviceName) {
        for (final Port p : ports) {
            if (p.name.equals(deviceName)) {
                return p.mtu;
            }
        }
        for (final Address a : addresses) {
            if (a.name.equals(deviceName)) {
                return a.mtu;
            }
        }
        throw new IllegalArgumentException("Cannot find device \"" + deviceName + "\"");
    }

    // ---- originating ----------------------------------------------------------------------------------------------

    /**
     * One ICMP echo request to {@code destination} with {@code dataLength} bytes of data and DF set (ping -M do),
     * from the address of the interface the route leaves by. Returns the packet id.
     *
     * @param identifier the ICMP echo identifier, 0-65535
     * @param sequence the ICMP echo sequence number, 0-65535
     * @param dataLength ICMP data bytes (ping -s; 56 by default)
     */
    public int ping(final int destination, final int identifier, final int sequence, final int dataLength,
                    final Egress out) {
        final Address egress = egressFor(destination);
        final Frame f = Packets.icmpEcho(out.newFrame(), MacAddress.ZERO, MacAddress.ZERO,
                egress == null ? 0 : egress.ip, destination, Ipv4.DEFAULT_TTL, Icmp.ECHO_REQUEST, identifier,
                sequence, dataLength, nextIpId());
        final int packet = out.packetOf(f);
        if (egress == null) {
            out.drop(f, 0, DropReason.NO_ROUTE, destination);             // connect: Network is unreachable
        } else if (Ipv4.totalLength(f.bytes(), f.l3Offset()) > egress.mtu) {
            out.drop(f, egress.port, DropReason.MTU_EXCEEDED, egress.mtu);  // ping: local error: message too long
        } else {
            sendIp(f, destination, out);
        }
        return packet;
    }

    /**
     * One UDP datagram, as an application's sendto() would make it.
     *
     * @param sourcePort 0-65535
     * @param destinationPort 0-65535
     * @param dataLength UDP data bytes
     */
    public int sendUdp(final int destination, final int sourcePort, final int destinationPort, final int dataLength,
                       final Egress out) {
        final Address egress = egressFor(destination);
        final Frame f = Packets.udp(out.newFrame(), MacAddress.ZERO, MacAddress.ZERO, egress == null ? 0 : egress.ip,
                destination, Ipv4.DEFAULT_TTL, sourcePort, destinationPort, dataLength, nextIpId());
        final int packet = out.packetOf(f);
        if (egress == null) {
            out.drop(f, 0, DropReason.NO_ROUTE, destination);
        } else {
            sendIp(f, destination, out);
        }
        return packet;
    }

    /**
     * Resolves the next hop for the IPv4 packet in {@code frame} (untagged) and transmits it, or queues it for ARP.
     * The caller checked that a route exists.
     */
    private void sendIp(final Frame frame, final int destination, final Egress out) {
        final int route = routes.lookup(destination);
        final long nextHopMac = arp.resolveOrQueue(frame, routes.nextHop(route, destination), out);
        if (nextHopMac != Neighbors.UNKNOWN) {
            transmit(frame, addresses.get(routes.egress(route)), nextHopMac, Action.ORIGINATED, out);
        }
    }

    private void transmit(final Frame frame, final Address egress, final long destinationMac, final Action action,
                          final Egress out) {
        frame.setSourceMac(ports.get(egress.port).mac.getAsLong());
        frame.setDestinationMac(destinationMac);
        if (egress.vid != 0) {
            frame.pushVlanTag(EtherType.VLAN_8021Q, egress.vid);          // the VLAN device's tag
        }
        out.transmit(frame, egress.port, action);
    }

    @Override
    public void onTimer(final int target, final Egress out) {
        arp.onTimer(target, out);
    }

    /** What this host's ARP differs in: it answers for any of its addresses, in the VLAN the request came in. */
    private final class ArpStack implements ArpResolver.Stack<Address> {
        @Override
        public Address facing(final int address) {
            return connected(address);
        }

        @Override
        public boolean answersFor(final int target, final Address in) {
            return owner(target) != null;                               // arp_ignore=0; no proxy ARP
        }

        @Override
        public long mac(final Address iface) {
            return ports.get(iface.port).mac.getAsLong();
        }

        @Override
        public int ip(final Address iface) {
            return iface.ip;
        }

        @Override
        public void send(final Frame frame, final Address iface, final Action action, final Egress out) {
            if (iface.vid != 0) {
                frame.pushVlanTag(EtherType.VLAN_8021Q, iface.vid);       // the VLAN device's tag
            }
            out.transmit(frame, iface.port, action);
        }

        /** A released packet from another host's address was being forwarded (its TTL already decremented). */
        @Override
        public void release(final Frame waiting, final Address egress, final long mac, final Egress out) {
            final boolean own = owner(Ipv4.source(waiting.bytes(), waiting.l3Offset())) != null;
            transmit(waiting, egress, mac, own ? Action.ORIGINATED : Action.ROUTED, out);
        }

        @Override
        public void unreachable(final Frame waiting, final int target, final Egress out) {
            out.drop(waiting, 0, DropReason.NEIGHBOR_UNREACHABLE, target);
        }
    }

    /** The addresses as the route table sees them: each is a connected route (a Linux device here is always up). */
    private final class AddressSubnets implements RouteTable.Subnets {
        @Override
        public int count() {
            return addresses.size();
        }

        @Override
        public int ip(final int index) {
            return addresses.get(index).ip;
        }

        @Override
        public int prefixLength(final int index) {
            return addresses.get(index).prefixLength;
        }

        @Override
        public boolean isUp(final int index) {
            return true;
        }
    }

    // ---- receiving ------------------------------------------------------------------------------------------------

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final Port p = ports.get(port);
        if (frame.length() > p.mtu + 18) {
            out.drop(frame, port, DropReason.MTU_EXCEEDED, p.mtu);        // is_skb_forwardable() on the receiver
            return;
        }
        final int vid = frame.outerType() == EtherType.VLAN_8021Q ? frame.vlanId() : 0;
        final Address in = addressOn(port, vid);
        if (in == null) {
            out.drop(frame, port, vid != 0 ? DropReason.NO_VLAN_SUBINTERFACE : DropReason.NO_UPPER_DEVICE, vid);
            return;
        }
        if (frame.outerType() == EtherType.VLAN_8021Q) {
            frame.popVlanTag();                                            // the VLAN device (or a priority tag)
        }
        final long destinationMac = frame.destinationMac();
        if (!p.bridgeDevice && destinationMac != p.mac.getAsLong() && !MacAddress.isMulticast(destinationMac)) {
            out.drop(frame, port, DropReason.NOT_ADDRESSED_TO_HOST, 0);
            return;
        }
        final int type = frame.etherType();
        if (type == EtherType.ARP) {
            arp.receive(frame, port, in, out);
        } else if (type == EtherType.IPV4) {
            receiveIpv4(frame, port, in, out);
        } else {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, type);
        }
    }

    private void receiveIpv4(final Frame frame, final int port, final Address in, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        if (!Ipv4.isValidHeader(b, ip, frame.end() - ip)) {
            out.drop(frame, port, DropReason.BAD_IPV4_HEADER, 0);
            return;
        }
        int destination = Ipv4.destination(b, ip);
        if (masqueradeSubnets.length > 0 && forwarding && owner(destination) != null) {
            final int inside = masqueradedConnection(b, ip);
            if (inside != Conntrack.NONE) {                                // a reply: conntrack un-NATs it
                MasqueradePod.writeAddressWords(b, ip, 16, Ipv4.protocol(b, ip), ip + Ipv4.headerLength(b, ip),
                        inside);
                destination = inside;
            }
        }
        if (owner(destination) != null || destination == -1 || (destination >>> 28) == 0xe) {
            receiveForMe(frame, port, out);
            return;
        }
        if (!forwarding) {
            out.drop(frame, port, DropReason.IP_NOT_FOR_THIS_HOST, destination);
            return;
        }
        if (MacAddress.isMulticast(frame.destinationMac())) {
            out.drop(frame, port, DropReason.NOT_FOR_THIS_ROUTER, 0);        // ip_forward(): pkt_type != PACKET_HOST
            return;
        }
        forward(frame, port, in, destination, out);
    }

    /** ip_forward(): route, TTL, MTU, TTL-1 with the checksum fixed, next-hop MAC, out the egress interface. */
    private void forward(final Frame frame, final int port, final Address in, final int destination,
                         final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int route = routes.lookup(destination);
        if (route == RouteTable.NONE) {
            sendIcmpError(frame, in, Icmp.DESTINATION_UNREACHABLE, 0, 0, out);
            out.drop(frame, port, DropReason.NO_ROUTE, destination);
            return;
        }
        final Address egress = addresses.get(routes.egress(route));
        if (Ipv4.ttl(b, ip) <= 1) {
            sendIcmpError(frame, in, Icmp.TIME_EXCEEDED, 0, 0, out);
            out.drop(frame, port, DropReason.TTL_EXPIRED, 0);
            return;
        }
        if (Ipv4.totalLength(b, ip) > egress.mtu) {
            if (Ipv4.dontFragment(b, ip)) {
                sendIcmpError(frame, in, Icmp.DESTINATION_UNREACHABLE, Icmp.CODE_FRAGMENTATION_NEEDED, egress.mtu,
                        out);
            }
            out.drop(frame, port, DropReason.MTU_EXCEEDED, egress.mtu);
            return;
        }
        Ipv4.decrementTtl(b, ip);
        if (masquerades(Ipv4.source(b, ip), destination) && !masquerade(frame, egress, port, out)) {
            return;
        }
        final long nextHopMac = arp.resolveOrQueue(frame, routes.nextHop(route, destination), out);
        if (nextHopMac != Neighbors.UNKNOWN) {
            transmit(frame, egress, nextHopMac, Action.ROUTED, out);
        }
    }

    // ---- ipMasq: nat POSTROUTING MASQUERADE, conntrack for the replies ------------------------------------------

    /** Whether an ipMasq rule matches: source in its subnet, destination outside it and not in 224.0.0.0/4. */
    private boolean masquerades(final int source, final int destination) {
        if ((destination >>> 28) == 0xe) {
            return false;
        }
        for (int i = 0; i < masqueradeSubnets.length; i += 2) {
            final int mask = Ipv4Address.mask(masqueradeSubnets[i + 1]);
            if ((source & mask) == masqueradeSubnets[i]) {
                return (destination & mask) != masqueradeSubnets[i];   // -d SUBNET -j ACCEPT comes first
            }
        }
        return false;
    }

    /**
     * MASQUERADE: the source becomes the egress interface's address (port kept, as nf_nat keeps it when the tuple
     * is unique), the connection is remembered for its replies; false when the table is full and the packet dropped.
     */
    private boolean masquerade(final Frame frame, final Address egress, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int protocol = Ipv4.protocol(b, ip);
        final int l4 = ip + Ipv4.headerLength(b, ip);
        final int localPort = MasqueradePod.localPort(b, protocol, l4, true);
        final int remotePort = MasqueradePod.remotePort(b, protocol, l4, true);
        final int remote = Ipv4.destination(b, ip);
        if (!conntrack.add(protocol, localPort, remote, remotePort, Ipv4.source(b, ip))) {
            out.drop(frame, port, DropReason.CONNTRACK_FULL, Conntrack.CAPACITY);
            return false;
        }
        MasqueradePod.writeAddressWords(b, ip, 12, protocol, l4, egress.ip);
        return true;
    }

    /**
     * The inside address of the masqueraded connection this packet replies to, or {@link Conntrack#NONE}. For
     * ICMP only an echo reply is a reply (an echo request with the same identifier is the node's own business).
     */
    private int masqueradedConnection(final byte[] b, final int ip) {
        final int protocol = Ipv4.protocol(b, ip);
        final int l4 = ip + Ipv4.headerLength(b, ip);
        if (protocol == Ipv4.PROTOCOL_ICMP && (Ipv4.payloadLength(b, ip) < Icmp.HEADER_LENGTH
                || Icmp.type(b, l4) != Icmp.ECHO_REPLY)) {
            return Conntrack.NONE;
        }
        if (protocol != Ipv4.PROTOCOL_ICMP && protocol != Ipv4.PROTOCOL_UDP && protocol != Ipv4.PROTOCOL_TCP) {
            return Conntrack.NONE;
        }
        return conntrack.lookup(protocol, MasqueradePod.localPort(b, protocol, l4, false), Ipv4.source(b, ip),
                MasqueradePod.remotePort(b, protocol, l4, false));
    }

    /** Packets for this host: it answers pings (from the address pinged) and consumes the rest. */
    private void receiveForMe(final Frame frame, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int protocol = Ipv4.protocol(b, ip);
        final int icmp = ip + Ipv4.headerLength(b, ip);
        if (protocol == Ipv4.PROTOCOL_ICMP && Ipv4.payloadLength(b, ip) < Icmp.HEADER_LENGTH) {
            out.drop(frame, port, DropReason.TRUNCATED_ICMP, Ipv4.payloadLength(b, ip));
            return;
        }
        if (protocol == Ipv4.PROTOCOL_ICMP && Icmp.type(b, icmp) == Icmp.ECHO_REQUEST
                && owner(Ipv4.destination(b, ip)) != null) {
            final int source = Ipv4.source(b, ip);
            final Frame reply = Packets.icmpEchoReply(out.newFrame(), frame, MacAddress.ZERO,
                    Ipv4.destination(b, ip), Ipv4.DEFAULT_TTL, nextIpId());
            out.deliver(frame, port);
            if (egressFor(source) == null) {
                out.drop(reply, port, DropReason.NO_ROUTE, source);
            } else {
                sendIp(reply, source, out);
            }
            return;
        }
        if (protocol == Ipv4.PROTOCOL_ICMP && Icmp.type(b, icmp) == Icmp.ECHO_REPLY) {
            echoReplies++;
        } else if (protocol == Ipv4.PROTOCOL_UDP) {
            udpReceived++;
        }
        out.deliver(frame, port);
    }

    /** ICMP error to the packet's source, from the ingress interface's address; never about an ICMP error. */
    private void sendIcmpError(final Frame original, final Address in, final int type, final int code, final int rest,
                               final Egress out) {
        if (!IcmpErrors.mayAnswer(original)) {
            return;                                   // never about an ICMP error, nor a truncated ICMP message
        }
        final int source = Ipv4.source(original.bytes(), original.l3Offset());
        if (egressFor(source) == null) {
            return;
        }
        final Frame error = Packets.icmpError(out.newFrame(), original, MacAddress.ZERO, MacAddress.ZERO, in.ip, type,
                code, rest, nextIpId());
        sendIp(error, source, out);
    }

    // ---- routing ------------------------------------------------------------------------------------------------

    /** The interface a packet to {@code destination} leaves by (longest prefix match), or null with no route. */
    private Address egressFor(final int destination) {
        final int route = routes.lookup(destination);
        return route == RouteTable.NONE ? null : addresses.get(routes.egress(route));
    }

    /** The interface whose subnet holds {@code address}, longest prefix first, or null. */
    private Address connected(final int address) {
        final int index = routes.connected(address);
        return index == RouteTable.NONE ? null : addresses.get(index);
    }

    private Address owner(final int address) {
        for (final Address a : addresses) {
            if (a.ip == address) {
                return a;
            }
        }
        return null;
    }

    private Address addressOn(final int port, final int vid) {
        for (final Address a : addresses) {
            if (a.port == port && a.vid == vid) {
                return a;
            }
        }
        return null;
    }

    private int nextIpId() {
        ipIdentification = (ipIdentification + 1) & 0xffff;
        return ipIdentification;
    }

    // ---- identity and counters ----------------------------------------------------------------------------------

    /** Echo replies this host received (ping's "received"). */
    public int echoReplies() {
        return echoReplies;
    }

    /** UDP datagrams delivered to this host. */
    public int udpReceived() {
        return udpReceived;
    }

    /**
     * The MAC of a port's device now (a bridge device's follows its bridge), 48 bits in a long.
     *
     * @param port a port number from {@link #addNic} or {@link #addBridgeDevice}
     */
    public long mac(final int port) {
        return ports.get(port).mac.getAsLong();
    }

    /**
     * What the neighbour table holds for {@code ip} ({@code ip neigh show}): its MAC, or {@link Neighbors#UNKNOWN}.
     *
     * @param ip an IPv4 address
     */
    public long neighbor(final int ip) {
        return arp.neighbors().lookup(ip);
    }

    /** {@code ip neigh add IP lladdr MAC}. */
    public void addNeighbor(final int ip, final long mac) {
        arp.neighbors().learn(ip, mac);
    }

    /** {@code ip link set dev NIC address MAC}: the neighbour table is flushed (neigh_changeaddr()). */
    public void setNicMac(final int port, final long mac) {
        ports.get(port).mac = () -> mac;
        arp.clear();
    }

    /** {@code ip neigh flush all}. */
    public void flushNeighbors() {
        arp.clear();
    }

    /**
     * This host for one simulation: its own copy of ports, addresses and routes (so {@code ip} changes made at run
     * time stay in that simulation), an empty ARP cache, counters at zero. A bridge device's MAC still follows the
     * bridge the configuration named.
     */
    @Override
    public LinuxHost instantiate() {
        try {
            final LinuxHost copy = (LinuxHost) clone();
            copy.ports = new ArrayList<>();
            for (final Port p : ports) {
                final Port c = new Port(p.name, p.mac, p.bridgeDevice, p.mtu);
                copy.ports.add(c);
            }
            copy.addresses = new ArrayList<>();
            for (final Address a : addresses) {
                copy.addresses.add(new Address(a.name, a.port, a.vid, a.ip, a.prefixLength, a.mtu));
            }
            copy.routes = routes.copy(copy.new AddressSubnets());
            copy.arp = new ArpResolver<>(copy.new ArpStack());
            copy.conntrack = new Conntrack();
            copy.ipIdentification = 0;
            copy.echoReplies = 0;
            copy.udpReceived = 0;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        arp.clear();
        conntrack.clear();
        ipIdentification = 0;
        echoReplies = 0;
        udpReceived = 0;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return ports.get(port).name;
    }

    @Override
    public int portCount() {
        return ports.size();
    }

    /**
     * One box per port (its NICs and the bridges it owns a port of), each with the addresses on it: the host's own
     * stack, drawn inside its node.
     */
    @Override
    public Sketch sketch() {
        final List<Sketch.Part> parts = new ArrayList<>();
        for (int p = 0; p < ports.size(); p++) {
            final StringBuilder detail = new StringBuilder(forwarding ? "host, ip_forward" : "host");
            for (final Address a : addresses) {
                if (a.port == p) {
                    detail.append(' ').append(a.vid == 0 ? "" : "VLAN " + a.vid + " ")
                            .append(Ipv4Address.format(a.ip)).append('/').append(a.prefixLength);
                }
            }
            parts.add(new Sketch.Part(Sketch.Shape.NIC, interfaceName(p), detail.toString(), 0, "", List.of(p)));
        }
        return parts.isEmpty() ? Sketch.whole(this, Sketch.Shape.OTHER, kind().description(), 0)
                : new Sketch(parts, List.of(), "");
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.LINUX_HOST;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            final Port p = ports.get(i);
            lines.add(p.name + "  " + (p.bridgeDevice ? "bridge device" : "NIC") + ", mac "
                    + MacAddress.format(p.mac.getAsLong()) + ", mtu " + p.mtu + ", to " + peer.apply(i));
        }
        for (final Address a : addresses) {
            lines.add(a.name + "  " + Ipv4Address.format(a.ip) + "/" + a.prefixLength
                    + (a.vid == 0 ? "" : " (VLAN " + a.vid + ")"));
        }
        for (final StaticRoute r : routes.routes()) {
            lines.add("route " + Ipv4Address.format(r.prefix()) + "/" + r.length() + " via "
                    + Ipv4Address.format(r.gateway()));
        }
        lines.add("ip_forward " + (forwarding ? 1 : 0));
        for (int i = 0; i < masqueradeSubnets.length; i += 2) {
            lines.add("masquerade from " + Ipv4Address.format(masqueradeSubnets[i]) + "/" + masqueradeSubnets[i + 1]
                    + " to outside it (CNI bridge ipMasq)");
        }
        return lines;
    }

    /** A host that forwards (ip_forward=1) is a router. */
    @Override
    public Role role() {
        return forwarding ? Role.L3_ROUTING : Role.HOST_STACK;
    }

    @Override
    public List<InterfaceAddress> addresses() {
        final List<InterfaceAddress> list = new ArrayList<>(addresses.size());
        for (final Address a : addresses) {
            list.add(new InterfaceAddress(a.name, a.ip, a.prefixLength));
        }
        return list;
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * An OVN logical router as ovn-northd programs it (ovn-northd(8) "Logical Router Datapaths"): ovn-kubernetes'
 * per-network cluster router {@code <net>_ovn_cluster_router}, one copy per node's zone under interconnect, with a
 * port {@code rtos-<net>_<node>} holding the node subnet's gateway (first address) and a port
 * {@code rtots-<net>_<node>} on the transit switch (100.88.0.0/16), plus a static route per remote node subnet via
 * that node's transit address ({@code go-controller/pkg/ovn/zone_interconnect/zone_ic_handler.go}).
 * {@link #receive} reads top to bottom as the pipeline:
 * <ol>
 *   <li>{@code lr_in_admission}: the destination MAC must be the port's, or broadcast;</li>
 *   <li>{@code lr_in_ip_input}: ARP for the port's address is answered; ICMP echo to any router address is
 *       answered; TTL 0 or 1 is dropped (OVN would send time exceeded);</li>
 *   <li>{@code lr_in_ip_routing}: longest prefix over the ports' networks and the static routes;</li>
 *   <li>{@code lr_in_arp_resolve}: the next hop's MAC comes from the addresses logical ports declare (northd
 *       writes them as static flows), never from ARP on the wire;</li>
 *   <li>TTL -1, source MAC the egress port's, destination the resolved MAC, out.</li>
 * </ol>
 * Rules and sources: {@code src/docs/forwarding-rules.md} section 13.
 */
public final class OvnLogicalRouter implements Device {
    private static final long UNKNOWN = -1L;

    private final String host;
    private final String name;
    private final OvnPorts ports = new OvnPorts();
    private int[] prefixes = new int[0];
    private final List<int[]> routes = new ArrayList<>();      // {prefix, length, nextHop (0: connected), port}
    private int[] boundIps = new int[0];
    private long[] boundMacs = new long[0];
    private int ipIdentification;

    /**
     * A router with no port and no route yet.
     *
     * @param host the node whose OVN zone holds this copy ("ovn-worker")
     * @param name the logical router's name ("udn-l3_ovn_cluster_router")
     */
    public OvnLogicalRouter(final String host, final String name) {
        this.host = host;
        this.name = name;
    }

    /**
     * Adds a router port with its MAC and network ("0a:58:c0:a8:18:01 192.168.24.1/25").
     *
     * @param prefixLength 0-32: the port's network, a connected route
     */
    public int addPort(final String portName, final long mac, final int ip, final int prefixLength) {
        final int p = ports.add(portName, mac, ip);
        prefixes = java.util.Arrays.copyOf(prefixes, p + 1);
        prefixes[p] = prefixLength;
        routes.add(new int[] {ip & Ipv4Address.mask(prefixLength), prefixLength, 0, p});   // connected
        return p;
    }

    /**
     * A static route ({@code ovn-nbctl lr-route-add}): {@code prefix/length} via {@code nextHop} out of {@code port}.
     *
     * @param prefix the network address (host bits are cleared)
     * @param length the prefix length, 0-32
     * @param nextHop the next hop's IPv4 address
     * @param port the router port the route leaves by
     */
    public void addRoute(final int prefix, final int length, final int nextHop, final int port) {
        routes.add(new int[] {prefix & Ipv4Address.mask(length), length, nextHop, port});
    }

    /** An address a logical port declares, which lr_in_arp_resolve resolves without ARP. */
    public void bindAddress(final int ip, final long mac) {
        final int n = boundIps.length + 1;
        boundIps = java.util.Arrays.copyOf(boundIps, n);
        boundMacs = java.util.Arrays.copyOf(boundMacs, n);
        boundIps[n - 1] = ip;
        boundMacs[n - 1] = mac;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final long destinationMac = frame.destinationMac();
        if (destinationMac != ports.mac(port) && !MacAddress.isBroadcast(destinationMac)) {
            out.drop(frame, port, DropReason.NOT_FOR_THIS_ROUTER, 0);
            return;
        }
        final byte[] b = frame.bytes();
        final int l3 = frame.l3Offset();
        final int type = frame.outerType();
        if (type == EtherType.ARP) {
            answerArp(frame, port, out);
            return;
        }
        if (type != EtherType.IPV4 || MacAddress.isBroadcast(destinationMac)) {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, type);
            return;
        }
        if (!Ipv4.isValidHeader(b, l3, frame.end() - l3)) {
            out.drop(frame, port, DropReason.BAD_IPV4_HEADER, 0);
            return;
        }
        final int destination = Ipv4.destination(b, l3);
        if (ports.withIp(destination) != OvnPorts.NONE) {
            answerPing(frame, port, out);
            return;
        }
        if (Ipv4.ttl(b, l3) <= 1) {
            out.drop(frame, port, DropReason.TTL_EXPIRED, 0);
            return;
        }
        final int[] route = lookup(destination);
        if (route == null) {
            out.drop(frame, port, DropReason.NO_ROUTE, destination);
            return;
        }
        final int egress = route[3];
        final int nextHop = route[2] == 0 ? destination : route[2];
        final long nextHopMac = resolve(nextHop);
        if (nextHopMac == UNKNOWN) {
            out.drop(frame, port, DropReason.NO_MAC_BINDING, nextHop);
            return;
        }
        Ipv4.decrementTtl(b, l3);
        frame.setSourceMac(ports.mac(egress));
        frame.setDestinationMac(nextHopMac);
        out.transmit(frame, egress, Action.ROUTED);
    }

    /** lr_in_ip_input: "arp.tpa == <port IP> && arp.op == 1" -> reply from the port's MAC. */
    private void answerArp(final Frame frame, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        final int arp = frame.l3Offset();
        if (!Arp.isEthernetIpv4(b, arp, frame.end() - arp)) {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, EtherType.ARP);
            return;
        }
        final int target = Arp.targetIp(b, arp);
        if (target != ports.ip(port)) {
            out.drop(frame, port, DropReason.ARP_NOT_FOR_THIS_HOST, target);
            return;
        }
        if (Arp.operation(b, arp) != Arp.REQUEST) {
            out.deliver(frame, port);
            return;
        }
        final Frame reply = Packets.arpReply(out.newFrame(), ports.mac(port), ports.ip(port), Arp.senderMac(b, arp),
                Arp.senderIp(b, arp));
        out.deliver(frame, port);
        out.transmit(reply, port, Action.REPLIED);
    }

    /** lr_in_ip_input: "ip4.dst == <router IP> && icmp4.type == 8" -> echo reply out of the ingress port. */
    private void answerPing(final Frame frame, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        final int l3 = frame.l3Offset();
        final int icmp = l3 + Ipv4.headerLength(b, l3);
        if (Ipv4.protocol(b, l3) != Ipv4.PROTOCOL_ICMP || Ipv4.payloadLength(b, l3) < Icmp.HEADER_LENGTH
                || Icmp.type(b, icmp) != Icmp.ECHO_REQUEST) {
            out.deliver(frame, port);
            return;
        }
        ipIdentification = (ipIdentification + 1) & 0xffff;
        final Frame reply = Packets.icmpEchoReply(out.newFrame(), frame, ports.mac(port), Ipv4.destination(b, l3),
                Ipv4.DEFAULT_TTL, ipIdentification);
        out.deliver(frame, port);
        out.transmit(reply, port, Action.REPLIED);
    }

    /** Longest prefix match over the ports' networks (next hop 0: the destination itself) and static routes. */
    private int[] lookup(final int destination) {
        int[] best = null;
        for (int i = 0; i < routes.size(); i++) {                  // indexed: no iterator on the frame path
            final int[] r = routes.get(i);
            if (Ipv4Address.sameSubnet(destination, r[0], r[1]) && (best == null || r[1] > best[1])) {
                best = r;
            }
        }
        return best;
    }

    private long resolve(final int ip) {
        for (int i = 0; i < boundIps.length; i++) {
            if (boundIps[i] == ip) {
                return boundMacs[i];
            }
        }
        return UNKNOWN;
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    /** The logical router's name, as {@code ovn-nbctl lr-list} shows it. */
    public String name() {
        return name;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return ports.name(port);
    }

    @Override
    public int portCount() {
        return ports.count();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.OVN_LOGICAL_ROUTER;
    }

    /** "OVN logical router udn-cluster-primary-l3_master1": a node runs several, the notes name which. */
    @Override
    public String noun() {
        return kind().noun() + " " + name;
    }

    /** "logical router port rtots-master1": a port of the logical router, not a NIC. */
    @Override
    public String routedExit(final int port) {
        return "logical router port " + interfaceName(port);
    }

    @Override
    public List<InterfaceAddress> addresses() {
        final List<InterfaceAddress> list = new ArrayList<>();
        for (int p = 0; p < ports.count(); p++) {
            list.add(new InterfaceAddress(ports.name(p), ports.ip(p), prefixes[p]));
        }
        return list;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(name + "  OVN logical router on " + host);
        for (int p = 0; p < ports.count(); p++) {
            lines.add("  " + ports.name(p) + "  " + ports.addresses(p) + "/" + prefixes[p] + " -> " + peer.apply(p));
        }
        for (final int[] r : routes) {
            if (r[2] == 0) {
                continue;
            }
            lines.add("  route " + Ipv4Address.format(r[0]) + "/" + r[1] + " via " + Ipv4Address.format(r[2])
                    + " dev " + ports.name(r[3]));
        }
        return lines;
    }
}

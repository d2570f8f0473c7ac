package vnetsim.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.Neighbors;
import vnetsim.device.l3.RouterInterface;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;
import vnetsim.frame.VlanTag;

/**
 * A routing firewall: a trunk uplink with one routed subinterface and gateway address per VLAN (router on a
 * stick), optionally more ports, each with subinterfaces or one untagged routed interface; connected routes,
 * static and default routes, ARP, ordered ACL rules. {@link #receive} reads like ip_rcv_finish() and
 * ip_forward(): is it for one of my interfaces -> ARP -> addressed to my MAC -> valid IPv4 -> for me (ping the
 * gateway) -> route (longest prefix match over connected and static routes, fib_lookup) -> TTL -> MTU -> ACL (the
 * FORWARD filter) -> rewrite (TTL-1 with incremental checksum, source MAC, VLAN) -> resolve the next hop (the
 * destination on a connected route, the gateway on a static one) by ARP on the egress interface -> transmit. No
 * route: ICMP net unreachable, as ip_error() sends for -ENETUNREACH. It answers ARP only for the address of the
 * interface the request arrived on, as a firewall appliance does (a Linux router with the default arp_ignore=0
 * would answer for any of its addresses). Rules and sources: {@code src/docs/forwarding-rules.md} section 5
 * (RFC 791, 792, 826, 1812).
 */
public final class RoutingFirewall implements Device, Cloneable {
    /** The first physical port ("Uplink 1"). */
    public static final int UPLINK = 0;
    private static final int NONE = -1;

    private final String host;
    /** Set by {@link #seal()}: part of a built topology, configuration final; a simulation's instance is open. */
    private boolean sealed;
    private final List<String> portNames = new ArrayList<>();
    private final List<Long> portMacs = new ArrayList<>();
    private long[] macs = new long[0];
    private final long mac;
    private final List<RouterInterface> interfaces = new ArrayList<>();
    // The routed interfaces as the data path reads them, one slot per interface in the order they were added (the
    // index into interfaces): no list, no boxing, no record to chase per field.
    private int[] interfaceIp = new int[0];
    private int[] interfacePrefixLength = new int[0];
    private int[] interfaceMtu = new int[0];
    private int[] interfacePort = new int[0];
    private int[] interfaceVid = new int[0];
    private boolean[] interfaceUp = new boolean[0];
    /** [port][VID] -> interface index or NONE; a port without routed interfaces has no row (null). VIDs: 12 bits. */
    private int[][] interfaceByPortVid = new int[1][];
    private final RouteTable routes = new RouteTable(new InterfaceSubnets());
    /**
     * {@link #routes} compiled for the data path, or null after a change (an interface, its state, a route): compiled
     * again on first use ({@link #fib()}) and at {@link #seal()}, so a router with thousands of subinterfaces is not
     * recompiled per interface added, and a sealed topology's instances share one compiled table.
     */
    private RouteTable.Fib fib;
    private final List<AclRule> acl = new ArrayList<>();
    private ArpResolver<RouterInterface> arp = new ArpResolver<>(new ArpStack());   // learned state: per instance
    private int ipIdentification;

    /** A router with one port, {@code portName}, whose MAC is {@code mac}. */
    public RoutingFirewall(final String host, final String portName, final long mac) {
        this.host = host;
        this.mac = mac;
        addPort(portName, mac);
    }

    /** Adds a physical port with its own MAC; returns its port number. */
    public int addPort(final String portName, final long portMac) {
        checkConfigurable();
        if (portNames.contains(portName)) {
            throw new IllegalArgumentException(host + " already has a port named " + portName);
        }
        portNames.add(portName);
        portMacs.add(portMac);
        macs = portMacs.stream().mapToLong(Long::longValue).toArray();
        interfaceByPortVid = Arrays.copyOf(interfaceByPortVid, portNames.size());
        return portNames.size() - 1;
    }

    /**
     * Adds a routed interface: a subinterface for its VID on its port, or the port's untagged interface.
     * @throws IllegalArgumentException when the port does not exist or already has an interface for that VID
     */
    public void addInterface(final RouterInterface routerInterface) {
        checkConfigurable();
        final int port = routerInterface.port();
        if (port < 0 || port >= portNames.size()) {
            throw new IllegalArgumentException(host + " has no port " + port + " for " + routerInterface.name());
        }
        if (routerInterface.vid() < 0 || routerInterface.vid() > VlanTag.VID_MASK) {
            throw new IllegalArgumentException(host + ": VLAN ID out of range 0-4095 for " + routerInterface.name()
                    + ": " + routerInterface.vid());
        }
        if (interfaceByPortVid[port] == null) {
            interfaceByPortVid[port] = new int[VlanTag.VID_MASK + 1];
            Arrays.fill(interfaceByPortVid[port], NONE);
        }
        if (interfaceByPortVid[port][routerInterface.vid()] != NONE) {
            throw new IllegalArgumentException(host + " already has " + (routerInterface.isTagged()
                    ? "a subinterface for VLAN " + routerInterface.vid() : "an untagged interface")
                    + " on " + portNames.get(port));
        }
        final int index = interfaces.size();
        interfaceByPortVid[port][routerInterface.vid()] = index;
        interfaces.add(routerInterface);
        interfaceIp = append(interfaceIp, routerInterface.ip());
        interfacePrefixLength = append(interfacePrefixLength, routerInterface.prefixLength());
        interfaceMtu = append(interfaceMtu, routerInterface.mtu());
        interfacePort = append(interfacePort, port);
        interfaceVid = append(interfaceVid, routerInterface.vid());
        interfaceUp = Arrays.copyOf(interfaceUp, index + 1);
        interfaceUp[index] = true;
        fib = null;
    }

    private static int[] append(final int[] values, final int value) {
        final int[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    /**
     * Shuts an interface down or brings it up. A down interface takes no frames and its connected route is
     * withdrawn (fib_sync_down_dev()), so static routes through it are unusable too.
     * @throws IllegalArgumentException when there is no interface of that name
     */
    public void setInterfaceUp(final String interfaceName, final boolean up) {
        checkConfigurable();
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.get(i).name().equals(interfaceName)) {
                interfaceUp[i] = up;
                fib = null;
                return;
            }
        }
        throw new IllegalArgumentException(host + " has no interface named " + interfaceName);
    }

    /** Adds a static route; its gateway is resolved through the connected routes when a packet takes it. */
    public void addRoute(final StaticRoute route) {
        checkConfigurable();
        routes.add(route);
        fib = null;
    }

    /**
     * Appends a rule to the FORWARD filter: rules are tried in order, the first that matches decides, and a packet no
     * rule matches is permitted. A denied packet is dropped as {@link DropReason#ACL_DENIED} with the rule's 1-based
     * number.
     */
    public void addAclRule(final AclRule rule) {
        checkConfigurable();
        acl.add(rule);
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final int vid = frame.outerType() == EtherType.VLAN_8021Q ? frame.vlanId() : RouterInterface.UNTAGGED;
        final int ingress = interfaceOn(port, vid);
        if (ingress == NONE) {
            out.drop(frame, port, DropReason.NO_ROUTER_INTERFACE, vid);
            return;
        }
        if (!interfaceUp[ingress]) {
            out.drop(frame, port, DropReason.LINK_DOWN, 0);
            return;
        }
        final int type = frame.etherType();
        if (type == EtherType.ARP) {
            arp.receive(frame, port, interfaces.get(ingress), out);   // answers only for the ingress address
            return;
        }
        if (frame.destinationMac() != macs[port]) {
            out.drop(frame, port, DropReason.NOT_FOR_THIS_ROUTER, 0);        // ip_forward drops !PACKET_HOST
            return;
        }
        if (type != EtherType.IPV4) {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, type);
            return;
        }
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        if (!Ipv4.isValidHeader(b, ip, frame.end() - ip)) {
            out.drop(frame, port, DropReason.BAD_IPV4_HEADER, 0);
            return;
        }
        final int destination = Ipv4.destination(b, ip);
        if (isOwnAddress(destination)) {
            receiveForRouter(frame, port, interfaces.get(ingress), out);
            return;
        }
        // ip_rcv_finish() looks the route up first; ip_forward() then checks TTL and MTU; the FORWARD filter
        // (the ACL) runs last, on a packet that would otherwise leave.
        final RouteTable.Fib table = fib();
        final int route = table.lookup(destination);
        if (route == RouteTable.NONE) {
            sendIcmpError(frame, interfaces.get(ingress), Icmp.DESTINATION_UNREACHABLE, 0, 0, out);
            out.drop(frame, port, DropReason.NO_ROUTE, destination);
            return;
        }
        final int egress = table.egress(route);
        if (Ipv4.ttl(b, ip) <= 1) {
            sendIcmpError(frame, interfaces.get(ingress), Icmp.TIME_EXCEEDED, 0, 0, out);
            out.drop(frame, port, DropReason.TTL_EXPIRED, 0);
            return;
        }
        final int mtu = interfaceMtu[egress];
        if (Ipv4.totalLength(b, ip) > mtu) {
            // DF: ICMP "fragmentation needed" with the next-hop MTU (RFC 1191). Fragmenting a packet without DF is
            // not modelled; it is dropped with the same reason so the trace shows the MTU problem.
            if (Ipv4.dontFragment(b, ip)) {
                sendIcmpError(frame, interfaces.get(ingress), Icmp.DESTINATION_UNREACHABLE,
                        Icmp.CODE_FRAGMENTATION_NEEDED, mtu, out);
            }
            out.drop(frame, port, DropReason.MTU_EXCEEDED, mtu);
            return;
        }
        final int denyingRule = firstDenyingRule(Ipv4.source(b, ip), destination, Ipv4.protocol(b, ip));
        if (denyingRule != NONE) {
            out.drop(frame, port, DropReason.ACL_DENIED, denyingRule + 1);
            return;
        }
        Ipv4.decrementTtl(b, ip);
        // queued (when the next hop is unknown) with its ingress L2 header, so a failed resolution can still
        // answer the source
        final long nextHopMac = arp.resolveOrQueue(frame, table.nextHop(route, destination), out);
        if (nextHopMac != Neighbors.UNKNOWN) {
            rewriteL2(frame, interfacePort[egress], interfaceVid[egress], nextHopMac);
            out.transmit(frame, interfacePort[egress], Action.ROUTED);
        }
    }

    /** The routed interface bound to {@code vid} (or {@link RouterInterface#UNTAGGED}) on {@code port}, or NONE. */
    private int interfaceOn(final int port, final int vid) {
        final int[] byVid = interfaceByPortVid[port];
        return byVid == null ? NONE : byVid[vid];
    }

    /**
     * Source MAC = egress port's MAC, destination = the resolved neighbour, VLAN = egress interface's: the tag
     * is rewritten, pushed (untagged in, tagged out) or popped (tagged in, routed port out).
     */
    private void rewriteL2(final Frame frame, final int egressPort, final int egressVid, final long nextHopMac) {
        frame.setSourceMac(macs[egressPort]);
        final boolean tagged = frame.outerType() == EtherType.VLAN_8021Q;
        final boolean egressTagged = egressVid != RouterInterface.UNTAGGED;
        if (egressTagged && tagged) {
            frame.setVlanId(egressVid);
        } else if (egressTagged) {
            frame.pushVlanTag(EtherType.VLAN_8021Q, egressVid);
        } else if (tagged) {
            frame.popVlanTag();
        }
        frame.setDestinationMac(nextHopMac);
    }

    /** Packets for the router itself: it answers pings to its gateway addresses and consumes the rest. */
    private void receiveForRouter(final Frame frame, final int port, final RouterInterface ingress, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int icmp = ip + Ipv4.headerLength(b, ip);
        if (Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_ICMP && Ipv4.payloadLength(b, ip) < Icmp.HEADER_LENGTH) {
            out.drop(frame, port, DropReason.TRUNCATED_ICMP, Ipv4.payloadLength(b, ip));
            return;
        }
        if (Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_ICMP && Icmp.type(b, icmp) == Icmp.ECHO_REQUEST) {
            final Frame reply = Packets.icmpEchoReply(out.newFrame(), frame, macs[port], Ipv4.destination(b, ip),
                    Ipv4.DEFAULT_TTL, nextIpId());
            out.deliver(frame, port);
            sendOn(reply, ingress, Action.REPLIED, out);
            return;
        }
        out.deliver(frame, port);
    }

    /** ICMP error back to the source, from the ingress interface's address; never about an ICMP error. */
    private void sendIcmpError(final Frame original, final RouterInterface ingress, final int type, final int code,
                               final int rest, final Egress out) {
        if (!IcmpErrors.mayAnswer(original)) {
            return;                                   // never about an ICMP error, nor a truncated ICMP message
        }
        final int destination = Ipv4.destination(original.bytes(), original.l3Offset());
        if (MacAddress.isMulticast(original.sourceMac()) || destination == -1 || (destination >>> 28) == 0xe) {
            return;                                   // not about broadcast or multicast (RFC 1122 3.2.2)
        }
        final Frame error = Packets.icmpError(out.newFrame(), original, macs[ingress.port()], original.sourceMac(),
                ingress.ip(), type, code, rest, nextIpId());
        sendOn(error, ingress, Action.REPLIED, out);
    }

    /** Sends a frame the router built (untagged) out of an interface: tagged with its VID on a subinterface. */
    private static void sendOn(final Frame frame, final RouterInterface routerInterface, final Action action,
                               final Egress out) {
        if (routerInterface.isTagged()) {
            frame.pushVlanTag(EtherType.VLAN_8021Q, routerInterface.vid());
        }
        out.transmit(frame, routerInterface.port(), action);
    }

    @Override
    public void onTimer(final int target, final Egress out) {
        arp.onTimer(target, out);
    }

    /** What this router's ARP differs in: it answers only for the ingress interface, in that interface's VLAN. */
    private final class ArpStack implements ArpResolver.Stack<RouterInterface> {
        @Override
        public RouterInterface facing(final int address) {
            return connected(address);
        }

        @Override
        public boolean answersFor(final int target, final RouterInterface in) {
            return target == in.ip();                                       // no proxy ARP
        }

        @Override
        public long mac(final RouterInterface iface) {
            return macs[iface.port()];
        }

        @Override
        public int ip(final RouterInterface iface) {
            return iface.ip();
        }

        @Override
        public void send(final Frame frame, final RouterInterface iface, final Action action, final Egress out) {
            sendOn(frame, iface, action, out);
        }

        @Override
        public void release(final Frame waiting, final RouterInterface egress, final long mac, final Egress out) {
            rewriteL2(waiting, egress.port(), egress.vid(), mac);
            out.transmit(waiting, egress.port(), Action.ROUTED);
        }

        /** Linux: neighbour resolution failed -> ICMP host unreachable to the source (forwarding-rules.md 5). */
        @Override
        public void unreachable(final Frame waiting, final int target, final Egress out) {
            final int ingressIndex = ingressOf(waiting);
            if (ingressIndex != NONE) {
                sendIcmpError(waiting, interfaces.get(ingressIndex), Icmp.DESTINATION_UNREACHABLE,
                        Icmp.CODE_HOST_UNREACHABLE, 0, out);
            }
            out.drop(waiting, ingressIndex == NONE ? UPLINK : interfaces.get(ingressIndex).port(),
                    DropReason.NEIGHBOR_UNREACHABLE, target);
        }
    }

    /** The routed interfaces as the route table sees them; a shut interface has no connected route. */
    private final class InterfaceSubnets implements RouteTable.Subnets {
        @Override
        public int count() {
            return interfaces.size();
        }

        @Override
        public int ip(final int index) {
            return interfaceIp[index];
        }

        @Override
        public int prefixLength(final int index) {
            return interfacePrefixLength[index];
        }

        @Override
        public boolean isUp(final int index) {
            return interfaceUp[index];
        }
    }

    /** The interface a queued packet came in on, from the L2 header it still carries (tag and destination MAC). */
    private int ingressOf(final Frame waiting) {
        final int vid = waiting.outerType() == EtherType.VLAN_8021Q ? waiting.vlanId() : RouterInterface.UNTAGGED;
        for (int port = 0; port < macs.length; port++) {
            if (macs[port] == waiting.destinationMac()) {
                final int index = interfaceOn(port, vid);
                if (index != NONE) {
                    return index;
                }
            }
        }
        return NONE;
    }

    private boolean isOwnAddress(final int address) {
        for (final int own : interfaceIp) {
            if (own == address) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first ACL rule that matches and denies, or -1 (first match decides; default permit). */
    private int firstDenyingRule(final int source, final int destination, final int protocol) {
        for (int i = 0; i < acl.size(); i++) {
            final AclRule rule = acl.get(i);
            if (rule.matches(source, destination, protocol)) {
                return rule.permit() ? NONE : i;
            }
        }
        return NONE;
    }

    /** The interface whose subnet holds the address (the longest such prefix), or null. */
    private RouterInterface connected(final int address) {
        final int index = routes.connected(address);
        return index == RouteTable.NONE ? null : interfaces.get(index);
    }

    private int nextIpId() {
        ipIdentification = (ipIdentification + 1) & 0xffff;
        return ipIdentification;
    }

    /** Configuration shared (a shallow copy: lists and maps are never written while simulating), state fresh. */
    @Override
    public RoutingFirewall instantiate() {
        try {
            final RoutingFirewall copy = (RoutingFirewall) clone();
            copy.arp = new ArpResolver<>(copy.new ArpStack());
            copy.ipIdentification = 0;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void seal() {
        fib();
        sealed = true;
    }

    private RouteTable.Fib fib() {
        if (fib == null) {
            fib = routes.compile();
        }
        return fib;
    }

    private void checkConfigurable() {
        Sealing.check(sealed, host);
    }

    @Override
    public void reset() {
        arp.clear();
        ipIdentification = 0;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return portNames.get(port);
    }

    @Override
    public int portCount() {
        return portNames.size();
    }

    /**
     * One box per port (a trunk uplink carrying subinterfaces, or a routed port), one per routed subinterface,
     * each subinterface linked to the port it rides on.
     */
    @Override
    public Sketch sketch() {
        final List<Sketch.Part> parts = new ArrayList<>();
        for (int p = 0; p < portCount(); p++) {
            final int port = p;
            final boolean trunk = interfaces().stream().anyMatch(ri -> ri.port() == port && ri.isTagged());
            parts.add(new Sketch.Part(Sketch.Shape.ROUTER_PORT, interfaceName(p), trunk ? "trunk uplink"
                    : "routed port", 0, "", List.of(p)));
        }
        final List<Sketch.Link> links = new ArrayList<>();
        for (final RouterInterface ri : interfaces()) {
            links.add(new Sketch.Link(parts.size(), ri.port(), ri.vid()));
            parts.add(new Sketch.Part(Sketch.Shape.ROUTER_SUBINTERFACE, ri.name(), (ri.isTagged() ? "VLAN "
                    + ri.vid() + " " : "") + Ipv4Address.format(ri.ip()) + "/" + ri.prefixLength(), ri.vid(),
                    ri.subnet(), List.of()));
        }
        return new Sketch(parts, links, "routing firewall");
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.ROUTING_FIREWALL;
    }

    /** The gateway address of each routed subinterface. */
    @Override
    public List<InterfaceAddress> addresses() {
        final List<InterfaceAddress> result = new ArrayList<>(interfaces.size());
        for (final RouterInterface ri : interfaces) {
            result.add(new InterfaceAddress(ri.name(), ri.ip(), ri.prefixLength()));
        }
        return result;
    }

    /** The uplink, then each routed subinterface with its connected route, then the ACL. */
    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        for (int port = 0; port < portNames.size(); port++) {
            final int p = port;
            final boolean routedPort = interfaces.stream().anyMatch(ri -> ri.port() == p && !ri.isTagged());
            lines.add(portNames.get(port) + (routedPort ? "  routed port" : "  trunk uplink") + ", mac "
                    + MacAddress.format(macs[port]) + ", to " + peer.apply(port));
            for (final RouterInterface ri : interfaces) {
                if (ri.port() == port) {
                    lines.add(ri.name() + (ri.isTagged() ? "  VLAN " + ri.vid() : "  untagged") + "  "
                            + Ipv4Address.format(ri.ip()) + "/" + ri.prefixLength() + " (routes " + ri.subnet() + ")");
                }
            }
        }
        for (final StaticRoute route : routes.routes()) {
            lines.add("route " + route);
        }
        lines.add("ACL: " + (acl.isEmpty() ? "no rules (default permit)" : acl.stream().map(AclRule::text).toList()));
        return lines;
    }

    /** The MAC of the first port. */
    public long mac() {
        return mac;
    }

    /** The MAC of a port. */
    public long mac(final int port) {
        return macs[port];
    }

    /** The static routes, in the order they were added. */
    public List<StaticRoute> routes() {
        return List.copyOf(routes.routes());
    }

    /** The routed interfaces in the order they were added (a copy). */
    public List<RouterInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    /** The ACL rules in the order they are tried (a copy). */
    public List<AclRule> acl() {
        return List.copyOf(acl);
    }

    /**
     * The route a packet for {@code address} takes, in words: the connected subnet ("172.16.4.0/24") or the
     * static route ("default via 198.51.100.1"); null with no route.
     */
    @Override
    public String routeText(final int address) {
        final int route = routes.lookup(address);
        if (route == RouteTable.NONE) {
            return null;
        }
        return routes.isConnected(route) ? interfaces.get(route).subnet() : routes.staticRoute(route).toString();
    }

    /** A firewall evaluates its ACL on every packet it routes. */
    @Override
    public boolean filtersRoutedTraffic() {
        return true;
    }

    /** The firewall's ports are its physical interfaces (a routed port or a trunk uplink). */
    @Override
    public String routedExit(final int port) {
        return "physical interface";
    }

    /** The interface a packet for {@code address} leaves by (connected or static route), or null with no route. */
    public RouterInterface interfaceFor(final int address) {
        final int route = routes.lookup(address);
        return route == RouteTable.NONE ? null : interfaces.get(routes.egress(route));
    }
}

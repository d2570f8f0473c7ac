package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.agrona.collections.Int2IntHashMap;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.Neighbors;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * A routing firewall on a stick: one trunk uplink, one routed subinterface and gateway address per VLAN,
 * connected routes, ARP, ordered ACL rules. {@link #receive} reads like ip_rcv_finish() and ip_forward(): is it
 * for one of my VLANs -> ARP -> addressed to my MAC -> valid IPv4 -> for me (ping the gateway) -> route -> TTL ->
 * MTU -> ACL (the FORWARD filter) -> rewrite (TTL-1 with incremental checksum, source MAC, VLAN) -> resolve the
 * next hop -> transmit. It answers ARP only for the address of the subinterface the request arrived on, as a
 * firewall appliance does (a Linux router with the default arp_ignore=0 would answer for any of its addresses).
 * Rules: semantics.md section 8 (RFC 791, 792, 826, 1812).
 */
public final class RoutingFirewall implements Device, Cloneable {
    /** The single physical port ("Uplink 1"). */
    public static final int UPLINK = 0;
    private static final int NONE = -1;

    private final String host;
    private final String portName;
    private final long mac;
    private final List<RouterInterface> interfaces = new ArrayList<>();
    private final Int2IntHashMap interfaceByVid = new Int2IntHashMap(NONE);
    private final List<AclRule> acl = new ArrayList<>();
    private Neighbors neighbors = new Neighbors();     // learned state: fresh in each instance
    private int ipIdentification;

    /** Set by {@link #seal()}: part of a built topology, configuration final. */
    private boolean sealed;

    public RoutingFirewall(final String host, final String portName, final long mac) {
        this.host = host;
        this.portName = portName;
        this.mac = mac;
    }

    public void addInterface(final RouterInterface routerInterface) {
        checkConfigurable();
        if (interfaceByVid.containsKey(routerInterface.vid())) {
            throw new IllegalArgumentException(host + " already has a subinterface for VLAN " + routerInterface.vid());
        }
        interfaceByVid.put(routerInterface.vid(), interfaces.size());
        interfaces.add(routerInterface);
    }

    public void addAclRule(final AclRule rule) {
        checkConfigurable();
        acl.add(rule);
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (frame.outerType() != EtherType.VLAN_8021Q) {
            out.drop(frame, port, DropReason.NO_ROUTER_INTERFACE, 0);        // no untagged interface on the uplink
            return;
        }
        final int ingressIndex = interfaceByVid.get(frame.vlanId());
        if (ingressIndex == NONE) {
            out.drop(frame, port, DropReason.NO_ROUTER_INTERFACE, frame.vlanId());
            return;
        }
        final RouterInterface ingress = interfaces.get(ingressIndex);
        final int type = frame.etherType();
        if (type == EtherType.ARP) {
            receiveArp(frame, port, ingress, out);
            return;
        }
        if (frame.destinationMac() != mac) {
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
            receiveForRouter(frame, port, ingress, out);
            return;
        }
        // ip_rcv_finish() looks the route up first; ip_forward() then checks TTL and MTU; the FORWARD filter
        // (the ACL) runs last, on a packet that would otherwise leave.
        final RouterInterface egress = route(destination);
        if (egress == null) {
            sendIcmpError(frame, ingress, Icmp.DESTINATION_UNREACHABLE, 0, 0, out);
            out.drop(frame, port, DropReason.NO_ROUTE, destination);
            return;
        }
        if (Ipv4.ttl(b, ip) <= 1) {
            sendIcmpError(frame, ingress, Icmp.TIME_EXCEEDED, 0, 0, out);
            out.drop(frame, port, DropReason.TTL_EXPIRED, 0);
            return;
        }
        if (Ipv4.totalLength(b, ip) > egress.mtu()) {
            // DF: ICMP "fragmentation needed" with the next-hop MTU (RFC 1191). Fragmenting a packet without DF is
            // not modelled; it is dropped with the same reason so the trace shows the MTU problem.
            if (Ipv4.dontFragment(b, ip)) {
                sendIcmpError(frame, ingress, Icmp.DESTINATION_UNREACHABLE, Icmp.CODE_FRAGMENTATION_NEEDED,
                        egress.mtu(), out);
            }
            out.drop(frame, port, DropReason.MTU_EXCEEDED, egress.mtu());
            return;
        }
        final int denyingRule = firstDenyingRule(Ipv4.source(b, ip), destination, Ipv4.protocol(b, ip));
        if (denyingRule != NONE) {
            out.drop(frame, port, DropReason.ACL_DENIED, denyingRule + 1);
            return;
        }
        Ipv4.decrementTtl(b, ip);
        final long nextHopMac = neighbors.lookup(destination);
        if (nextHopMac != Neighbors.UNKNOWN) {
            rewriteL2(frame, egress, nextHopMac);
            out.transmit(frame, UPLINK, Action.ROUTED);
        } else if (neighbors.enqueue(destination, frame)) {
            // queued with its ingress L2 header, so a failed resolution can still answer the source
            probe(destination, egress, out);
        }
    }

    /** Source MAC = egress subinterface MAC, destination = the resolved neighbour, VID = egress subinterface VID. */
    private void rewriteL2(final Frame frame, final RouterInterface egress, final long nextHopMac) {
        frame.setSourceMac(mac);
        frame.setVlanId(egress.vid());
        frame.setDestinationMac(nextHopMac);
    }

    private void receiveArp(final Frame frame, final int port, final RouterInterface ingress, final Egress out) {
        final byte[] b = frame.bytes();
        final int arp = frame.l3Offset();
        final int target = Arp.targetIp(b, arp);
        if (!Arp.isEthernetIpv4(b, arp) || target != ingress.ip()) {
            out.drop(frame, port, DropReason.ARP_NOT_FOR_THIS_HOST, target);   // no proxy ARP
            return;
        }
        final int sender = Arp.senderIp(b, arp);
        final long senderMac = Arp.senderMac(b, arp);
        neighbors.learn(sender, senderMac);
        final boolean request = Arp.operation(b, arp) == Arp.REQUEST;
        out.deliver(frame, port);
        if (request) {
            final Frame reply = Packets.arpReply(out.newFrame(), mac, ingress.ip(), senderMac, sender);
            reply.pushVlanTag(EtherType.VLAN_8021Q, ingress.vid());
            out.transmit(reply, UPLINK, Action.REPLIED);
        }
        for (final Frame waiting : neighbors.release(sender)) {
            rewriteL2(waiting, route(sender), senderMac);
            out.transmit(waiting, UPLINK, Action.ROUTED);
        }
    }

    /** Packets for the router itself: it answers pings to its gateway addresses and consumes the rest. */
    private void receiveForRouter(final Frame frame, final int port, final RouterInterface ingress, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int icmp = ip + Ipv4.headerLength(b, ip);
        if (Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_ICMP && Icmp.type(b, icmp) == Icmp.ECHO_REQUEST) {
            final Frame reply = Packets.icmpEchoReply(out.newFrame(), frame, mac, Ipv4.destination(b, ip),
                    Ipv4.DEFAULT_TTL, nextIpId());
            reply.pushVlanTag(EtherType.VLAN_8021Q, ingress.vid());
            out.deliver(frame, port);
            out.transmit(reply, UPLINK, Action.REPLIED);
            return;
        }
        out.deliver(frame, port);
    }

    /** ICMP error back to the source, from the ingress interface's address; never about an ICMP error. */
    private void sendIcmpError(final Frame original, final RouterInterface ingress, final int type, final int code,
                               final int rest, final Egress out) {
        final byte[] b = original.bytes();
        final int ip = original.l3Offset();
        if (Ipv4.protocol(b, ip) == Ipv4.PROTOCOL_ICMP
                && Icmp.isError(Icmp.type(b, ip + Ipv4.headerLength(b, ip)))) {
            return;
        }
        final int destination = Ipv4.destination(b, ip);
        if (MacAddress.isMulticast(original.sourceMac()) || destination == -1 || (destination >>> 28) == 0xe) {
            return;                                   // not about broadcast or multicast (RFC 1122 3.2.2)
        }
        final Frame error = Packets.icmpError(out.newFrame(), original, mac, original.sourceMac(), ingress.ip(),
                type, code, rest, nextIpId());
        error.pushVlanTag(EtherType.VLAN_8021Q, ingress.vid());
        out.transmit(error, UPLINK, Action.REPLIED);
    }

    /** Sends one ARP probe in the egress VLAN and arms the retry timer; false when the probes are used up. */
    private boolean probe(final int target, final RouterInterface egress, final Egress out) {
        if (egress == null || !neighbors.countProbe(target)) {
            return false;
        }
        final Frame request = Packets.arpRequest(out.newFrame(), mac, egress.ip(), target);
        request.pushVlanTag(EtherType.VLAN_8021Q, egress.vid());
        out.transmit(request, UPLINK, Action.ORIGINATED);
        out.schedule(Neighbors.PROBE_INTERVAL_NS, target);
        return true;
    }

    @Override
    public void onTimer(final int target, final Egress out) {
        if (!neighbors.isPending(target) || probe(target, route(target), out)) {
            return;                                         // resolved in the meantime, or probed again
        }
        for (final Frame waiting : neighbors.release(target)) {
            // Linux: neighbour resolution failed -> ICMP host unreachable to the source (semantics.md section 8)
            final int ingressIndex = interfaceByVid.get(waiting.vlanId());
            if (ingressIndex != NONE) {
                sendIcmpError(waiting, interfaces.get(ingressIndex), Icmp.DESTINATION_UNREACHABLE,
                        Icmp.CODE_HOST_UNREACHABLE, 0, out);
            }
            out.drop(waiting, UPLINK, DropReason.NEIGHBOR_UNREACHABLE, target);
        }
    }

    private boolean isOwnAddress(final int address) {
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.get(i).ip() == address) {
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

    /** Connected routes only: the subinterface whose subnet holds the destination. */
    private RouterInterface route(final int destination) {
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.get(i).isConnected(destination)) {
                return interfaces.get(i);
            }
        }
        return null;
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
            copy.neighbors = new Neighbors();
            copy.ipIdentification = 0;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        neighbors.clear();
        ipIdentification = 0;
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        if (sealed) {
            throw new IllegalStateException(host + " is part of a built topology: its configuration cannot change "
                    + "(build a new topology for a what-if)");
        }
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return portName;
    }

    @Override
    public int portCount() {
        return 1;
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
        lines.add(portName + "  trunk uplink, mac " + MacAddress.format(mac) + ", to " + peer.apply(UPLINK));
        for (final RouterInterface ri : interfaces) {
            lines.add(ri.name() + "  VLAN " + ri.vid() + "  " + Ipv4Address.format(ri.ip()) + "/" + ri.prefixLength()
                    + " (routes " + ri.subnet() + ")");
        }
        lines.add("ACL: " + (acl.isEmpty() ? "no rules (default permit)" : acl.stream().map(AclRule::text).toList()));
        return lines;
    }

    public long mac() {
        return mac;
    }

    public List<RouterInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    public List<AclRule> acl() {
        return List.copyOf(acl);
    }

    public RouterInterface interfaceFor(final int address) {
        return route(address);
    }
}

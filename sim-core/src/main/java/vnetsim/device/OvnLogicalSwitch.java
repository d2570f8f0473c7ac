package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * An OVN logical switch as ovn-northd programs it (ovn-northd(8) "Logical Switch Datapaths"; ovn-kubernetes
 * creates one per node and network for Layer3, {@code <net>_<node>}, and one per network for Layer2,
 * {@code <net>_ovn_layer2_switch}: {@code go-controller/pkg/ovn/base_network_controller_*.go}). Every port declares
 * its addresses ("MAC IP"), and the switch forwards by those declarations, never by learning. {@link #receive}
 * follows the ingress pipeline top to bottom:
 * <ol>
 *   <li>{@code ls_in_port_sec_l2}: on a workload port the source MAC must be the port's MAC;</li>
 *   <li>{@code ls_in_port_sec_ip}/{@code ls_in_port_sec_nd}: its IPv4 source, or ARP sender, must be the port's IP;</li>
 *   <li>{@code ls_in_arp_rsp}: an ARP request for an address another port declares (a workload or a router port)
 *       is answered by OVN itself, on the ingress port, with that port's MAC;</li>
 *   <li>{@code ls_in_l2_lkup}: broadcast and multicast go to every other port (a frame that came from a tunnel
 *       is never sent back into one); unicast goes to the one port declaring the destination MAC; a MAC no port
 *       declares is dropped (the ports ovn-kubernetes creates never carry "unknown").</li>
 * </ol>
 * A remote port stands for a port bound on another node (interconnect: {@code requested-tnl-key} and
 * {@code requested-chassis} on the transit or Layer2 switch); its link leads to the node's {@link GeneveTunnel}.
 * Rules and sources: {@code src/docs/forwarding-rules.md} section 13.
 */
public final class OvnLogicalSwitch implements Device {
    /** What a logical switch port is bound to. */
    public enum PortType {
        /** A VM or pod interface on this node (type ""): port security applies. */
        WORKLOAD,
        /** The peer of a logical router port (type "router"). */
        ROUTER,
        /** A port bound on another chassis (type "remote"): reached through the Geneve tunnel. */
        REMOTE
    }

    private static final int NONE = OvnPorts.NONE;
    /** What Linux lets through a device beyond its MTU: Ethernet header and one VLAN tag (is_skb_forwardable). */
    private static final int L2_OVERHEAD = 18;

    private final String host;
    private final String name;
    private final int tunnelKey;
    private final OvnPorts ports = new OvnPorts();
    private final List<PortType> types = new ArrayList<>();
    private int[] keys = new int[0];
    private int[] mtus = new int[0];

    /** A switch on {@code host}'s OVN zone named {@code name}; {@code tunnelKey} is its datapath key (the VNI). */
    public OvnLogicalSwitch(final String host, final String name, final int tunnelKey) {
        this.host = host;
        this.name = name;
        this.tunnelKey = tunnelKey;
    }

    /** Adds a port declaring {@code mac} and {@code ip} (0: none); {@code key} is its port tunnel key. */
    public int addPort(final String portName, final PortType type, final long mac, final int ip, final int key) {
        final int p = ports.add(portName, mac, ip);
        types.add(type);
        keys = java.util.Arrays.copyOf(keys, p + 1);
        mtus = java.util.Arrays.copyOf(mtus, p + 1);
        keys[p] = key;
        return p;
    }

    /**
     * The MTU of the workload's interface behind a port: the network's MTU, which ovn-kubernetes gives the pod
     * interface (and KubeVirt the VM through DHCP). A longer frame from the workload never reaches OVS: Linux
     * drops it where it enters that interface ({@code net/core/dev.c is_skb_forwardable()}: MTU + 14 bytes of
     * Ethernet header + 4 of a VLAN tag).
     * @param mtu bytes of IP packet, 576-9216
     */
    public void limitMtu(final int port, final int mtu) {
        if (mtu < 576 || mtu > 9216) {
            throw new IllegalArgumentException(name + " " + ports.name(port) + ": MTU " + mtu + " is outside 576-9216");
        }
        mtus[port] = mtu;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        final byte[] b = frame.bytes();
        final int type = frame.outerType();
        if (mtus[port] != 0 && frame.length() > mtus[port] + L2_OVERHEAD) {
            out.drop(frame, port, DropReason.MTU_EXCEEDED, mtus[port]);
            return;
        }
        if (types.get(port) == PortType.WORKLOAD && !portSecurityAllows(frame, port, type, out)) {
            return;
        }
        if (type == EtherType.ARP && types.get(port) != PortType.REMOTE
                && Arp.isEthernetIpv4(b, frame.l3Offset(), frame.end() - frame.l3Offset())
                && Arp.operation(b, frame.l3Offset()) == Arp.REQUEST) {
            final int owner = ports.withIp(Arp.targetIp(b, frame.l3Offset()));
            if (owner != NONE && owner != port) {
                answerArp(frame, port, owner, out);
                return;
            }
        }
        final long destination = frame.destinationMac();
        if (MacAddress.isMulticast(destination)) {
            flood(frame, port, out);
            return;
        }
        final int egress = ports.withMac(destination);
        if (egress == NONE) {
            out.drop(frame, port, DropReason.UNKNOWN_LOGICAL_DESTINATION, 0);
        } else if (egress == port) {
            out.drop(frame, port, DropReason.DESTINATION_ON_INGRESS_PORT, 0);
        } else {
            out.transmit(frame, egress, Action.SWITCHED);
        }
    }

    /** ls_in_port_sec_l2 then ls_in_port_sec_ip / ls_in_port_sec_nd; false when the frame was dropped. */
    private boolean portSecurityAllows(final Frame frame, final int port, final int type, final Egress out) {
        if (frame.sourceMac() != ports.mac(port)) {
            out.drop(frame, port, DropReason.PORT_SECURITY_MAC, 0);
            return false;
        }
        final byte[] b = frame.bytes();
        final int l3 = frame.l3Offset();
        final int ip = ports.ip(port);
        if (ip == 0) {
            return true;                           // Layer2 without subnets: "port security only prevents MAC spoofing"
        }
        if (type == EtherType.IPV4 && Ipv4.isValidHeader(b, l3, frame.end() - l3)) {
            final int source = Ipv4.source(b, l3);
            if (source != ip && source != 0) {   // 0.0.0.0: DHCP discover is allowed
                out.drop(frame, port, DropReason.PORT_SECURITY_IP, source);
                return false;
            }
        } else if (type == EtherType.ARP && Arp.isEthernetIpv4(b, l3, frame.end() - l3)) {
            if (Arp.senderMac(b, l3) != ports.mac(port)) {
                out.drop(frame, port, DropReason.PORT_SECURITY_MAC, 0);
                return false;
            }
            final int sender = Arp.senderIp(b, l3);
            if (sender != ip && sender != 0) {
                out.drop(frame, port, DropReason.PORT_SECURITY_IP, sender);
                return false;
            }
        }
        return true;
    }

    /** ls_in_arp_rsp: "eth.dst = eth.src; arp.op = 2; ... outport = inport; output". */
    private void answerArp(final Frame request, final int port, final int owner, final Egress out) {
        final byte[] b = request.bytes();
        final int arp = request.l3Offset();
        final Frame reply = Packets.arpReply(out.newFrame(), ports.mac(owner), ports.ip(owner), Arp.senderMac(b, arp),
                Arp.senderIp(b, arp));
        out.deliver(request, port);
        out.transmit(reply, port, Action.REPLIED);
    }

    /** The multicast group _MC_flood: every other port; a frame from a tunnel stays on this node. */
    private void flood(final Frame frame, final int ingress, final Egress out) {
        final boolean fromTunnel = types.get(ingress) == PortType.REMOTE;
        int previous = NONE;
        for (int p = 0; p < ports.count(); p++) {
            if (p == ingress || fromTunnel && types.get(p) == PortType.REMOTE) {
                continue;
            }
            if (previous != NONE) {
                out.transmit(out.copy(frame), previous, Action.FLOODED);
            }
            previous = p;
        }
        if (previous == NONE) {
            out.drop(frame, ingress, DropReason.NO_EGRESS_PORT, 0);
        } else {
            out.transmit(frame, previous, Action.FLOODED);
        }
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    /** The logical switch's name: "udn-l3_master1", "udn-l3_transit_switch". */
    public String name() {
        return name;
    }

    /** The datapath's tunnel key: the VNI Geneve carries for this logical switch. */
    public int tunnelKey() {
        return tunnelKey;
    }

    /** The port's tunnel key (what the Geneve option carries as logical ingress/egress port). */
    public int portKey(final int port) {
        return keys[port];
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
        return DeviceKind.OVN_LOGICAL_SWITCH;
    }

    /** "OVN logical switch udn-cluster-primary-l3_master1": a node runs several, the notes name which. */
    @Override
    public String noun() {
        return kind().noun() + " " + name;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(name + "  OVN logical switch on " + host + ", tunnel key " + tunnelKey);
        for (int p = 0; p < ports.count(); p++) {
            lines.add("  " + ports.name(p) + "  " + types.get(p).name().toLowerCase(java.util.Locale.ROOT)
                    + ", addresses " + ports.addresses(p) + (mtus[p] == 0 ? "" : ", MTU " + mtus[p])
                    + " -> " + peer.apply(p));
        }
        return lines;
    }
}

package vnetsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.PhysicalNic;
import vnetsim.device.VlanSubinterface;
import vnetsim.topology.LinkKind;
import vnetsim.topology.TopologyBuilder;

/**
 * Wires one virtualization host the way the documents' NMState policy does: a physical NIC, one 802.1Q
 * subinterface per VLAN ({@code enp4s0f0.2003}), and one Linux bridge per VLAN ({@code bridge2003}) with the
 * subinterface as a port. The port has {@code vlan: {}}, so the bridge is VLAN-unaware (vlan_filtering 0) and STP
 * is off ({@code src/docs/forwarding-rules.md} section 3). Workloads plug into a bridge through a veth/tap port.
 */
public final class VirtualizationNode {
    private final TopologyBuilder builder;
    private final String host;
    private final int nic;
    private final Map<Integer, Integer> bridgeByVlan = new LinkedHashMap<>();
    private final Map<Integer, LinuxBridge> bridges = new LinkedHashMap<>();

    /** @param nicName the parent NIC ("enp4s0f0"), {@code mtu} its MTU (subinterfaces inherit it) */
    public VirtualizationNode(final TopologyBuilder builder, final String host, final String nicName,
                              final long nicMac, final int mtu, final int... vlans) {
        this.builder = builder;
        this.host = host;
        final PhysicalNic physical = new PhysicalNic(host, nicName, nicMac, mtu);
        this.nic = builder.add(physical);
        for (final int vid : vlans) {
            final String subName = nicName + "." + vid;
            final VlanSubinterface sub = VlanSubinterface.dot1q(host, subName, vid, mtu);
            final int subIndex = builder.add(sub);
            builder.link(nic, physical.addSubinterface(vid, subName), subIndex, VlanSubinterface.LOWER,
                    LinkKind.STACK);
            final LinuxBridge bridge = new LinuxBridge(host, "bridge" + vid, false, LinuxBridge.DEFAULT_AGEING_NS);
            final int bridgeIndex = builder.add(bridge);
            final int bridgePort = bridge.addPort(bridge.defaultPort(subName, mtu));
            builder.link(subIndex, VlanSubinterface.UPPER, bridgeIndex, bridgePort, LinkKind.STACK);
            bridgeByVlan.put(vid, bridgeIndex);
            bridges.put(vid, bridge);
        }
        physical.setPromiscuous(true);          // an enslaved subinterface makes its parent promiscuous
    }

    /** The NIC's device index (its wire port is {@link PhysicalNic#WIRE}). */
    public int nic() {
        return nic;
    }

    /**
     * The node's host name, which every device on it carries.
     *
     * @return the name given to the constructor ("node0")
     */
    public String host() {
        return host;
    }

    /** Plugs an endpoint into the bridge of its VLAN through a veth named {@code portName}. */
    public int attach(final String shortId, final Endpoint endpoint, final int vlan, final String portName) {
        final Integer bridgeIndex = bridgeByVlan.get(vlan);
        if (bridgeIndex == null) {
            throw new IllegalArgumentException(host + " has no bridge for VLAN " + vlan);
        }
        final int endpointIndex = builder.addEndpoint(shortId, endpoint);
        final int port = bridges.get(vlan).addPort(bridges.get(vlan).defaultPort(portName, 1500));
        builder.link(endpointIndex, Endpoint.NIC, bridgeIndex, port, LinkKind.VETH);
        return endpointIndex;
    }
}

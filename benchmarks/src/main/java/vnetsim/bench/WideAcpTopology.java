package vnetsim.bench;

import vnetsim.device.Endpoint;
import vnetsim.device.Endpoint.Workload;
import vnetsim.device.PhysicalNic;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.scenario.VirtualizationNode;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * The ACP virtualization wiring of {@link AcpVirtualization} (three nodes, VLANs 2003-2005, the same switch ports
 * and firewall), except that VLAN 2004 is the /9 10.128.0.0/9 instead of a /24, so a million destinations fit
 * behind bridge2004 the way the C reference's random mode puts them (its route 10.128/9 on VLAN 2004). VM1 stays
 * 172.16.4.208/24 on VLAN 2003; VM3 is 10.128.0.10/9 on VLAN 2004 of node0.
 */
final class WideAcpTopology {
    static final int VLAN_A = AcpVirtualization.VLAN_A;
    static final int VLAN_B = AcpVirtualization.VLAN_B;
    static final int VLAN_C = AcpVirtualization.VLAN_C;
    static final int WIDE_NET = Ipv4Address.parse("10.128.0.0");
    static final int WIDE_PREFIX = 9;
    static final int WIDE_GATEWAY = WIDE_NET | 1;
    static final long FIREWALL_MAC = MacAddress.parse("00:1b:17:00:01:01");

    private WideAcpTopology() {
    }

    static Topology build() {
        final TopologyBuilder b = new TopologyBuilder();
        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int switchIndex = b.add(sw);
        final SwitchportMode trunk = SwitchportMode.Trunk.allowing(VlanSet.range(VLAN_A, VLAN_C));
        final RoutingFirewall fw = new RoutingFirewall("Firewall", "Uplink 1", FIREWALL_MAC);
        fw.addInterface(new RouterInterface("Uplink 1.2003", VLAN_A, Ipv4Address.parse("172.16.4.1"), 24, 1500));
        fw.addInterface(new RouterInterface("Uplink 1.2004", VLAN_B, WIDE_GATEWAY, WIDE_PREFIX, 1500));
        fw.addInterface(new RouterInterface("Uplink 1.2005", VLAN_C, Ipv4Address.parse("172.16.6.1"), 24, 1500));
        final int firewallIndex = b.add(fw);
        b.link(switchIndex, sw.addPort("Ethernet1/1", trunk), firewallIndex, RoutingFirewall.UPLINK, LinkKind.CABLE);
        final VirtualizationNode[] nodes = new VirtualizationNode[3];
        final String[] ports = {"Ethernet1/3", "Ethernet1/7", "Ethernet1/11"};
        for (int i = 0; i < 3; i++) {
            nodes[i] = new VirtualizationNode(b, "node" + i, "enp4s0f0", MacAddress.parse("3c:fd:fe:a0:00:0" + i), 1500,
                    VLAN_A, VLAN_B, VLAN_C);
            b.link(switchIndex, sw.addPort(ports[i], trunk), nodes[i].nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        }
        nodes[0].attach("vm1", endpoint("Virtual Machine 1", Ipv4Address.parse("172.16.4.208"), 24), VLAN_A, "veth-vm1");
        nodes[0].attach("vm3", endpoint("Virtual Machine 3", WIDE_NET | 10, WIDE_PREFIX), VLAN_B, "veth-vm3");
        return b.build();
    }

    private static Endpoint endpoint(final String name, final int ip, final int prefix) {
        final int gateway = (ip & Ipv4Address.mask(prefix)) | 1;
        return new Endpoint(name, "vmnic1", Workload.VM, 0x0200_0000_0000L | (ip & 0xffff_ffffL), ip, prefix,
                gateway, 64);
    }
}

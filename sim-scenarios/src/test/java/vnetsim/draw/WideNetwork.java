package vnetsim.draw;

import vnetsim.analysis.Network;
import vnetsim.device.Endpoint;
import vnetsim.device.PhysicalNic;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.scenario.VirtualizationNode;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/** The acp design with {@code nodes} hosts, one VM per VLAN on each: a network too wide to place by hand. */
final class WideNetwork {
    private WideNetwork() {
    }

    static Network of(final int nodes) {
        return new Network("wide-" + nodes, () -> build(nodes));
    }

    private static Topology build(final int nodes) {
        final TopologyBuilder b = new TopologyBuilder();
        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int s = b.add(sw);
        final SwitchportMode trunk = SwitchportMode.Trunk.allowing(VlanSet.range(2003, 2005));
        final RoutingFirewall fw = new RoutingFirewall("Firewall", "Uplink 1", MacAddress.parse("00:1b:17:00:01:01"));
        for (int v = 0; v < 3; v++) {
            fw.addInterface(new RouterInterface("Uplink 1." + (2003 + v), 2003 + v,
                    Ipv4Address.parse("172.16." + (4 + v) + ".1"), 24, 1500));
        }
        b.link(s, sw.addPort("Ethernet1/1", trunk), b.add(fw), RoutingFirewall.UPLINK, LinkKind.CABLE);
        for (int n = 0; n < nodes; n++) {
            final VirtualizationNode node = new VirtualizationNode(b, "node" + n, "enp4s0f0",
                    0x3cfdfea00000L + n, 1500, 2003, 2004, 2005);
            b.link(s, sw.addPort("Ethernet1/" + (n + 2), trunk), node.nic(), PhysicalNic.WIRE, LinkKind.CABLE);
            for (int v = 0; v < 3; v++) {
                final int ip = Ipv4Address.parse("172.16." + (4 + v) + "." + (10 + n));
                node.attach("vm" + n + "-" + v, new Endpoint("VM " + n + "-" + v, "vmnic1", Endpoint.Workload.VM,
                        0x0200_0000_0000L | (ip & 0xffff_ffffL), ip, 24, (ip & Ipv4Address.mask(24)) | 1, 64),
                        2003 + v, "veth-vm" + n + "-" + v);
            }
        }
        return b.build();
    }
}

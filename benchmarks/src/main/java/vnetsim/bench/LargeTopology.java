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
import vnetsim.scenario.VirtualizationNode;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * A generated data centre in the ACP pattern: {@code nodes} virtualization hosts (each a NIC, one subinterface and
 * one bridge per VLAN, via {@link VirtualizationNode}), all trunked to one switch with a trunk port per node
 * allowing every VLAN, a firewall with one routed subinterface per VLAN (VLAN 2000 + v is 10.v.0.0/16, gateway
 * .1), and {@code workloads} VMs: workload i sits on node i % nodes, in VLAN (node + i / nodes) % vlans, so each
 * node hosts workloads of several VLANs and every VLAN spans many nodes. With 1,000 nodes, 100 VLANs and 10,000
 * workloads that is 211,002 devices.
 */
final class LargeTopology {
    static final int FIRST_VLAN = 2000;

    private LargeTopology() {
    }

    static Topology build(final int nodes, final int vlans, final int workloads) {
        final TopologyBuilder b = new TopologyBuilder();
        final int[] vids = new int[vlans];
        for (int v = 0; v < vlans; v++) {
            vids[v] = FIRST_VLAN + v;
        }
        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int switchIndex = b.add(sw);
        final SwitchportMode trunk = SwitchportMode.Trunk.allowing(VlanSet.range(FIRST_VLAN, FIRST_VLAN + vlans - 1));
        final RoutingFirewall fw = new RoutingFirewall("Firewall", "Uplink 1", MacAddress.parse("00:1b:17:00:01:01"));
        for (int v = 0; v < vlans; v++) {
            fw.addInterface(new RouterInterface("Uplink 1." + vids[v], vids[v], subnet(v) | 1, 16, 1500));
        }
        final int firewallIndex = b.add(fw);
        b.link(switchIndex, sw.addPort("Ethernet1/1", trunk), firewallIndex, RoutingFirewall.UPLINK, LinkKind.CABLE);
        final VirtualizationNode[] hosts = new VirtualizationNode[nodes];
        for (int n = 0; n < nodes; n++) {
            hosts[n] = new VirtualizationNode(b, "node" + n, "enp4s0f0", 0x3cfd_fe00_0000L | n, 1500, vids);
            final String port = "Ethernet" + (n / 48 + 2) + "/" + (n % 48 + 1);
            b.link(switchIndex, sw.addPort(port, trunk), hosts[n].nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        }
        for (int i = 0; i < workloads; i++) {
            final int node = i % nodes;
            final int v = (node + i / nodes) % vlans;
            final int ip = subnet(v) | (i + 2);
            final Endpoint vm = new Endpoint("Workload " + i, "vmnic1", Workload.VM, 0x0200_0000_0000L | (ip & 0xffff_ffffL),
                    ip, 16, subnet(v) | 1, 64);
            hosts[node].attach("w" + i, vm, vids[v], "veth-w" + i);
        }
        return b.build();
    }

    private static int subnet(final int v) {
        return Ipv4Address.parse("10.0.0.0") | (v << 16);
    }
}

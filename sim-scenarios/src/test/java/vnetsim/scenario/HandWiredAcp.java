package vnetsim.scenario;

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
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * The acp network as it was wired before the name-based builder, by integer index through TopologyBuilder and
 * VirtualizationNode, kept verbatim so a test can prove the builder's version behaves identically.
 */
final class HandWiredAcp {
    private static final int VLAN_A = 2003;
    private static final int VLAN_B = 2004;
    private static final int VLAN_C = 2005;
    private static final int MTU = 1500;
    private static final String NIC = "enp4s0f0";

    private HandWiredAcp() {
    }

    static Topology build() {
        final TopologyBuilder b = new TopologyBuilder();

        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int switchIndex = b.add(sw);
        final SwitchportMode trunk = SwitchportMode.Trunk.allowing(VlanSet.range(VLAN_A, VLAN_C));

        final RoutingFirewall fw = new RoutingFirewall("Firewall", "Uplink 1", MacAddress.parse("00:1b:17:00:01:01"));
        fw.addInterface(new RouterInterface("Uplink 1.2003", VLAN_A, ip("172.16.4.1"), 24, MTU));
        fw.addInterface(new RouterInterface("Uplink 1.2004", VLAN_B, ip("172.16.5.1"), 24, MTU));
        fw.addInterface(new RouterInterface("Uplink 1.2005", VLAN_C, ip("172.16.6.1"), 24, MTU));
        final int firewallIndex = b.add(fw);
        b.link(switchIndex, sw.addPort("Ethernet1/1", trunk), firewallIndex, RoutingFirewall.UPLINK, LinkKind.CABLE);

        final VirtualizationNode node0 = node(b, "node0", "3c:fd:fe:a0:00:00");
        final VirtualizationNode node1 = node(b, "node1", "3c:fd:fe:a0:00:01");
        final VirtualizationNode node2 = node(b, "node2", "3c:fd:fe:a0:00:02");
        b.link(switchIndex, sw.addPort("Ethernet1/3", trunk), node0.nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        b.link(switchIndex, sw.addPort("Ethernet1/7", trunk), node1.nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        b.link(switchIndex, sw.addPort("Ethernet1/11", trunk), node2.nic(), PhysicalNic.WIRE, LinkKind.CABLE);

        node0.attach("vm1", vm("Virtual Machine 1", "172.16.4.208"), VLAN_A, "veth-vm1");
        node0.attach("pod2", pod("Pod 2", "172.16.4.20"), VLAN_A, "veth-pod2");
        node0.attach("vm3", vm("Virtual Machine 3", "172.16.5.10"), VLAN_B, "veth-vm3");
        node1.attach("vm4", vm("Virtual Machine 4", "172.16.4.11"), VLAN_A, "veth-vm4");
        node2.attach("vm5", vm("Virtual Machine 5", "172.16.5.11"), VLAN_B, "veth-vm5");
        node1.attach("vm6", vm("Virtual Machine 6", "172.16.6.10"), VLAN_C, "veth-vm6");
        node2.attach("pod7", pod("Pod 7", "172.16.6.20"), VLAN_C, "veth-pod7");
        return b.build();
    }

    private static VirtualizationNode node(final TopologyBuilder b, final String host, final String mac) {
        return new VirtualizationNode(b, host, NIC, MacAddress.parse(mac), MTU, VLAN_A, VLAN_B, VLAN_C);
    }

    private static Endpoint vm(final String name, final String address) {
        return endpoint(name, "vmnic1", Workload.VM, address);
    }

    private static Endpoint pod(final String name, final String address) {
        return endpoint(name, "net1", Workload.POD, address);
    }

    /** MAC 02:00:ac:10:<third octet>:<fourth octet>, gateway .1 of its /24. */
    private static Endpoint endpoint(final String name, final String iface, final Workload workload,
                                     final String address) {
        final int ip = ip(address);
        final long mac = 0x0200_0000_0000L | (ip & 0xffff_ffffL);
        final int gateway = (ip & Ipv4Address.mask(24)) | 1;
        return new Endpoint(name, iface, workload, mac, ip, 24, gateway, 64);
    }

    private static int ip(final String text) {
        return Ipv4Address.parse(text);
    }
}

package vnetsim.scenario;

import vnetsim.network.NetworkBuilder;
import vnetsim.network.NetworkSpec;

/**
 * "Virtualization on an ACP" (seed 000): three nodes with {@code enp4s0f0}, a subinterface and a VLAN-unaware
 * bridge per VLAN 2003-2005 (the document's NMState), trunked to a switch and a router-on-a-stick firewall. What
 * the document leaves open (firewall port and MAC, placements, addresses, MACs) is chosen here, as the README lists.
 */
public final class AcpVirtualization implements Scenario {
    /** The name users type, and the network's name in traces. */
    public static final String NAME = "acp-virtualization";
    /** The document's VLANs: subnets 172.16.4.0/24, .5.0/24 and .6.0/24, bridges {@code bridge2003}-{@code 2005}. */
    public static final int VLAN_A = 2003, VLAN_B = 2004, VLAN_C = 2005;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Virtualization on an ACP (seed 000): 3 nodes, VLANs 2003-2005 bridged per node, NX-OS trunk, "
                + "router-on-a-stick firewall";
    }

    @Override
    public NetworkSpec spec() {
        final NetworkBuilder b = NetworkBuilder.network(NAME);
        b.switchNamed("Switch").trunk("Ethernet1/1", "2003-2005").trunk("Ethernet1/3", "2003-2005")
                .trunk("Ethernet1/7", "2003-2005").trunk("Ethernet1/11", "2003-2005");
        b.router("Firewall").port("Uplink 1", "00:1b:17:00:01:01").subinterface("Uplink 1", VLAN_A, "172.16.4.1/24")
                .subinterface("Uplink 1", VLAN_B, "172.16.5.1/24").subinterface("Uplink 1", VLAN_C, "172.16.6.1/24")
                .link("Switch", "Ethernet1/1", "Firewall", "Uplink 1");
        final String[] switchPorts = {"Ethernet1/3", "Ethernet1/7", "Ethernet1/11"};
        for (int n = 0; n < 3; n++) {
            final var nic = b.host("node" + n).nic("enp4s0f0").mac("3c:fd:fe:a0:00:0" + n);
            for (int vid = VLAN_A; vid <= VLAN_C; vid++) {
                nic.vlan(vid).bridge("bridge" + vid);
            }
            b.link("node" + n, "enp4s0f0", "Switch", switchPorts[n]);
        }
        vm(b, "node0", VLAN_A, "vm1", "Virtual Machine 1", "172.16.4.208");
        b.host("node0").bridge("bridge2003").pod("pod2", "172.16.4.20/24").named("Pod 2");
        vm(b, "node0", VLAN_B, "vm3", "Virtual Machine 3", "172.16.5.10");
        vm(b, "node1", VLAN_A, "vm4", "Virtual Machine 4", "172.16.4.11");
        vm(b, "node2", VLAN_B, "vm5", "Virtual Machine 5", "172.16.5.11");
        vm(b, "node1", VLAN_C, "vm6", "Virtual Machine 6", "172.16.6.10");
        b.host("node2").bridge("bridge2005").pod("pod7", "172.16.6.20/24").named("Pod 7");
        return b.build();
    }

    private static void vm(final NetworkBuilder b, final String node, final int vlan, final String id,
                           final String name, final String ip) {
        b.host(node).bridge("bridge" + vlan).vm(id, ip + "/24").named(name).iface("vmnic1");
    }
}

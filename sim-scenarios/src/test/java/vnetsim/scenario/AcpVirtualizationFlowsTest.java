package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.frame.EtherType;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/**
 * The four flow tables of "Virtualization on an ACP" (shared/seeds/000, Section 2), reproduced by the simulation.
 * Where the document disagrees with a correct simulation, the test asserts the simulation and says why.
 */
class AcpVirtualizationFlowsTest {
    private final Network acp = new AcpVirtualization().network();

    @Test
    void vm1_to_pod2_is_switched_by_the_node0_bridge_and_never_leaves_the_node() {
        final Trace t = acp.trace("Virtual Machine 1", "Pod 2");

        assertThatTrace(t).isDelivered()
                .passes("node0", "bridge2003").untagged().with(Action.SWITCHED)
                .then("Pod 2", "net1").untagged()
                .neverPasses("node0", "enp4s0f0")
                .neverPasses("Switch", "Ethernet1/3");
        // The document's single row (node0, bridge2003, Untagged, "Switched by Linux bridge") is a coarser view of
        // the same three rows: the VM's NIC, the bridge, the pod's NIC.
        assertThat(places(t)).containsExactly("Virtual Machine 1/vmnic1", "node0/bridge2003", "Pod 2/net1");
    }

    @Test
    void vm1_to_vm3_leaves_node0_tagged_2003_is_routed_by_the_firewall_and_comes_back_tagged_2004() {
        final Trace t = acp.trace("Virtual Machine 1", "Virtual Machine 3");

        assertThatTrace(t).isDelivered()
                .passes("Virtual Machine 1", "vmnic1").untagged().with(Action.ORIGINATED)
                .then("node0", "bridge2003").untagged()
                .then("node0", "enp4s0f0.2003").pushingTag(2003)
                .then("node0", "enp4s0f0").tagged(2003)
                .then("Switch", "Ethernet 1/3").tagged(2003)
                .then("Firewall", "Uplink 1").routed().changingTag(2003, 2004).withTtl(64)
                .then("Switch", "Ethernet1/3").tagged(2004).withTtl(63).withSourceMac("00:1b:17:00:01:01")
                .then("node0", "enp4s0f0").tagged(2004)
                .then("node0", "enp4s0f0.2004").poppingTag(2004)
                .then("node0", "bridge2004").untagged()
                .then("Virtual Machine 3", "vmnic1").untagged().withTtl(63);
        // Exactly the document's eleven rows, in its order (steps 1-11 of its table; it gets this one right).
        assertThat(places(t)).containsExactly("Virtual Machine 1/vmnic1", "node0/bridge2003",
                "node0/enp4s0f0.2003", "node0/enp4s0f0", "Switch/Ethernet1/3", "Firewall/Uplink 1",
                "Switch/Ethernet1/3", "node0/enp4s0f0", "node0/enp4s0f0.2004", "node0/bridge2004",
                "Virtual Machine 3/vmnic1");
        assertThat(tags(t)).containsExactly("Untagged", "Untagged", "Untagged", "Tagged", "Tagged", "Tagged",
                "Tagged", "Tagged", "Tagged", "Untagged", "Untagged");
    }

    @Test
    void vm1_to_vm4_is_switched_by_the_switch_into_node1_not_node0() {
        final Trace t = acp.trace("vm1", "vm4");

        assertThatTrace(t).isDelivered()
                .passes("node0", "enp4s0f0.2003").pushingTag(2003)
                .then("Switch", "Ethernet1/3").tagged(2003).with(Action.SWITCHED)
                .then("Switch", "Ethernet1/7").tagged(2003)
                // The document's steps 8-10 say node0; VM 4 is on node1, so the frame enters node1's NIC.
                .then("node1", "enp4s0f0").tagged(2003)
                // The document's step 9 says "Removing VLAN tag 2004"; the frame is in VLAN 2003 end to end.
                .then("node1", "enp4s0f0.2003").poppingTag(2003)
                .then("node1", "bridge2003").untagged()
                .then("Virtual Machine 4", "vmnic1")
                .neverPasses("Firewall", "Uplink 1");
        // Ten rows, not eleven: nothing happens between the switch's two ports, so the document's numbering,
        // which jumps from 5 to 7, has no step 6 to fill.
        assertThat(t.steps()).hasSize(10);
    }

    @Test
    void vm1_to_vm6_is_routed_from_2003_to_2005_into_node1() {
        final Trace t = acp.trace("vm1", "vm6");

        assertThatTrace(t).isDelivered()
                .passes("Firewall", "Uplink 1").routed().changingTag(2003, 2005)
                .then("Switch", "Ethernet1/7").tagged(2005)
                .then("node1", "enp4s0f0").tagged(2005)
                // The document's step 9 says "Removing VLAN tag 2004"; after the firewall the frame is in 2005.
                .then("node1", "enp4s0f0.2005").poppingTag(2005)
                .then("node1", "bridge2005")
                .then("Virtual Machine 6", "vmnic1").withTtl(63);
    }

    @Test
    void reverse_flows_take_the_mirror_path() {
        assertThatTrace(acp.trace("vm3", "vm1")).isDelivered()
                .passes("node0", "enp4s0f0.2004").pushingTag(2004)
                .then("Firewall", "Uplink 1").changingTag(2004, 2003)
                .then("node0", "enp4s0f0.2003").poppingTag(2003)
                .then("Virtual Machine 1", "vmnic1").withTtl(63);
        assertThatTrace(acp.trace("vm6", "vm1")).isDelivered()
                .passes("Switch", "Ethernet1/7").tagged(2005)
                .then("Firewall", "Uplink 1").changingTag(2005, 2003)
                .then("Switch", "Ethernet1/3").tagged(2003);
        assertThatTrace(acp.trace("vm4", "vm1")).isDelivered()
                .passes("Switch", "Ethernet1/7").tagged(2003)
                .then("Switch", "Ethernet1/3").tagged(2003)
                .neverPasses("Firewall", "Uplink 1");
    }

    @Test
    void the_documents_ping_of_vm1_from_another_subnet_sees_ttl_63() {
        // Seed 000 pings 172.16.4.208 and sees ttl=63: a Linux reply after one routed hop.
        final Trace reply = acp.trace("vm3", "vm1");
        final Step delivered = reply.steps().get(reply.steps().size() - 1);
        assertThat(delivered.dstIp()).isEqualTo("172.16.4.208");
        assertThat(delivered.ttl()).isEqualTo(63);
    }

    @Test
    void cold_start_shows_the_arp_broadcast_flooding_and_the_firewall_reply() {
        final Trace t = acp.trace(Flow.icmp("vm1", "vm3").coldStart());

        assertThatTrace(t).isDelivered();
        final List<Step> arpFromVm1 = t.events().stream()
                .filter(s -> s.etherType() == EtherType.ARP && s.dstMac().equals("ff:ff:ff:ff:ff:ff")
                        && "172.16.4.1".equals(s.dstIp()))
                .toList();
        // The broadcast is flooded by bridge2003 (to the uplink and Pod 2) and by the switch (to the firewall,
        // node1 and node2), and every bystander ignores it.
        assertThat(arpFromVm1).anySatisfy(s -> assertThat(s.action()).isEqualTo(Action.FLOODED));
        assertThat(arpFromVm1).extracting(Step::device).contains("Switch", "node1", "node2", "Pod 2", "Firewall");
        assertThat(t.events()).anySatisfy(s -> {
            assertThat(s.device()).isEqualTo("Firewall");
            assertThat(s.action()).isEqualTo(Action.REPLIED);
            assertThat(s.etherType()).isEqualTo(EtherType.ARP);
        });
        // and the firewall ARPs for VM3 in VLAN 2004 before it can forward
        assertThat(t.events()).anySatisfy(s -> {
            assertThat(s.device()).isEqualTo("Firewall");
            assertThat(s.direction()).isEqualTo(Direction.OUT);
            assertThat(s.vlan()).isEqualTo(2004);
            assertThat(s.dstIp()).isEqualTo("172.16.5.10");
            assertThat(s.etherType()).isEqualTo(EtherType.ARP);
        });
        // events are in time order
        assertThat(t.events()).extracting(Step::timeNs).isSorted();
    }

    @Test
    void a_warm_trace_has_no_arp_and_no_flood() {
        final Trace t = acp.trace("vm1", "vm3");
        assertThat(t.events()).noneMatch(s -> s.etherType() == EtherType.ARP);
        assertThat(t.events()).noneMatch(s -> s.action() == Action.FLOODED);
    }

    @Test
    void udp_is_delivered_without_a_reply() {
        final Trace t = acp.trace(new Flow("vm1", "vm6", Protocol.UDP, false));
        assertThatTrace(t).isDelivered().passes("Firewall", "Uplink 1").changingTag(2003, 2005);
        assertThat(t.events()).allMatch(s -> s.srcIp() == null || s.srcIp().equals("172.16.4.208"));
    }

    @Test
    void arping_an_address_in_another_subnet_gets_no_answer_because_the_firewall_does_no_proxy_arp() {
        final Trace t = acp.trace(new Flow("vm1", "vm3", Protocol.ARP, false));
        assertThatTrace(t).isDropped();
        assertThat(t.drop().reason()).contains("172.16.5.10").contains("no proxy ARP");
    }

    @Test
    void arping_a_neighbour_in_the_same_vlan_reaches_it() {
        assertThatTrace(acp.trace(new Flow("vm1", "vm4", Protocol.ARP, true))).isDelivered()
                .passes("Switch", "Ethernet1/3").with(Action.FLOODED)
                .then("Virtual Machine 4", "vmnic1");
    }

    @Test
    void the_same_flow_gives_the_same_trace_every_time() {
        assertThat(acp.trace(Flow.icmp("vm1", "vm6").coldStart()))
                .isEqualTo(acp.trace(Flow.icmp("vm1", "vm6").coldStart()));
    }

    private static List<String> places(final Trace t) {
        return t.steps().stream().map(s -> s.device() + "/" + s.iface()).toList();
    }

    private static List<String> tags(final Trace t) {
        return t.steps().stream().map(s -> s.tagged() ? "Tagged" : "Untagged").toList();
    }
}

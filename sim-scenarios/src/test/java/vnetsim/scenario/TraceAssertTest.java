package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.network.NetworkSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The assertion API fails when the trace says otherwise, and its message is exactly: the flow, what was expected,
 * what happened, then the whole trace as the document's table (TraceAssert.message; the table is
 * StepTable.describe in the document view, pinned literally once below).
 */
class TraceAssertTest {
    private static final AcpVirtualization ACP = new AcpVirtualization();
    private final Trace vm1ToVm3 = ACP.network().trace("vm1", "vm3");
    /** vm1 arping 172.16.5.10 (vm3, another subnet): no proxy ARP on the firewall, so the request dies at vm4. */
    private final Trace arpVm1ToVm3 = ACP.network().trace(new Flow("vm1", "vm3", Protocol.ARP, false));
    /** Ethernet1/3 without VLAN 2004: the firewall's ARP for vm3 is never flooded to node0 (RootCauseTest). */
    private final Trace without2004 = withoutVlan2004OnEthernet1_3().trace(Flow.icmp("vm1", "vm3").coldStart());

    @Test
    void should_fail_with_the_expectation_and_the_whole_table_when_the_tag_pushed_is_another_one() {
        // the table as `vnetsim trace acp-virtualization vm1 vm3` prints it (README, "Tracing a flow")
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2003").pushingTag(2004)))
                .isEqualTo(String.format("%nExpecting trace of ICMP Virtual Machine 1 -> Virtual Machine 3%n"
                        + "at step 3 (node0 / enp4s0f0.2003) to push tag 2004%n"
                        + "but it arrived untagged and left tagged 2003:%n")
                        + """
                        ICMP Virtual Machine 1 -> Virtual Machine 3 (acp-virtualization)
                        Step  Source             Destination        Device             Interface      Tagged/Untagged  Notes
                        1.    Virtual Machine 1  Virtual Machine 3  Virtual Machine 1  vmnic1         Untagged         Exiting VM interface
                        2.    Virtual Machine 1  Virtual Machine 3  node0              bridge2003     Untagged         Switched by Linux bridge
                        3.    Virtual Machine 1  Virtual Machine 3  node0              enp4s0f0.2003  Untagged         Adding VLAN tag 2003 via VLAN interface
                        4.    Virtual Machine 1  Virtual Machine 3  node0              enp4s0f0       Tagged 2003      Exiting via physical interface
                        5.    Virtual Machine 1  Virtual Machine 3  Switch             Ethernet1/3    Tagged 2003      Arrives at switch in VLAN 2003, switched to Ethernet1/1
                        6.    Virtual Machine 1  Virtual Machine 3  Firewall           Uplink 1       Tagged 2003      Routed 172.16.4.0/24 -> 172.16.5.0/24, ACLs evaluated (permit), tag changed from 2003 to 2004, TTL 64 -> 63, source MAC now 00:1b:17:00:01:01
                        7.    Virtual Machine 1  Virtual Machine 3  Switch             Ethernet1/3    Tagged 2004      Departing switch to node0
                        8.    Virtual Machine 1  Virtual Machine 3  node0              enp4s0f0       Tagged 2004      Entering via physical interface
                        9.    Virtual Machine 1  Virtual Machine 3  node0              enp4s0f0.2004  Tagged 2004      Removing VLAN tag 2004 via VLAN interface
                        10.   Virtual Machine 1  Virtual Machine 3  node0              bridge2004     Untagged         Switched by Linux bridge
                        11.   Virtual Machine 1  Virtual Machine 3  Virtual Machine 3  vmnic1         Untagged         Entering VM interface
                        Outcome: DELIVERED
                        """);
    }

    @Test
    void should_fail_when_steps_are_asserted_out_of_order() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2004")
                .then("node0", "enp4s0f0.2003")))
                .isEqualTo(message(vm1ToVm3, "to pass node0 / enp4s0f0.2003 after step 9", "it does not"));
    }

    @Test
    void should_fail_when_the_first_step_asked_for_is_not_on_the_path() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node1", "enp4s0f0")))
                .isEqualTo(message(vm1ToVm3, "to pass node1 / enp4s0f0", "it does not"));
    }

    @Test
    void should_fail_when_a_delivered_trace_is_expected_dropped() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).isDroppedAt("Switch", "Ethernet1/3")
                .because(DropReason.VLAN_NOT_ALLOWED_INGRESS)))
                .isEqualTo(message(vm1ToVm3, "to be DROPPED", "it was DELIVERED"));
    }

    @Test
    void should_fail_when_a_dropped_trace_is_expected_delivered_and_say_where_and_why_it_was_dropped() {
        assertThat(failureOf(() -> assertThatTrace(arpVm1ToVm3).isDelivered()))
                .isEqualTo(message(arpVm1ToVm3, "to be DELIVERED", "it was DROPPED at Virtual Machine 4 / vmnic1: "
                        + "ARP request for 172.16.5.10: not this host's address (no proxy ARP)"));
    }

    @Test
    void should_fail_when_a_delivered_trace_is_expected_to_loop() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).isLoop()))
                .isEqualTo(message(vm1ToVm3, "to be LOOP", "it was DELIVERED"));
    }

    @Test
    void should_fail_when_dropped_elsewhere() {
        assertThat(failureOf(() -> assertThatTrace(arpVm1ToVm3).isDroppedAt("Switch", "Ethernet 1/3")))
                .isEqualTo(message(arpVm1ToVm3, "to be dropped at Switch / Ethernet 1/3",
                        "it was dropped at Virtual Machine 4 / vmnic1"));
    }

    @Test
    void should_fail_when_dropped_for_another_reason() {
        assertThat(failureOf(() -> assertThatTrace(arpVm1ToVm3).because(DropReason.VLAN_NOT_ALLOWED_EGRESS)))
                .isEqualTo(message(arpVm1ToVm3, "to be dropped because VLAN_NOT_ALLOWED_EGRESS",
                        "it was DROPPED at Virtual Machine 4 / vmnic1: ARP request for 172.16.5.10: not this host's "
                                + "address (no proxy ARP)"));
    }

    @Test
    void should_fail_when_the_reason_lacks_the_text() {
        assertThat(failureOf(() -> assertThatTrace(arpVm1ToVm3).withReasonContaining("VLAN 2004")))
                .isEqualTo(message(arpVm1ToVm3, "to be dropped with a reason containing \"VLAN 2004\"",
                        "it was DROPPED at Virtual Machine 4 / vmnic1: ARP request for 172.16.5.10: not this host's "
                                + "address (no proxy ARP)"));
    }

    @Test
    void should_fail_when_the_root_cause_is_elsewhere_and_quote_the_cause_found() {
        assertThat(failureOf(() -> assertThatTrace(without2004)
                .hasCauseAt("Switch", "Ethernet1/1", DropReason.VLAN_NOT_ALLOWED_EGRESS)))
                .isEqualTo(message(without2004,
                        "to have its root cause at Switch / Ethernet1/1 (VLAN_NOT_ALLOWED_EGRESS)",
                        "it was: ARP request who-has 172.16.5.10 tell 172.16.5.1 (VLAN 2004), flooded by Switch but "
                                + "not out Ethernet1/3, dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on the "
                                + "egress port (VLAN_NOT_ALLOWED_EGRESS)"));
    }

    @Test
    void should_fail_when_a_root_cause_is_expected_on_a_delivered_trace() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3)
                .hasCauseAt("Switch", "Ethernet1/3", DropReason.VLAN_NOT_ALLOWED_EGRESS)))
                .isEqualTo(message(vm1ToVm3,
                        "to have its root cause at Switch / Ethernet1/3 (VLAN_NOT_ALLOWED_EGRESS)",
                        "it has none (DELIVERED)"));
    }

    @Test
    void should_fail_when_the_root_cause_is_about_another_packet() {
        assertThat(failureOf(() -> assertThatTrace(without2004).withCausePacketContaining("ICMP echo request")))
                .isEqualTo(message(without2004,
                        "to have a root cause about a packet containing \"ICMP echo request\"",
                        "it was: ARP request who-has 172.16.5.10 tell 172.16.5.1 (VLAN 2004), flooded by Switch but "
                                + "not out Ethernet1/3, dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on the "
                                + "egress port"));
    }

    @Test
    void should_fail_when_the_retag_is_wrong() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("Firewall", "Uplink 1").changingTag(2003, 2005)))
                .isEqualTo(message(vm1ToVm3, "at step 6 (Firewall / Uplink 1) to change tag 2003 to 2005",
                        "it arrived tagged 2003 and left tagged 2004"));
    }

    @Test
    void should_fail_when_the_tag_popped_is_another_one() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2004").poppingTag(2003)))
                .isEqualTo(message(vm1ToVm3, "at step 9 (node0 / enp4s0f0.2004) to pop tag 2003",
                        "it arrived tagged 2004 and left untagged (TAG_POPPED)"));
    }

    @Test
    void should_fail_when_tagged_or_untagged_is_wrong() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("Switch", "Ethernet1/3").tagged(2004)))
                .isEqualTo(message(vm1ToVm3, "at step 5 (Switch / Ethernet1/3) to be tagged 2004",
                        "it arrived tagged 2003"));
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("Switch", "Ethernet1/3").untagged()))
                .isEqualTo(message(vm1ToVm3, "at step 5 (Switch / Ethernet1/3) to be untagged",
                        "it arrived tagged 2003"));
    }

    @Test
    void should_fail_when_the_step_did_something_else() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("Switch", "Ethernet1/3").routed()))
                .isEqualTo(message(vm1ToVm3, "at step 5 (Switch / Ethernet1/3) to be ROUTED", "it was SWITCHED"));
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("Firewall", "Uplink 1").with(Action.SWITCHED)))
                .isEqualTo(message(vm1ToVm3, "at step 6 (Firewall / Uplink 1) to be SWITCHED", "it was ROUTED"));
    }

    @Test
    void should_fail_when_the_ttl_or_source_mac_differs() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2004").withTtl(64)))
                .isEqualTo(message(vm1ToVm3, "at step 9 (node0 / enp4s0f0.2004) to carry TTL 64", "it carried 63"));
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2004")
                .withSourceMac("02:00:ac:10:04:0a")))
                .isEqualTo(message(vm1ToVm3,
                        "at step 9 (node0 / enp4s0f0.2004) to have source MAC 02:00:ac:10:04:0a",
                        "it had 00:1b:17:00:01:01"));
    }

    @Test
    void should_fail_when_a_place_to_avoid_is_crossed() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).neverPasses("Firewall", "Uplink 1")))
                .isEqualTo(message(vm1ToVm3, "never to pass Firewall / Uplink 1", "it does at step 6"));
    }

    @Test
    void should_fail_when_a_step_is_checked_before_one_is_matched() {
        assertThat(failureOf(() -> assertThatTrace(vm1ToVm3).tagged(2003)))
                .isEqualTo(message(vm1ToVm3,
                        "to have a step matched by passes(device, interface) before checking it", "none was matched"));
    }

    @Test
    void should_pass_with_display_names_for_interfaces() {
        assertThatTrace(vm1ToVm3).passes("Switch", "Ethernet 1/3").tagged(2003).then("switch", "eth1/3").tagged(2004);
    }

    @Test
    void should_pass_every_check_the_trace_satisfies() {
        assertThatTrace(vm1ToVm3).isDelivered().neverPasses("node1", "enp4s0f0")
                .passes("node0", "enp4s0f0.2003").pushingTag(2003).with(Action.TAG_PUSHED)
                .then("Firewall", "Uplink 1").changingTag(2003, 2004).routed().withTtl(64)
                .then("node0", "enp4s0f0.2004").poppingTag(2004).withTtl(63).withSourceMac("00:1B:17:00:01:01")
                .then("Virtual Machine 3", "vmnic1").untagged();
        assertThatTrace(arpVm1ToVm3).isDroppedAt("Virtual Machine 4", "vmnic1").withReasonContaining("no proxy ARP");
        assertThatTrace(without2004).isDroppedAt("Firewall", "Uplink 1").because(DropReason.NEIGHBOR_UNREACHABLE)
                .hasCauseAt("Switch", "Ethernet 1/3", DropReason.VLAN_NOT_ALLOWED_EGRESS)
                .withCausePacketContaining("who-has 172.16.5.10");
    }

    private static String failureOf(final ThrowingCallable assertion) {
        final AssertionError error = catchThrowableOfType(AssertionError.class, assertion);
        assertThat(error).as("the assertion should have failed").isNotNull();
        return error.getMessage();
    }

    /** TraceAssert's message: Expecting / to / but, then the trace as the document's table. */
    private static String message(final Trace trace, final String expectation, final String butWhat) {
        return String.format("%nExpecting trace of %s%n%s%nbut %s:%n", trace.title(), expectation, butWhat)
                + StepTable.describe(trace, View.DOCUMENT);
    }

    private static vnetsim.analysis.Network withoutVlan2004OnEthernet1_3() {
        final NetworkSpec spec = ACP.spec();
        final SwitchSpec sw = spec.switchNamed("Switch");
        return spec.withSwitch(sw.withPort(sw.port("Ethernet1/3").withoutAllowed(2004))).network();
    }
}

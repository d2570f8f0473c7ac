package vnetsim.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.device.DropReason;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.trace.Trace;

/** The assertion API fails when the trace says otherwise, and its message shows the whole trace as a table. */
class TraceAssertTest {
    private final Trace vm1ToVm3 = new AcpVirtualization().network().trace("vm1", "vm3");

    @Test
    void should_fail_when_the_tag_pushed_is_another_one() {
        final AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2003").pushingTag(2004));
        assertThat(error).hasMessageContaining("Expecting trace of ICMP Virtual Machine 1 -> Virtual Machine 3")
                .hasMessageContaining("step 3 (node0 / enp4s0f0.2003) to push tag 2004")
                .hasMessageContaining("but it arrived untagged and left tagged 2003")
                // the whole trace, as the document's table
                .hasMessageContaining("Firewall           Uplink 1")
                .hasMessageContaining("Outcome: DELIVERED");
    }

    @Test
    void should_fail_when_steps_are_asserted_out_of_order() {
        final AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatTrace(vm1ToVm3).passes("node0", "enp4s0f0.2004").then("node0", "enp4s0f0.2003"));
        assertThat(error).hasMessageContaining("to pass node0 / enp4s0f0.2003 after step 9")
                .hasMessageContaining("but it does not");
    }

    @Test
    void should_fail_when_a_delivered_trace_is_expected_dropped() {
        final AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatTrace(vm1ToVm3).isDroppedAt("Switch", "Ethernet1/3")
                        .because(DropReason.VLAN_NOT_ALLOWED_INGRESS));
        assertThat(error).hasMessageContaining("to be DROPPED").hasMessageContaining("but it was DELIVERED");
    }

    @Test
    void should_fail_when_the_retag_is_wrong() {
        final AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatTrace(vm1ToVm3).passes("Firewall", "Uplink 1").changingTag(2003, 2005));
        assertThat(error).hasMessageContaining("to change tag 2003 to 2005")
                .hasMessageContaining("but it arrived tagged 2003 and left tagged 2004");
    }

    @Test
    void should_pass_with_display_names_for_interfaces() {
        assertThatTrace(vm1ToVm3).passes("Switch", "Ethernet 1/3").tagged(2003).then("switch", "eth1/3").tagged(2004);
    }
}

package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.folder.Networks;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The full view's note where a switching device sends a frame out of a port: "Passed up to" only where a Linux bridge
 * hands the frame to the bridge device itself (its own MAC, a local FDB entry: br_handle_frame_finish() delivers it
 * with br_pass_frame_up(), net/bridge/br_input.c); an OVN logical switch outputting to a logical port switches it
 * to that port (ls_out_port_sec_l2 then the port, ovn-northd(8)), even though its ports are named as their
 * interfaces.
 */
class SwitchedRowNotesTest {

    private static List<Step> full(final Trace trace) {
        assertThat(trace.isDelivered()).as(trace.title()).isTrue();
        return trace.steps(View.FULL);
    }

    @Test
    void an_ovn_logical_switch_switches_the_frame_out_to_the_pods_port_it_does_not_pass_it_up() {
        final List<Step> steps = full(Networks.named("udn-layer3").network().trace("rhel8-vm8", "rhel8-vm9"));

        assertThat(steps).noneMatch(s -> s.note().startsWith("Passed up to"));
        assertThat(steps).anySatisfy(s -> assertThat(s.note())
                .isEqualTo("Switched out namespace-8_rhel8-vm9 (destination learned)"));
    }

    @Test
    void a_linux_bridge_passes_a_frame_for_its_own_address_up_to_the_bridge_device() {
        // vm-masq's packet to web is routed by worker-0 at cni0: the bridge hands it to its own stack
        final List<Step> steps = full(Networks.named("kubevirt-pod-networking").network().trace("vm-masq", "web"));

        assertThat(steps).anySatisfy(s -> assertThat(s.note()).startsWith("Passed up to cni0"));
    }
}

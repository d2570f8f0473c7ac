package vnetsim.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vnetsim.device.Action;
import vnetsim.frame.Frame;
import vnetsim.topology.PortRef;
import vnetsim.topology.Topology;
import vnetsim.trace.Outcome;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * Arbitrary bytes on any port of the acp network: the run ends, the packet ends in an outcome (delivered, dropped
 * with a reason, or a loop), and printing the trace works; nothing throws.
 *
 * <p>Input layout: byte 0 bit 0 = warm the caches first; bytes 1-2 = which port (modulo the number of ports, in
 * device then port order); the rest is the frame (cut at {@link Frame#MAX_LENGTH}). Seeds:
 * {@code src/test/resources/vnetsim/robustness/FrameFuzzTestInputs/injectAnywhere/}.
 */
class FrameFuzzTest {
    private static final List<PortRef> PORTS = ports(new Injection().topology());

    private static List<PortRef> ports(final Topology topology) {
        final List<PortRef> ports = new ArrayList<>();
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (int p = 0; p < topology.device(d).portCount(); p++) {
                ports.add(new PortRef(d, p));
            }
        }
        return ports;
    }

    @FuzzTest(maxDuration = "10m")
    void injectAnywhere(final byte[] input) {
        if (input.length < 3) {
            return;
        }
        final boolean warm = (input[0] & 1) != 0;
        final PortRef at = PORTS.get(((input[1] & 0xff) << 8 | (input[2] & 0xff)) % PORTS.size());
        final byte[] frame = Arrays.copyOfRange(input, 3, Math.min(input.length, 3 + Frame.MAX_LENGTH));
        final Injection sim = warm ? new Injection().warm() : new Injection();

        final Trace t = sim.inject(at, frame);

        assertThat(t.outcome()).isNotNull();
        assertThat(t.events()).as("the injected frame's first event").isNotEmpty();
        assertThat(t.events()).anyMatch(s -> s.action() == Action.DELIVERED || s.action() == Action.DROPPED
                || t.outcome() == Outcome.LOOP);
        assertThat(StepTable.describe(t, View.FULL)).isNotEmpty();
        assertThat(StepTable.markdown(t.events(), View.FULL)).isNotEmpty();
        assertThat(vnetsim.cli.TraceJsonAccess.json(t)).isNotEmpty();
    }
}

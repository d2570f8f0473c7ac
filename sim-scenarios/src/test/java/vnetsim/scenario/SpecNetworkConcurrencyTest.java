package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.trace.Trace;

/**
 * A network from a spec is an immutable value: questions asked of it from many threads at once, cold and warm,
 * get the answers one thread gets, because each compiles its own topology.
 */
class SpecNetworkConcurrencyTest {
    @Test
    void concurrent_traces_equal_sequential_ones() throws Exception {
        final Network lab = new VsphereLab().network();
        final List<Flow> flows = List.of(Flow.icmp("vm-a", "mirror").coldStart(), Flow.icmp("vm-a", "vm-b"),
                Flow.icmp("mirror", "pod-d").coldStart(), Flow.icmp("vm-e", "vm-c"));
        final List<Trace> expected = flows.stream().map(lab::trace).toList();

        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 8; round++) {
                final List<Future<Trace>> answers = flows.stream().map(f -> pool.submit(() -> lab.trace(f))).toList();
                for (int i = 0; i < flows.size(); i++) {
                    assertThat(answers.get(i).get()).as(flows.get(i).toString()).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

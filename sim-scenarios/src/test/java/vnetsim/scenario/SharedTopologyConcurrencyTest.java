package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;

/**
 * One built {@link Topology} is shared by every thread: each trace has its own simulation state, so thousands of
 * traces on all cores give exactly what the same traces give one after another.
 */
class SharedTopologyConcurrencyTest {
    private static final List<String> ENDPOINTS = List.of("vm1", "pod2", "vm3", "vm4", "vm5", "vm6", "pod7");

    @Test
    void thousands_of_traces_on_all_cores_against_one_topology_match_a_sequential_run() throws Exception {
        final Topology shared = new AcpVirtualization().build();
        final Network network = new Network("acp", () -> shared);
        final List<Flow> flows = new ArrayList<>();
        for (final String from : ENDPOINTS) {
            for (final String to : ENDPOINTS) {
                if (!from.equals(to)) {
                    for (final Protocol protocol : Protocol.values()) {
                        flows.add(new Flow(from, to, protocol, false));
                        flows.add(new Flow(from, to, protocol, true));
                    }
                }
            }
        }
        final List<Trace> sequential = new ArrayList<>();
        for (final Flow flow : flows) {
            sequential.add(network.trace(flow));
        }

        final int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        final int rounds = 10;                                   // 252 flows x 10 = 2,520 traces
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final List<Future<Trace>> futures = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (final Flow flow : flows) {
                    futures.add(pool.submit(() -> network.trace(flow)));
                }
            }
            int wrong = 0;
            for (int i = 0; i < futures.size(); i++) {
                if (!futures.get(i).get().equals(sequential.get(i % flows.size()))) {
                    wrong++;
                }
            }
            assertThat(wrong).as("traces that differ from the sequential run, of " + futures.size()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}

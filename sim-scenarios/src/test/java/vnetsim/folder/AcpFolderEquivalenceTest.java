package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.trace.Trace;

/**
 * The shipped src/networks/acp-virtualization folder, built from the seed's own NMState policies, switch config
 * and NADs, gives exactly the traces of the Java-built scenario: every endpoint pair, every protocol, warm and
 * cold, every step and every event (Trace is a record: equality is field by field).
 */
class AcpFolderEquivalenceTest {
    private static final List<String> ENDPOINTS = List.of("vm1", "pod2", "vm3", "vm4", "vm5", "vm6", "pod7");

    @Test
    void the_folder_reads_without_errors_or_warnings() {
        final FolderScenario folder = NetworkFolders.load(Path.of("../src/networks/acp-virtualization"), "acp");
        assertThat(folder.plan().warnings()).isEmpty();
        assertThat(folder.name()).isEqualTo(AcpVirtualization.NAME);
    }

    @Test
    void every_trace_is_identical_to_the_java_scenario() {
        final Network java = new AcpVirtualization().network();
        final Network folder = NetworkFolders.shipped(AcpVirtualization.NAME).orElseThrow().network();
        final List<String> compared = new ArrayList<>();
        for (final String from : ENDPOINTS) {
            for (final String to : ENDPOINTS) {
                if (from.equals(to)) {
                    continue;
                }
                for (final Protocol protocol : Protocol.values()) {
                    for (final boolean cold : new boolean[] {false, true}) {
                        final Flow flow = new Flow(from, to, protocol, cold);
                        final Trace expected = java.trace(flow);
                        assertThat(folder.trace(flow)).as(flow.toString()).isEqualTo(expected);
                        compared.add(from + to + protocol + cold);
                    }
                }
            }
        }
        assertThat(compared).hasSize(42 * Protocol.values().length * 2);
    }
}

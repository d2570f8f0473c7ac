package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.device.Macvlan;
import vnetsim.kubevirt.MacvlanTest;
import vnetsim.topology.Topology;

/** Two macvlan children pinging each other, captured on the lower device and its children, decoded by tshark. */
class MacvlanCaptureTest {
    @TempDir
    Path dir;

    @Test
    void child_to_child_ping_decodes_and_never_shows_on_the_wire_as_unicast() throws Exception {
        final Path file = dir.resolve("macvlan.pcapng");
        final Topology topology = MacvlanTest.topology(Macvlan.Mode.BRIDGE);
        try (PcapngWriter w = PcapngWriter.create(file)) {
            new Network("macvlan", () -> MacvlanTest.topology(Macvlan.Mode.BRIDGE)).trace(topology,
                    Flow.icmp("pod-a", "pod-b"), CaptureSet.device(topology, "worker-0", w));
        }
        Tshark.require();
        final List<List<String>> rows = Tshark.fields(file, "frame.interface_name", "ip.src", "ip.dst", "icmp.type");
        assertThat(rows).contains(List.of("worker-0/net1@pod-a", "192.168.50.21", "192.168.50.22", "8"),
                List.of("worker-0/net1@pod-b", "192.168.50.21", "192.168.50.22", "8"));
        assertThat(rows).noneMatch(r -> r.get(0).equals("worker-0/ens4") && r.get(3).equals("8"));
    }
}

package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.Device;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;

/**
 * The acp network written with the name-based builder is the network that was wired by hand: the same devices
 * in the same order with the same port names and links, and every flow between every ordered pair of
 * endpoints, warm and cold, ICMP, UDP and ARP, gives an equal trace (every step, note, MAC, TTL and virtual
 * time, and every event of the run).
 */
class AcpVirtualizationSpecEquivalenceTest {
    private static final List<String> ENDPOINTS = List.of("vm1", "pod2", "vm3", "vm4", "vm5", "vm6", "pod7");

    @Test
    void the_compiled_topology_has_the_hand_wired_devices_ports_and_links() {
        final Topology built = new AcpVirtualization().build();
        final Topology hand = HandWiredAcp.build();

        assertThat(describe(built)).isEqualTo(describe(hand));
        assertThat(built.endpointIds()).isEqualTo(hand.endpointIds());
    }

    private static List<String> describe(final Topology t) {
        final List<String> lines = new ArrayList<>();
        for (int d = 0; d < t.deviceCount(); d++) {
            final Device device = t.device(d);
            for (int p = 0; p < device.portCount(); p++) {
                lines.add(d + " " + device.kind() + " " + device.host() + "/" + device.portName(p) + " -> "
                        + t.peerDevice(d, p) + ":" + t.peerPort(d, p) + " " + t.latencyNs(d, p) + " ns");
            }
        }
        return lines;
    }

    @Test
    void every_flow_traces_identically() {
        final Network built = new AcpVirtualization().network();
        final Network hand = new Network(AcpVirtualization.NAME, HandWiredAcp::build);
        int compared = 0;
        for (final String from : ENDPOINTS) {
            for (final String to : ENDPOINTS) {
                if (from.equals(to)) {
                    continue;
                }
                for (final Protocol protocol : Protocol.values()) {
                    for (final boolean cold : new boolean[] {false, true}) {
                        final Flow flow = new Flow(from, to, protocol, cold);
                        final Trace expected = hand.trace(flow);
                        assertThat(built.trace(flow)).as(flow.toString()).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(42 * Protocol.values().length * 2);
    }
}

package vnetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.BridgePort;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;
import vnetsim.topology.TopologyGraph;
import vnetsim.trace.Trace;

/**
 * Forwarding loops of every shape end as LOOP, name where the frame went round and stay inside the engine's
 * documented bounds ({@link Simulator#EVENT_LIMIT} events, {@link Simulator#FRAME_LIMIT} frames alive at once),
 * whatever the protocol and whether caches start warm or cold. Bridges with STP off, as the documents configure
 * them. The timeouts only guard against a hang; the bounds are what the tests check.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ForwardingLoopShapesTest {
    private static Endpoint vm(final String name, final int n) {
        final int address = ip("10.0.0." + n);
        return new Endpoint(name, "eth0", Endpoint.Workload.VM, 0x0200_0000_0000L | n, address, 24, ip("10.0.0.1"), 64);
    }

    /**
     * {@code bridges} VLAN-unaware bridges; bridge i is cabled to bridge j {@code parallel} times for every pair
     * in {@code pairs}; vm1 sits on the first bridge, vm2 on the last.
     */
    private static Topology bridges(final int bridges, final int[][] pairs, final int parallel) {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm1 = b.addEndpoint("vm1", vm("VM 1", 10));
        final int vm2 = b.addEndpoint("vm2", vm("VM 2", 20));
        final List<LinuxBridge> devices = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < bridges; i++) {
            final LinuxBridge br = new LinuxBridge("host" + i, "br" + i, false, LinuxBridge.DEFAULT_AGEING_NS);
            devices.add(br);
            indices.add(b.add(br));
        }
        final int[] portOf = new int[bridges];
        final List<int[]> cables = new ArrayList<>();
        for (final int[] pair : pairs) {
            for (int k = 0; k < parallel; k++) {
                final int pa = devices.get(pair[0]).addPort(BridgePort.withDefaults("eth" + portOf[pair[0]]++, 1500));
                final int pb = devices.get(pair[1]).addPort(BridgePort.withDefaults("eth" + portOf[pair[1]]++, 1500));
                cables.add(new int[] {indices.get(pair[0]), pa, indices.get(pair[1]), pb});
            }
        }
        final int p1 = devices.get(0).addPort(BridgePort.withDefaults("veth-vm1", 1500));
        final int p2 = devices.get(bridges - 1).addPort(BridgePort.withDefaults("veth-vm2", 1500));
        for (final int[] c : cables) {
            b.link(c[0], c[1], c[2], c[3], LinkKind.CABLE);
        }
        b.link(vm1, Endpoint.NIC, indices.get(0), p1, LinkKind.VETH);
        b.link(vm2, Endpoint.NIC, indices.get(bridges - 1), p2, LinkKind.VETH);
        return b.build();
    }

    private static Topology twoBridgesJoinedTwice() {
        return bridges(2, new int[][] {{0, 1}}, 2);
    }

    private static Topology threeBridgesInATriangle() {
        return bridges(3, new int[][] {{0, 1}, {1, 2}, {2, 0}}, 1);
    }

    private static Topology fiveBridgesFullMeshDoubled() {
        final List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return bridges(5, pairs.toArray(new int[0][]), 2);
    }

    private static void assertLoop(final Trace trace) {
        assertThatTrace(trace).isLoop();
        assertThat(trace.drop().cause()).isEqualTo(DropReason.HOP_LIMIT);
        assertThat(trace.drop().reason()).contains("forwarding loop").containsPattern("host\\d/br\\d");
        assertThat(trace.events()).as("the storm is in the events").isNotEmpty()
                .hasSizeLessThanOrEqualTo(Simulator.EVENT_LIMIT);
    }

    @Test
    void two_bridges_joined_twice_ping_is_a_loop_not_an_unreachable_neighbour() {
        assertLoop(new Network("twice", ForwardingLoopShapesTest::twoBridgesJoinedTwice).trace(Flow.icmp("vm1", "vm2")));
    }

    @Test
    void two_bridges_joined_twice_cold_ping_is_a_loop() {
        assertLoop(new Network("twice", ForwardingLoopShapesTest::twoBridgesJoinedTwice)
                .trace(Flow.icmp("vm1", "vm2").coldStart()));
    }

    @Test
    void three_bridges_in_a_triangle_ping_is_a_loop_with_events() {
        assertLoop(new Network("triangle", ForwardingLoopShapesTest::threeBridgesInATriangle)
                .trace(Flow.icmp("vm1", "vm2")));
    }

    @Test
    void three_bridges_in_a_triangle_arp_and_udp_are_loops() {
        final Network triangle = new Network("triangle", ForwardingLoopShapesTest::threeBridgesInATriangle);
        assertLoop(triangle.trace(new Flow("vm1", "vm2", Protocol.ARP, true)));
        assertLoop(triangle.trace(new Flow("vm1", "vm2", Protocol.UDP, false)));
    }

    @Test
    void a_broadcast_storm_in_a_doubled_full_mesh_stays_within_the_frame_and_event_limits() {
        final Topology mesh = fiveBridgesFullMeshDoubled();
        final Simulator sim = new Simulator(mesh);
        sim.arping(0, ip("10.0.0.20"));
        sim.run();

        assertThat(sim.loopDetected()).isTrue();
        assertThat(sim.eventLimitReached()).as("a multiplying storm is stopped by the frame limit").isTrue();
        // the limit is checked between events: at most one device's flood (9 ports here) beyond it
        assertThat(sim.framesAllocated()).isLessThanOrEqualTo(Simulator.FRAME_LIMIT + 9);
        assertLoop(new Network("mesh", ForwardingLoopShapesTest::fiveBridgesFullMeshDoubled)
                .trace(Flow.icmp("vm1", "vm2")));
    }

    @Test
    void the_graph_finds_cycles_over_parallel_links_without_throwing() {
        assertThat(new TopologyGraph(twoBridgesJoinedTwice()).layer2Cycles())
                .containsExactly(List.of("host0/br0", "host1/br1"));
        assertThat(new TopologyGraph(threeBridgesInATriangle()).layer2Cycles()).singleElement()
                .satisfies(cycle -> assertThat(cycle).containsExactlyInAnyOrder("host0/br0", "host1/br1", "host2/br2"));
        assertThat(new TopologyGraph(fiveBridgesFullMeshDoubled()).layer2Cycles()).isNotEmpty();
    }
}

package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.DropReason;
import vnetsim.network.NetworkBuilder;
import vnetsim.network.NetworkSpec;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyGraph;

/**
 * A patch cable from a switch port back into the same switch, no STP: a broadcast circulates. The run ends,
 * the outcome is LOOP and says where the frame went round.
 */
class ForwardingLoopTest {
    private static NetworkSpec looped() {
        final NetworkBuilder b = NetworkBuilder.network("looped");
        b.switchNamed("Switch").trunk("Ethernet1/3", "2003-2005").trunk("Ethernet1/7", "2003-2005")
                .trunk("Ethernet1/20", "2003-2005").trunk("Ethernet1/21", "2003-2005");
        for (int n = 0; n < 2; n++) {
            b.host("node" + n).nic("enp4s0f0").mac("3c:fd:fe:a0:00:0" + n).vlan(2003).bridge("bridge2003");
        }
        b.link("Switch", "Ethernet1/3", "node0", "enp4s0f0").link("Switch", "Ethernet1/7", "node1", "enp4s0f0")
                .link("Switch", "Ethernet1/20", "Switch", "Ethernet1/21");
        b.host("node0").bridge("bridge2003").vm("vm1", "172.16.4.10/24").named("Virtual Machine 1");
        b.host("node1").bridge("bridge2003").vm("vm4", "172.16.4.11/24").named("Virtual Machine 4");
        return b.build();
    }

    private static Topology loopedSwitch() {
        return looped().compile();
    }

    @Test
    void a_broadcast_around_a_patch_cable_loop_ends_as_loop_naming_the_ports() {
        final Network looped = looped().network();

        final var trace = looped.trace(new Flow("vm1", "vm4", Protocol.ARP, true));

        assertThatTrace(trace).isLoop();
        assertThat(trace.drop().cause()).isEqualTo(DropReason.HOP_LIMIT);
        assertThat(trace.drop().reason()).contains("forwarding loop")
                .contains("Switch/Ethernet1/20").contains("Switch/Ethernet1/21");
    }

    @Test
    void the_topology_graph_finds_the_layer2_cycle() {
        assertThat(new TopologyGraph(loopedSwitch()).layer2Cycles()).isNotEmpty();
    }
}

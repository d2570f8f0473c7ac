package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint;
import vnetsim.device.PhysicalNic;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;
import vnetsim.topology.TopologyGraph;

/**
 * A patch cable from a switch port back into the same switch, no STP: a broadcast circulates. The run ends,
 * the outcome is LOOP and says where the frame went round.
 */
class ForwardingLoopTest {
    private static Topology loopedSwitch() {
        final TopologyBuilder b = new TopologyBuilder();
        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int s = b.add(sw);
        final SwitchportMode trunk = SwitchportMode.Trunk.allowing(VlanSet.range(2003, 2005));
        final VirtualizationNode node0 = new VirtualizationNode(b, "node0", "enp4s0f0",
                MacAddress.parse("3c:fd:fe:a0:00:00"), 1500, 2003);
        final VirtualizationNode node1 = new VirtualizationNode(b, "node1", "enp4s0f0",
                MacAddress.parse("3c:fd:fe:a0:00:01"), 1500, 2003);
        b.link(s, sw.addPort("Ethernet1/3", trunk), node0.nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        b.link(s, sw.addPort("Ethernet1/7", trunk), node1.nic(), PhysicalNic.WIRE, LinkKind.CABLE);
        b.link(s, sw.addPort("Ethernet1/20", trunk), s, sw.addPort("Ethernet1/21", trunk), LinkKind.CABLE);
        node0.attach("vm1", vm("Virtual Machine 1", "172.16.4.10"), 2003, "veth-vm1");
        node1.attach("vm4", vm("Virtual Machine 4", "172.16.4.11"), 2003, "veth-vm4");
        return b.build();
    }

    private static Endpoint vm(final String name, final String ip) {
        final int address = Ipv4Address.parse(ip);
        return new Endpoint(name, "vmnic1", Endpoint.Workload.VM, 0x0200_0000_0000L | (address & 0xffffffffL),
                address, 24, Ipv4Address.parse("172.16.4.1"), 64);
    }

    @Test
    void a_broadcast_around_a_patch_cable_loop_ends_as_loop_naming_the_ports() {
        final Network looped = new Network("looped", ForwardingLoopTest::loopedSwitch);

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

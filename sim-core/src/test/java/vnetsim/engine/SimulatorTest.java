package vnetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.device.BridgePort;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/** The engine as the devices' Egress: determinism, the loop guard, unconnected and down links. */
class SimulatorTest {
    private static final int VM1_IP = ip("172.16.4.10");
    private static final int VM2_IP = ip("172.16.4.20");

    private static Endpoint vm(final String name, final String macText, final int ip) {
        return new Endpoint(name, "eth0", Endpoint.Workload.VM, mac(macText), ip, 24, ip("172.16.4.1"), 64);
    }

    /** vm1 - br0 - vm2, on one VLAN-unaware bridge. */
    private static Topology oneBridge() {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm1 = b.addEndpoint("vm1", vm("Virtual Machine 1", "52:54:00:00:04:0a", VM1_IP));
        final int vm2 = b.addEndpoint("vm2", vm("Virtual Machine 2", "52:54:00:00:04:0b", VM2_IP));
        final LinuxBridge br = new LinuxBridge("node0", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        br.addPort(BridgePort.withDefaults("vnet0", 1500));
        br.addPort(BridgePort.withDefaults("vnet1", 1500));
        final int bridge = b.add(br);
        b.link(vm1, Endpoint.NIC, bridge, 0, LinkKind.VETH);
        b.link(vm2, Endpoint.NIC, bridge, 1, LinkKind.VETH);
        return b.build();
    }

    private static List<String> run(final Topology topology) {
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        sim.record(log);
        sim.ping(0, VM2_IP, 1);
        sim.run();
        sim.ping(0, VM2_IP, 2);
        sim.run();
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            lines.add(log.time(i) + " " + log.device(i) + ":" + log.port(i) + " " + log.direction(i) + " "
                    + log.action(i) + " " + log.dropReason(i) + " " + log.detail(i) + " pkt" + log.packet(i)
                    + " parent" + log.parent(i) + " " + Long.toHexString(log.destinationMac(i)) + " "
                    + Long.toHexString(log.sourceMac(i)) + " vlan" + log.vlan(i) + " tags" + log.tagCount(i) + " "
                    + Integer.toHexString(log.etherType(i)) + " " + log.sourceIp(i) + ">" + log.destinationIp(i)
                    + " ttl" + log.ttl(i) + " len" + log.length(i));
        }
        return lines;
    }

    @Test
    void the_same_run_twice_gives_identical_logs() {
        final List<String> first = run(oneBridge());
        final List<String> second = run(oneBridge());

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(first).anySatisfy(l -> assertThat(l).contains("DELIVERED").contains("ttl64"));
    }

    @Test
    void a_loop_of_two_vlan_unaware_bridges_stops_the_broadcast_at_the_hop_limit() {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm1 = b.addEndpoint("vm1", vm("Virtual Machine 1", "52:54:00:00:04:0a", VM1_IP));
        final LinuxBridge a = new LinuxBridge("node0", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        final LinuxBridge c = new LinuxBridge("node1", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        for (int i = 0; i < 3; i++) {
            a.addPort(BridgePort.withDefaults("p" + i, 1500));
            c.addPort(BridgePort.withDefaults("p" + i, 1500));
        }
        final int bridgeA = b.add(a);
        final int bridgeC = b.add(c);
        b.link(vm1, Endpoint.NIC, bridgeA, 0, LinkKind.VETH);
        b.link(bridgeA, 1, bridgeC, 1, LinkKind.CABLE);         // two cables between the bridges, STP off
        b.link(bridgeA, 2, bridgeC, 2, LinkKind.CABLE);
        final Simulator sim = new Simulator(b.build());
        final StepLog log = new StepLog();
        sim.record(log);

        sim.arping(vm1, VM2_IP);
        sim.run();

        final List<Integer> hopLimitDrops = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.dropReason(i) == DropReason.HOP_LIMIT) {
                hopLimitDrops.add(i);
            }
        }
        assertThat(hopLimitDrops).isNotEmpty();
        assertThat(hopLimitDrops).allSatisfy(i -> assertThat(log.detail(i)).isEqualTo(Simulator.HOP_LIMIT));
        assertThat(sim.eventLimitReached()).as("stopped by the hop limit, not the event limit").isFalse();
    }

    @Test
    void transmit_on_an_unconnected_port_is_not_connected() {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm1 = b.addEndpoint("vm1", vm("Virtual Machine 1", "52:54:00:00:04:0a", VM1_IP));
        final Simulator sim = new Simulator(b.build());
        final StepLog log = new StepLog();
        sim.record(log);

        sim.arping(vm1, VM2_IP);
        sim.run();

        assertThat(lastDrop(log)).isEqualTo(DropReason.NOT_CONNECTED);
    }

    @Test
    void transmit_over_a_link_that_is_down_is_link_down() {
        final Topology topology = oneBridge().withLinkUp(0, Endpoint.NIC, false);
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        sim.record(log);

        sim.arping(0, VM2_IP);
        sim.run();

        assertThat(lastDrop(log)).isEqualTo(DropReason.LINK_DOWN);
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.device(i)).as("nothing reached the bridge").isZero();
        }
    }

    private static DropReason lastDrop(final StepLog log) {
        DropReason last = null;
        for (int i = 0; i < log.size(); i++) {
            if (log.dropReason(i) != null) {
                last = log.dropReason(i);
            }
        }
        return last;
    }
}

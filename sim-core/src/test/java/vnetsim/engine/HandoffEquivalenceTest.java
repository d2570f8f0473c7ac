package vnetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vnetsim.device.BridgePort;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * The engine's hand-off (following a link directly when nothing queued is due first) gives exactly the events,
 * in exactly the order, of sending every hop through the queue: floods, replies, ARP timers, equal arrival
 * times, storms.
 */
class HandoffEquivalenceTest {
    private static Endpoint vm(final int n) {
        return new Endpoint("VM " + n, "eth0", Endpoint.Workload.VM, mac("02:00:00:00:00:" + String.format("%02x", n)),
                ip("10.0.0." + n), 24, ip("10.0.0.1"), 64);
    }

    /** Four VMs on two bridges under one switch; equal-latency links make equal arrival times (StepLogTest too). */
    static Topology twoHostsOneSwitch(final boolean loop) {
        final TopologyBuilder b = new TopologyBuilder();
        final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
        final int s = b.add(sw);
        for (int h = 0; h < 2; h++) {
            final LinuxBridge br = new LinuxBridge("host" + h, "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
            final int up = br.addPort(BridgePort.withDefaults("eth0", 1500));
            final int a = br.addPort(BridgePort.withDefaults("vnet0", 1500));
            final int c = br.addPort(BridgePort.withDefaults("vnet1", 1500));
            final int bi = b.add(br);
            b.link(s, sw.addPort("Ethernet1/" + (h + 1), new SwitchportMode.Access(10)), bi, up, LinkKind.CABLE);
            final int va = b.addEndpoint("vm" + (2 * h + 1), vm(10 + 2 * h));
            final int vc = b.addEndpoint("vm" + (2 * h + 2), vm(11 + 2 * h));
            b.link(va, Endpoint.NIC, bi, a, LinkKind.VETH);
            b.link(vc, Endpoint.NIC, bi, c, LinkKind.VETH);
        }
        if (loop) {
            b.link(s, sw.addPort("Ethernet1/20", new SwitchportMode.Access(10)), s,
                    sw.addPort("Ethernet1/21", new SwitchportMode.Access(10)), LinkKind.CABLE);
        }
        return b.build();
    }

    private static List<String> events(final Topology topology, final boolean queueEveryHop,
                                       final Consumer<Simulator> traffic) {
        final Simulator sim = new Simulator(topology);
        if (queueEveryHop) {
            sim.queueEveryHop();
        }
        final StepLog log = new StepLog();
        sim.record(log);
        traffic.accept(sim);
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            lines.add(log.time(i) + " " + log.device(i) + ":" + log.port(i) + " " + log.direction(i) + " "
                    + log.action(i) + " " + log.dropReason(i) + " pkt" + log.packet(i) + " parent" + log.parent(i)
                    + " " + Long.toHexString(log.destinationMac(i)) + " vlan" + log.vlan(i) + " ttl" + log.ttl(i));
        }
        return lines;
    }

    private static int vm(final Simulator sim, final String id) {
        return sim.topology().findEndpoint(id).orElseThrow();
    }

    private static void assertSame(final Topology topology, final Consumer<Simulator> traffic) {
        final List<String> queued = events(topology, true, traffic);
        assertThat(queued).hasSizeGreaterThan(10);
        assertThat(events(topology, false, traffic)).containsExactlyElementsOf(queued);
    }

    @Test
    void cold_pings_with_floods_replies_and_several_senders_at_once() {
        assertSame(twoHostsOneSwitch(false), sim -> {
            sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);    // cold: ARP flood, reply, then the ping
            sim.ping(vm(sim, "vm4"), ip("10.0.0.10"), 1);    // at the same time, the other way
            sim.run();
            sim.ping(vm(sim, "vm1"), ip("10.0.0.13"), 2);
            sim.arping(vm(sim, "vm2"), ip("10.0.0.99"));     // nobody answers: probes on the timer
            sim.run();
        });
    }

    @Test
    void a_broadcast_storm_around_a_looped_switch() {
        assertSame(twoHostsOneSwitch(true), sim -> {
            sim.arping(vm(sim, "vm1"), ip("10.0.0.12"));
            sim.run();
        });
    }
}

package vnetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.Frames;
import vnetsim.frame.Bytes;
import vnetsim.frame.Ethernet;
import vnetsim.frame.Frame;
import vnetsim.topology.Topology;

/**
 * The log records one record per hop while simulating (an arrival that directly follows its departure writes
 * nothing) and rebuilds every IN and OUT event when read. Each event of the rebuilt view is checked against what
 * the {@link FrameObserver} saw on the frame path itself at that event (time, device, port, direction, the frame's
 * MACs and length), and every drop against the observer's drop: the observer is called by the engine with the
 * live frame, independently of how the log stores it.
 */
class StepLogTest {
    /** The first bridge: the switch is device 0, each host's bridge comes before its two VMs. */
    private static final int HOST0_BRIDGE = 1;

    /** Event {@code i} as the view shows it: where and what (seen), action, drop, packet, parent, tag, TTL. */
    private static String line(final StepLog log, final int i) {
        return seen(log, i) + " " + log.action(i) + " " + log.dropReason(i) + " " + log.detail(i) + " pkt"
                + log.packet(i) + " parent" + log.parent(i) + " vlan" + log.vlan(i) + " ttl" + log.ttl(i);
    }

    private static int vm(final Simulator sim, final String id) {
        return sim.topology().findEndpoint(id).orElseThrow();
    }

    /** What the engine showed the observer at each event, from the live frame. */
    private static final class Reference implements FrameObserver {
        final Map<Integer, String> frames = new HashMap<>();
        final Map<Integer, String> drops = new HashMap<>();

        @Override
        public void onFrame(final int event, final long timeNs, final int device, final int port,
                            final Direction direction, final Frame frame) {
            final byte[] b = frame.bytes();
            final int s = frame.start();
            frames.put(event, timeNs + " " + device + ":" + port + " " + direction + " "
                    + Long.toHexString(Bytes.mac(b, s)) + " " + Long.toHexString(Bytes.mac(b, s + Ethernet.SOURCE_OFFSET))
                    + " len" + frame.length());
        }

        @Override
        public void onDrop(final int event, final int device, final int port, final DropReason reason,
                           final int detail) {
            drops.put(event, device + ":" + port + " " + reason + " " + detail);
        }
    }

    private static String seen(final StepLog log, final int i) {
        return log.time(i) + " " + log.device(i) + ":" + log.port(i) + " " + log.direction(i) + " "
                + Long.toHexString(log.destinationMac(i)) + " " + Long.toHexString(log.sourceMac(i)) + " len"
                + log.length(i);
    }

    /** Runs {@code traffic} with a log and the reference attached; checks every event; returns the log's lines. */
    private static List<String> checkAgainstObserver(final Topology topology, final Consumer<Simulator> traffic) {
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        final Reference reference = new Reference();
        sim.record(log);
        sim.observe(reference);
        traffic.accept(sim);

        assertThat(log.size()).isGreaterThan(10);
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            final String frame = reference.frames.get(i);
            if (frame != null) {
                assertThat(seen(log, i)).as("event %d", i).isEqualTo(frame);
            } else {       // an OUT event an outcome at another port added: the engine shows it only as a drop
                assertThat(log.direction(i)).as("event %d", i).isEqualTo(Direction.OUT);
                assertThat(log.action(i)).as("event %d", i).isIn(Action.DROPPED, Action.DELIVERED);
            }
            final String drop = reference.drops.get(i);
            if (drop != null) {
                assertThat(log.device(i) + ":" + log.port(i) + " " + log.dropReason(i) + " " + log.detail(i))
                        .as("event %d", i).isEqualTo(drop);
                assertThat(log.action(i)).isEqualTo(Action.DROPPED);
            } else {
                assertThat(log.dropReason(i)).as("event %d", i).isNull();
            }
            if (log.direction(i) == Direction.IN && log.parent(i) >= 0) {   // arrived over a link
                assertThat(log.packet(log.parent(i))).isEqualTo(log.packet(i));
                assertThat(log.direction(log.parent(i))).isEqualTo(Direction.OUT);
            }
            lines.add(line(log, i));
        }
        return lines;
    }

    @Test
    void cold_pings_floods_replies_and_unanswered_arp_rebuild_every_event_as_the_engine_saw_it() {
        final List<String> lines = checkAgainstObserver(HandoffEquivalenceTest.twoHostsOneSwitch(false), sim -> {
            sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);    // cold: ARP flood, reply, then the ping
            sim.ping(vm(sim, "vm4"), ip("10.0.0.10"), 1);    // at the same time: arrivals wait behind others
            sim.run();
            sim.ping(vm(sim, "vm1"), ip("10.0.0.13"), 2);
            sim.arping(vm(sim, "vm2"), ip("10.0.0.99"));     // nobody answers: probes on the timer
            sim.run();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(" IN ").contains("DELIVERED"));
    }

    @Test
    void a_broadcast_storm_drained_at_the_limits_keeps_its_hop_limit_drops() {
        final List<String> lines = checkAgainstObserver(HandoffEquivalenceTest.twoHostsOneSwitch(true), sim -> {
            sim.arping(vm(sim, "vm1"), ip("10.0.0.12"));
            sim.run();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("HOP_LIMIT"));
    }

    @Test
    void injected_frames_and_a_runt_have_their_own_snapshot_and_no_parent() {
        final List<String> lines = checkAgainstObserver(HandoffEquivalenceTest.twoHostsOneSwitch(false), sim -> {
            final Frame f = Frames.broadcastFrom(mac("02:00:00:00:00:77"));
            sim.inject(HOST0_BRIDGE, 1, f.bytes(), f.start(), f.length());   // at vnet0, from nowhere
            final byte[] runt = {(byte) 0xff, (byte) 0xff, 1, 2, 3};
            sim.inject(HOST0_BRIDGE, 1, runt, 0, runt.length);
            sim.run();
            sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);
            sim.run();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("TRUNCATED_FRAME").contains("len5")
                .contains("parent-1"));
    }

    @Test
    void a_down_link_drops_at_the_departure() {
        final List<String> lines = checkAgainstObserver(HandoffEquivalenceTest.twoHostsOneSwitch(false).withLinkUp(0, 1, false), sim -> {
            sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);     // the switch's link to host1 is down
            sim.ping(vm(sim, "vm3"), ip("10.0.0.10"), 1);
            sim.run();
        });
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(" OUT ").contains("LINK_DOWN"));
    }

    @Test
    void reading_between_runs_gives_the_view_reading_once_at_the_end_gives() {
        final Topology topology = HandoffEquivalenceTest.twoHostsOneSwitch(false);
        final List<String> once = checkAgainstObserver(topology, StepLogTest::twoRuns);

        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        sim.record(log);
        final List<String> between = new ArrayList<>();
        sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);
        sim.run();
        final int first = log.size();
        for (int i = 0; i < first; i++) {
            between.add(seen(log, i));             // builds the view of the first run
        }
        sim.ping(vm(sim, "vm1"), ip("10.0.0.13"), 2);
        sim.run();
        for (int i = 0; i < log.size(); i++) {
            final String line = line(log, i);
            assertThat(line).as("event %d", i).isEqualTo(once.get(i));
        }
        assertThat(log.size()).isEqualTo(once.size()).isGreaterThan(first);
    }

    @Test
    void reading_no_header_field_between_runs_still_unpacks_every_snapshot_later() {
        final Topology topology = HandoffEquivalenceTest.twoHostsOneSwitch(false);
        final List<String> once = checkAgainstObserver(topology, StepLogTest::twoRuns);

        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        sim.record(log);
        sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);
        sim.run();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.packet(i)).isPositive();    // the event view only (as Reachability reads it)
        }
        sim.ping(vm(sim, "vm1"), ip("10.0.0.13"), 2);
        sim.run();
        for (int i = 0; i < log.size(); i++) {
            final String line = line(log, i);
            assertThat(line).as("event %d", i).isEqualTo(once.get(i));
        }
    }

    private static void twoRuns(final Simulator sim) {
        sim.ping(vm(sim, "vm1"), ip("10.0.0.12"), 1);
        sim.run();
        sim.ping(vm(sim, "vm1"), ip("10.0.0.13"), 2);
        sim.run();
    }

    @Test
    void after_a_reset_the_log_holds_only_the_new_run_as_a_fresh_log_would() {
        final Topology topology = HandoffEquivalenceTest.twoHostsOneSwitch(false);
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        sim.record(log);
        twoRuns(sim);
        assertThat(log.time(log.size() - 1)).isPositive();   // read: the view is built
        sim.reset();
        assertThat(log.size()).isZero();
        twoRuns(sim);
        final List<String> fresh = checkAgainstObserver(topology, StepLogTest::twoRuns);
        final List<String> reused = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            reused.add(line(log, i));
        }
        assertThat(reused).isEqualTo(fresh);
    }
}

package vnetsim.bench;

import vnetsim.device.Action;
import vnetsim.device.DeviceKind;
import vnetsim.device.Direction;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.topology.Topology;

/** Lookups and path checks the benchmarks share; none of it runs inside a measured method. */
final class Paths {
    /** Devices on the VM1 -> VM3 path: NIC, bridge, subinterface, NIC, switch, firewall, switch, NIC, subinterface, bridge, NIC. */
    static final int HOPS = 11;

    private Paths() {
    }

    static int deviceOfKind(final Topology topology, final DeviceKind kind) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            if (topology.device(d).kind() == kind) {
                return d;
            }
        }
        throw new IllegalStateException("no " + kind);
    }

    /**
     * Runs {@code flow} once with a log attached and checks that the packet visited {@code devices} devices, was
     * never flooded, and ended at {@code lastDevice} with {@code outcome}; throws otherwise. Leaves recording off.
     */
    static void check(final Simulator sim, final Runnable flow, final int devices, final int lastDevice,
                      final Action outcome) {
        final StepLog log = new StepLog();
        sim.record(log);
        flow.run();
        sim.record(null);
        int visited = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.action(i) == Action.FLOODED) {
                throw new IllegalStateException("the measured path floods at event " + i + ": FDB not warm");
            }
            if (log.direction(i) == Direction.IN) {
                visited++;
            }
        }
        visited++;                                              // the originating device has no IN event
        final int last = log.size() - 1;
        if (visited != devices || log.device(last) != lastDevice || log.action(last) != outcome) {
            throw new IllegalStateException("unexpected path: " + visited + " devices, last event at device "
                    + log.device(last) + " " + log.action(last) + " " + log.dropReason(last));
        }
    }
}

package vnetsim.bench;

import vnetsim.device.Action;
import vnetsim.device.Device;
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

    static int endpoint(final Topology topology, final String shortId) {
        return topology.findEndpoint(shortId).orElseThrow(() -> new IllegalStateException("no endpoint " + shortId));
    }

    /** Device index by host and interface name, e.g. ("node0", "bridge2003"). */
    static int device(final Topology topology, final String host, final DeviceKind kind, final String iface) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            final Device device = topology.device(d);
            if (device.kind() == kind && device.host().equals(host) && device.interfaceName(0).equals(iface)) {
                return d;
            }
        }
        throw new IllegalStateException("no " + kind + " " + host + "/" + iface);
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

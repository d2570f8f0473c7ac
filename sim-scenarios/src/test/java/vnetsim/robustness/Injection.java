package vnetsim.robustness;

import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.topology.PortRef;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/** Puts raw bytes on a port of the acp topology, runs the simulation, and traces the injected packet. */
final class Injection {
    private final Topology topology = new AcpVirtualization().build();
    private final Simulator sim = new Simulator(topology);
    private final StepLog log = new StepLog();

    /** Warms the caches with one ping exchange from vm1 to vm3 (learned FDBs and ARP caches, recycled frames). */
    Injection warm() {
        final int vm1 = topology.findEndpoint("vm1").orElseThrow();
        final int vm3 = topology.findEndpoint("vm3").orElseThrow();
        sim.ping(vm1, topology.endpoint(vm3).ip(), 0);
        sim.run();
        return this;
    }

    Topology topology() {
        return topology;
    }

    PortRef port(final String host, final String iface) {
        return topology.findInterface(host, iface).orElseThrow();
    }

    /** Injects {@code bytes} at {@code at}, runs to the end, and returns the packet's trace (named after vm3). */
    Trace inject(final PortRef at, final byte[] bytes) {
        sim.record(log);
        final int packet = sim.inject(at.device(), at.port(), bytes, 0, bytes.length);
        sim.run();
        final int anyEndpoint = topology.findEndpoint("vm3").orElseThrow();
        return new TraceBuilder(topology, log).build(AcpVirtualization.NAME, "raw", packet, anyEndpoint, anyEndpoint);
    }

    static byte[] hex(final String hex) {
        final String h = hex.replaceAll("[\\s:]", "");
        final byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}

package vnetsim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vnetsim.device.Device;
import vnetsim.engine.FrameObserver;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/**
 * A named network users ask questions of: trace a flow, warm or cold, optionally capturing every frame. Each
 * question runs in its own simulation (its own FDBs and ARP caches) of the supplied topology, so answers never
 * depend on earlier questions, and one topology may answer many threads at once.
 *
 * <pre>{@code
 * Trace t = network.trace("Virtual Machine 1", "Virtual Machine 3");
 * }</pre>
 */
public final class Network {
    /** Virtual time between the warm-up exchange and the traced packet. */
    static final long WARM_GAP_NS = 1_000_000L;

    private final String name;
    private final Supplier<Topology> factory;

    public Network(final String name, final Supplier<Topology> factory) {
        this.name = name;
        this.factory = factory;
    }

    public String name() {
        return name;
    }

    /** A fresh copy of the topology, caches empty. */
    public Topology topology() {
        return factory.get();
    }

    /** ICMP echo from one endpoint to another, caches warm. */
    public Trace trace(final String from, final String to) {
        return trace(Flow.icmp(from, to));
    }

    public Trace trace(final Flow flow) {
        return trace(flow, null);
    }

    /** Traces a flow; {@code observer} (e.g. a capture) sees the traced run's frames, not the warm-up's. */
    public Trace trace(final Flow flow, final FrameObserver observer) {
        return trace(factory.get(), flow, observer);
    }

    /** Traces a flow on a given topology (what-if analyses pass a changed one). */
    public Trace trace(final Topology topology, final Flow flow, final FrameObserver observer) {
        final int from = endpoint(topology, flow.from());
        final int to = endpoint(topology, flow.to());
        final Simulator sim = new Simulator(topology);        // its own device state: caches empty
        final StepLog log = new StepLog();
        final int destination = topology.endpoint(to).ip();
        if (!flow.cold()) {
            sim.ping(from, destination, 0);          // warm-up: ARP and FDBs learned along the way and back
            sim.run();
            if (sim.loopDetected()) {
                sim.reset();                         // a loop leaves no warm state worth keeping: show it from cold
            } else {
                sim.advance(WARM_GAP_NS);
            }
        }
        sim.record(log);
        sim.observe(observer);
        final int packet = switch (flow.protocol()) {
            case ICMP -> sim.ping(from, destination, 1);
            case UDP -> sim.sendUdp(from, destination);
            case ARP -> sim.arping(from, destination);
        };
        sim.run();
        return new TraceBuilder(topology, log).build(name, flow.protocol().label(), packet, from, to);
    }

    /**
     * One UDP datagram of {@code payloadBytes} data bytes, caches warm: the size a path's MTU checks see (a
     * tunnel's underlay MTU, a router's egress MTU).
     */
    public Trace traceUdp(final String fromEndpoint, final String toEndpoint, final int payloadBytes,
                          final FrameObserver observer) {
        final Topology topology = factory.get();
        final int from = endpoint(topology, fromEndpoint);
        final int to = endpoint(topology, toEndpoint);
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        final int destination = topology.endpoint(to).ip();
        sim.ping(from, destination, 0);
        sim.run();
        sim.advance(WARM_GAP_NS);
        sim.record(log);
        sim.observe(observer);
        final int packet = sim.sendUdp(from, destination, payloadBytes);
        sim.run();
        return new TraceBuilder(topology, log).build(name, Protocol.UDP.label(), packet, from, to);
    }

    /** The endpoint's index, by short id or display name; throws {@link UnknownEndpointException}. */
    public static int endpoint(final Topology topology, final String idOrName) {
        return topology.findEndpoint(idOrName).orElseThrow(() -> {
            final List<String> known = new ArrayList<>();
            for (final Map.Entry<String, Integer> e : topology.endpointIds().entrySet()) {
                known.add(e.getKey() + " (" + topology.device(e.getValue()).host() + ")");
            }
            return new UnknownEndpointException(idOrName, known);
        });
    }

    /** Endpoints by short id, in definition order. */
    public Map<String, Device> endpoints() {
        final Topology t = factory.get();
        final Map<String, Device> result = new java.util.LinkedHashMap<>();
        t.endpointIds().forEach((id, index) -> result.put(id, t.device(index)));
        return result;
    }
}

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
    private final NetworkSource source;

    /**
     * A network compiled by {@code factory}, which must return a fresh topology on each call.
     * @param name    the name traces show
     * @param factory builds the topology
     */
    public Network(final String name, final Supplier<Topology> factory) {
        this.name = name;
        this.factory = factory;
        this.source = null;
    }

    /**
     * A network described by name ({@code NetworkSpec}), which what-if {@link #with changes} can edit.
     *
     * @param source the description; compiled afresh for every trace
     */
    public Network(final NetworkSource source) {
        this.name = source.name();
        this.factory = source::compile;
        this.source = source;
    }

    /**
     * What this network was compiled from, when it is described by name.
     *
     * @return the description, or empty for a network made from a topology factory
     */
    public java.util.Optional<NetworkSource> source() {
        return java.util.Optional.ofNullable(source);
    }

    /**
     * This network with a change applied to a copy of its description; this network is unchanged.
     * @throws IllegalArgumentException when the network is not described by name, or the change names
     *                                  something it does not have
     * @param change the what-if change (a link down, a VLAN removed from a port, a workload moved, ...)
     * @return a new network compiled from the changed copy
     */
    public Network with(final Change change) {
        if (source == null) {
            throw new IllegalArgumentException("network '" + name + "' is not described by name (NetworkSpec), "
                    + "so it cannot be changed: " + change.describe());
        }
        return new Network(change.applyTo(source));
    }

    /**
     * The network's name, as traces and reports title it ({@code acp-virtualization}).
     *
     * @return the name given to the builder, spec or topology this network was made from
     */
    public String name() {
        return name;
    }

    /**
     * A fresh copy of the topology, caches empty.
     *
     * @return a topology no simulation has run on
     */
    public Topology topology() {
        return factory.get();
    }

    /**
     * ICMP echo from one endpoint to another, caches warm.
     *
     * @param from the sending endpoint, by short id ({@code vm1}) or display name
     * @param to   the destination endpoint, by short id or display name
     * @return the trace: its steps, outcome and, if dropped, where and why
     * @throws UnknownEndpointException when an endpoint is not in this network (the message lists those that are)
     */
    public Trace trace(final String from, final String to) {
        return trace(Flow.icmp(from, to));
    }

    /**
     * Traces a flow on a fresh copy of the topology (caches empty, then warmed up first unless the flow is
     * {@link Flow#coldStart() cold}).
     *
     * @param flow what to send, from and to which endpoint
     * @return the trace: its steps, outcome and, if dropped, where and why
     * @throws UnknownEndpointException when an endpoint of the flow is not in this network (the message lists those
     *     that are)
     */
    public Trace trace(final Flow flow) {
        return trace(flow, null);
    }

    /**
     * Traces a flow; {@code observer} (e.g. a capture) sees the traced run's frames, not the warm-up's, then the
     * document-view step of each event ({@link FrameObserver#onSteps}).
     *
     * @param flow     what to send, from and to which endpoint
     * @param observer sees the traced run's frames (e.g. a {@code CaptureSet}), or null
     * @return the trace
     * @throws UnknownEndpointException when an endpoint of the flow is not in this network
     */
    public Trace trace(final Flow flow, final FrameObserver observer) {
        return trace(factory.get(), flow, observer);
    }

    /**
     * Traces a flow on a given topology (what-if analyses pass a changed one).
     *
     * @param topology the topology to run on; a capture attached to it must be built on the same instance
     * @param flow     what to send, from and to which endpoint
     * @param observer sees the traced run's frames, or null
     * @return the trace
     * @throws UnknownEndpointException when an endpoint of the flow is not in the topology
     */
    public Trace trace(final Topology topology, final Flow flow, final FrameObserver observer) {
        final Simulator sim = new Simulator(topology);        // its own device state: caches empty
        sim.observe(null);
        return trace(sim, new StepLog(), flow, observer);
    }

    /**
     * Traces a flow in a given simulation, which is {@link Simulator#reset() reset} first: a worker that answers
     * many questions about one shared topology reuses its simulation and log (see {@link Reachability}).
     *
     * @param sim      a simulation of this network's topology; reset before the run
     * @param log      the log the run records into; cleared by the run
     * @param flow     what to send, from and to which endpoint
     * @param observer sees the traced run's frames, or null
     * @return the trace
     * @throws UnknownEndpointException when an endpoint of the flow is not in the topology
     */
    public Trace trace(final Simulator sim, final StepLog log, final Flow flow, final FrameObserver observer) {
        final int[] run = simulate(sim, log, flow, observer);
        final TraceBuilder builder = new TraceBuilder(sim.topology(), log);
        final Trace trace = builder.build(name, flow.protocol().label(), run[0], run[1], run[2]);
        if (observer != null) {
            observer.onSteps(builder.documentStepOfEvent());   // captures number their packets as the table does
        }
        return trace;
    }

    /**
     * Runs a flow in {@code sim} (reset first), recording into {@code log}; returns {packet id, sender index,
     * destination index} for {@link TraceBuilder#build}.
     */
    int[] simulate(final Simulator sim, final StepLog log, final Flow flow, final FrameObserver observer) {
        final Topology topology = sim.topology();
        final int from = endpoint(topology, flow.from());
        final int addressed = addressOrZero(flow.to());
        final int to = addressed != 0 ? owner(topology, addressed, flow.to()) : endpoint(topology, flow.to());
        sim.record(null);
        sim.observe(null);
        sim.reset();
        log.clear();
        final int destination = addressed != 0 ? addressed : topology.endpoint(to).ip();
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
        if (observer != null) {
            observer.expectSteps();                  // the trace built after the run numbers its frames
        }
        final int packet = switch (flow.protocol()) {
            case ICMP -> sim.ping(from, destination, 1);
            case UDP -> sim.sendUdp(from, destination);
            case ARP -> sim.arping(from, destination);
        };
        sim.run();
        sim.record(null);
        sim.observe(null);
        return new int[] {packet, from, to};
    }

    /** The IPv4 address a flow's destination names ("172.16.4.1"), or 0 when it names an endpoint. */
    private static int addressOrZero(final String to) {
        if (!to.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return 0;
        }
        return vnetsim.frame.Ipv4Address.parse(to);
    }

    /** The device that has {@code ip} (an endpoint, a router's gateway address). */
    private static int owner(final Topology topology, final int ip, final String text) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (final vnetsim.device.InterfaceAddress a : topology.device(d).addresses()) {
                if (a.ip() == ip) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("no device has the address "
                + text);
    }

    /**
     * Runs the DHCP client of endpoint {@code client} (short id or display name) from cold, as a VM does at boot:
     * DHCPDISCOVER, DHCPOFFER, DHCPREQUEST, DHCPACK each traced, retransmissions in virtual time, then a ping to
     * the lease's router. {@code observer} (e.g. a capture) sees every frame of the run.
     */
    public DhcpTrace dhcp(final String client, final FrameObserver observer) {
        final Topology topology = factory.get();
        return DhcpTrace.run(name, topology, endpoint(topology, client), observer);
    }

    /**
     * Same as {@link #dhcp(String, FrameObserver)} with no observer.
     *
     * @param client the DHCP client endpoint, by short id or display name
     * @return the messages with their traces, and the lease if the client bound one
     */
    public DhcpTrace dhcp(final String client) {
        return dhcp(client, null);
    }

    /**
     * One UDP datagram of {@code payloadBytes} data bytes, caches warm: the size a path's MTU checks see (a
     * tunnel's underlay MTU, a router's egress MTU).
     *
     * @param fromEndpoint the sender, by short id or display name
     * @param toEndpoint   the destination, by short id or display name
     * @param payloadBytes UDP data bytes, 0 or more; the IPv4 packet is 28 bytes longer (IP and UDP headers), so
     *     1473 bytes exceed a 1500-byte MTU
     * @param observer     sees the traced run's frames (not the warm-up's), or null
     * @return the trace of the datagram
     * @throws UnknownEndpointException when an endpoint is not in this network
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

    /**
     * The endpoint's index, by short id or display name; throws {@link UnknownEndpointException}.
     *
     * @param topology the topology to look in
     * @param idOrName the endpoint's short id ({@code vm1}) or display name, any case
     * @return the endpoint's device index
     * @throws UnknownEndpointException listing the topology's endpoints when none matches
     */
    public static int endpoint(final Topology topology, final String idOrName) {
        return topology.findEndpoint(idOrName).orElseThrow(() -> {
            final List<String> known = new ArrayList<>();
            for (final Map.Entry<String, Integer> e : topology.endpointIds().entrySet()) {
                known.add(e.getKey() + " (" + topology.device(e.getValue()).host() + ")");
            }
            return new UnknownEndpointException(idOrName, known);
        });
    }

    /**
     * Endpoints by short id, in definition order.
     *
     * @return short id to endpoint device, from a fresh topology
     */
    public Map<String, Device> endpoints() {
        final Topology t = factory.get();
        final Map<String, Device> result = new java.util.LinkedHashMap<>();
        t.endpointIds().forEach((id, index) -> result.put(id, t.device(index)));
        return result;
    }
}

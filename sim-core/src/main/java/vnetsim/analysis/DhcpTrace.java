package vnetsim.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.TrafficSource;
import vnetsim.engine.FrameObserver;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.frame.Dhcp;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.internal.FrameBookkeeping;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/**
 * A DHCP exchange run as a flow: the client's DHCPDISCOVER, the server's DHCPOFFER, DHCPREQUEST, DHCPACK, each
 * traced hop by hop, every retransmission included, then the lease and, when there is one, a ping to the lease's
 * router with the leased address.
 *
 * @param network      the network's name
 * @param client       the client's display name
 * @param messages     each DHCP message of the run in the order it was sent, with its own trace
 * @param lease        the lease applied to the interface, or null when the client gave up
 * @param gatewayPing  the echo request to the lease's router after binding, or null
 * @param elapsedNs    virtual time from the first DHCPDISCOVER to the lease (or to giving up)
 */
public record DhcpTrace(String network, String client, List<Message> messages, Lease lease, Trace gatewayPing,
                        long elapsedNs) {
    /**
     * Keeps an immutable copy of {@code messages}; the other components are taken as given.
     *
     * @param network      the network's name
     * @param client       the client's display name
     * @param messages     each DHCP message of the run in the order it was sent, with its own trace
     * @param lease        the lease applied to the interface, or null when the client gave up
     * @param gatewayPing  the echo request to the lease's router after binding, or null
     * @param elapsedNs    virtual time from the first DHCPDISCOVER to the lease (or to giving up)
     */
    public DhcpTrace {
        messages = List.copyOf(messages);
    }

    /** One DHCP message: its type name ("DHCPOFFER"), when it was sent (virtual ns) and its trace. */
    public record Message(String type, long sentNs, Trace trace) {
    }

    /** What the client bound: address, prefix, router, server, lease time. */
    public record Lease(int ip, int prefixLength, int router) {
        @Override
        public String toString() {
            return Ipv4Address.format(ip) + "/" + prefixLength + ", router " + Ipv4Address.format(router);
        }
    }

    /**
     * Whether the client bound a lease (DHCPACK received and applied), as opposed to giving up.
     *
     * @return true when {@link #lease()} is not null
     */
    public boolean isBound() {
        return lease != null;
    }

    /**
     * The first message of this type, or null.
     *
     * @param type the message type as DHCP names it ("DHCPOFFER")
     * @return the first message of that type, or null when none was sent
     */
    public Message first(final String type) {
        return messages.stream().filter(m -> m.type().equals(type)).findFirst().orElse(null);
    }

    /**
     * Messages of this type ("DHCPDISCOVER"), in order.
     *
     * @param type the message type as DHCP names it ("DHCPDISCOVER")
     * @return the messages of that type in the order they were sent (possibly none)
     */
    public List<Message> all(final String type) {
        return messages.stream().filter(m -> m.type().equals(type)).toList();
    }

    /** Runs the exchange on a fresh simulation of {@code topology} (caches empty: DHCP is what a booting VM does). */
    static DhcpTrace run(final String network, final Topology topology, final int from, final FrameObserver observer) {
        final Simulator sim = new Simulator(topology);
        final StepLog log = new StepLog();
        final Recorder recorder = new Recorder(observer);
        sim.record(log);
        sim.observe(recorder);
        final long start = sim.now();
        sim.dhcp(from);
        sim.run();
        final TrafficSource client = (TrafficSource) sim.device(from);
        boolean acknowledged = false;                           // a DHCPACK reached the client
        for (final int packet : recorder.order) {
            acknowledged |= "DHCPACK".equals(recorder.types.get(packet)) && deliveredAt(log, packet, -1) == from;
        }
        final Lease lease = !acknowledged ? null
                : new Lease(client.ip(), client.prefixLength(), client.gateway());
        final long elapsed = (lease == null ? recorder.lastSent : recorder.boundAt) - start;
        int ping = -1;
        if (lease != null && lease.router() != 0) {
            sim.advance(Network.WARM_GAP_NS);
            ping = sim.ping(from, lease.router(), 1);
            sim.run();
        }
        final TraceBuilder builder = new TraceBuilder(topology, log);
        final List<Message> messages = new ArrayList<>();
        for (final int packet : recorder.order) {
            final int sender = sender(log, packet);
            final int to = deliveredAt(log, packet, from);           // a server's message is for the client
            final String type = recorder.types.get(packet);
            Trace t = builder.build(network, type, packet, sender, to);
            if (to == sender) {                                        // a client's message nobody took
                t = new Trace(t.scenario(), t.from(), MacAddress.isBroadcast(recorder.destinations.get(packet))
                        ? "broadcast" : MacAddress.format(recorder.destinations.get(packet)), t.protocol(),
                        t.outcome(), t.drop(), t.steps(), t.fullPath(), t.events());
            }
            messages.add(new Message(type, recorder.sentAt.get(packet), t));
        }
        final Trace pingTrace = ping < 0 ? null : builder.build(network, "icmp", ping, from,
                deliveredAt(log, ping, from));
        return new DhcpTrace(network, topology.device(from).host(), messages, lease, pingTrace, elapsed);
    }

    /** The device that sent the packet: where its first event happened. */
    private static int sender(final StepLog log, final int packet) {
        for (int e = 0; e < log.size(); e++) {
            if (log.packet(e) == packet) {
                return log.device(e);
            }
        }
        return -1;
    }

    /** The device the packet was delivered to (not a bystander), else {@code otherwise}. */
    private static int deliveredAt(final StepLog log, final int packet, final int otherwise) {
        for (int e = 0; e < log.size(); e++) {
            if (log.packet(e) == packet && log.action(e) == Action.DELIVERED) {
                return log.device(e);
            }
        }
        return otherwise;
    }

    /** Notes each DHCP message the first time it leaves its sender; passes everything on to the user's observer. */
    private static final class Recorder implements FrameObserver {
        private final FrameObserver next;
        final List<Integer> order = new ArrayList<>();
        final Map<Integer, String> types = new HashMap<>();
        final Map<Integer, Long> sentAt = new HashMap<>();
        final Map<Integer, Long> destinations = new HashMap<>();
        long lastSent;
        long boundAt;

        Recorder(final FrameObserver next) {
            this.next = next;
        }

        @Override
        public void onFrame(final int event, final long timeNs, final int device, final int port,
                            final Direction direction, final Frame frame) {
            final int packet = FrameBookkeeping.access().packetId(frame);
            if (direction == Direction.OUT && !types.containsKey(packet)) {
                Dhcp.Message m = Dhcp.read(frame, Dhcp.SERVER_PORT);
                if (m == null) {
                    m = Dhcp.read(frame, Dhcp.CLIENT_PORT);
                }
                if (m != null) {
                    order.add(packet);
                    types.put(packet, Dhcp.typeName(m.type()));
                    sentAt.put(packet, timeNs);
                    destinations.put(packet, frame.destinationMac());
                    lastSent = timeNs;
                    if (m.type() == Dhcp.ACK) {
                        boundAt = timeNs;
                    }
                }
            }
            if (next != null) {
                next.onFrame(event, timeNs, device, port, direction, frame);
            }
        }

        @Override
        public void onDrop(final int event, final int device, final int port, final DropReason reason,
                           final int detail) {
            if (next != null) {
                next.onDrop(event, device, port, reason, detail);
            }
        }

        @Override
        public void onRunEnd() {
            if (next != null) {
                next.onRunEnd();
            }
        }
    }
}

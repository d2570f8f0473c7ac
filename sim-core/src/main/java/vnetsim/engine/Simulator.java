package vnetsim.engine;

import vnetsim.device.Action;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.Egress;
import vnetsim.device.TrafficSource;
import vnetsim.frame.Frame;
import vnetsim.frame.internal.FrameBookkeeping;
import vnetsim.topology.Topology;

/**
 * A deterministic discrete-event loop in virtual time (nanoseconds). A frame a device transmits crosses its link
 * after the link's latency and is handed to the device at the other end; timers (ARP probes) run in the same
 * queue. Equal times run in the order they were scheduled, so the same inputs give the same events, byte for
 * byte.
 *
 * <p>Run to completion: the frame a device transmitted last is held as the <em>hand-off</em> instead of being
 * queued. When the device returns, the engine follows the link itself (time advances by the link's latency) if
 * nothing in the queue is due at or before the frame's arrival; otherwise, or as soon as the device transmits
 * again or sets a timer, the hand-off goes into the queue. Both paths give the same order as queueing every
 * hop (the queue would have returned the frame next: it was the latest scheduled and nothing is due before
 * it), so traces are identical; the queue is used only where other events must interleave (flood copies, replies,
 * timers, frames waiting for ARP).
 *
 * <p>Forwarding loops and broadcast storms are bounded three ways, and each ends the run as a loop
 * ({@link #loopDetected()}, a {@link DropReason#HOP_LIMIT} drop the trace reports as LOOP): a frame that crosses
 * more than {@link #HOP_LIMIT} links is dropped; a run stops after {@link #EVENT_LIMIT} frame events; and it
 * stops when more frames are alive at once than {@link #FRAME_LIMIT} or twice the topology's port count, whichever
 * is larger (a storm multiplying copies; a legitimate broadcast puts at most about one copy per port in flight;
 * checked between events, so one device's flood may pass it by its port count). Memory is then at most that many
 * frame buffers (9.2 KiB each: about 38 MiB for topologies up to 2,048 ports) plus, with a {@link StepLog}, one
 * 96-byte trace record per hop (and per event a hop does not imply: queued arrivals, injections, outcome rows).
 *
 * <p>The simulator is the devices' {@link Egress}: it records each call in the {@link StepLog} (when one is
 * attached) and tells the {@link FrameObserver} (when one is attached). In steady state (caches warm, frame
 * pool and arrays grown) a run allocates nothing.
 */
public final class Simulator implements Egress {
    /** Links a frame may cross before the engine calls it a loop (an IPv4 TTL would not stop an L2 loop). */
    public static final int HOP_LIMIT = 64;
    /** Events one run may process before the engine stops it as a loop (a storm that does not multiply). */
    public static final int EVENT_LIMIT = 200_000;
    /**
     * Frames alive at once (in flight, queued, waiting for ARP) beyond which a run stops as a broadcast storm,
     * for topologies up to 2,048 ports; larger ones allow twice their port count.
     */
    public static final int FRAME_LIMIT = 4_096;

    private static final FrameBookkeeping BOOKKEEPING = FrameBookkeeping.access();
    /** {@link #links} peer word of a port with no link. */
    private static final long UNCONNECTED = -1;
    /** {@link #links} peer word of a port whose link is down. */
    private static final long DOWN = -2;

    private final Topology topology;
    /** The topology's devices as a plain array: one load per event instead of an ImmutableList call. */
    private final Device[] devices;
    private final EventQueue queue = new EventQueue();
    /** Where each device's ports start in {@link #links}, counted in ports. */
    private final int[] portBase;
    /**
     * Per port, two adjacent words at {@code 2 * (portBase[device] + port)}: the peer ({@code device << 32 | port},
     * or {@link #UNCONNECTED} or {@link #DOWN}) and the link's latency in ns. One array, so a hop reads one cache
     * line and tests one sign instead of four arrays and two flags.
     */
    private final long[] links;
    /** False: every hop goes through the queue, as before the hand-off (HandoffEquivalenceTest compares both). */
    private boolean followLinks = true;
    /**
     * The hand-off: the last transmitted frame, not yet queued, while {@link #hasHandoff}. The reference stays
     * after the frame is taken and is rewritten only when another frame is handed off: a frame forwarded in place
     * hop after hop stores no reference (whose G1 card-mark barrier costs more than the flag).
     */
    private Frame handoff;
    private boolean hasHandoff;
    private long handoffTime;
    private int handoffDevice;
    private int handoffPort;
    private final FramePool pool = new FramePool();
    private StepLog log;
    private FrameObserver observer;
    private long now;
    private int current = -1;
    private int nextPacket = 1;
    private int events;
    private boolean eventLimitReached;
    private boolean loopDetected;
    /** {@link #FRAME_LIMIT} or twice the port count, whichever is larger. */
    private final int frameLimit;

    /** A simulation of {@code topology} with its own device instances, caches empty: the topology is only read. */
    public Simulator(final Topology topology) {
        this.topology = topology;
        this.devices = new Device[topology.deviceCount()];
        this.portBase = new int[devices.length];
        int ports = 0;
        for (int d = 0; d < devices.length; d++) {
            devices[d] = topology.device(d).instantiate();
            portBase[d] = ports;
            ports += devices[d].portCount();
        }
        frameLimit = Math.max(FRAME_LIMIT, 2 * ports);
        links = new long[2 * ports];
        for (int d = 0; d < devices.length; d++) {
            for (int p = 0; p < devices[d].portCount(); p++) {
                final int i = 2 * (portBase[d] + p);
                final int peer = topology.peerDevice(d, p);
                if (peer == Topology.NOT_CONNECTED) {
                    links[i] = UNCONNECTED;
                } else if (!topology.isLinkUp(d, p)) {
                    links[i] = DOWN;
                } else {
                    links[i] = (long) peer << 32 | topology.peerPort(d, p);
                }
                links[i + 1] = topology.latencyNs(d, p);
            }
        }
    }

    /** This simulation's instance of device {@code index}: its learned state (FDB, ARP cache) is this run's. */
    public Device device(final int index) {
        return devices[index];
    }

    /** Records every event of the following runs into {@code stepLog} (null: recording off). */
    public void record(final StepLog stepLog) {
        if (stepLog != null) {
            stepLog.links(topology);                     // the arrivals its departure records imply cross these links
        }
        this.log = stepLog;
    }

    /** Tells {@code frameObserver} about every frame event and drop of the following runs (null: none). */
    public void observe(final FrameObserver frameObserver) {
        this.observer = frameObserver;
    }

    /** The topology this simulation was built from (read only). */
    public Topology topology() {
        return topology;
    }

    // ---- injecting traffic --------------------------------------------------------------------------------------

    /** Device {@code from} pings {@code destination}; returns the id of the echo request packet. */
    public int ping(final int from, final int destination, final int sequence) {
        return source(from).ping(destination, 0x7e57, sequence, this);
    }

    /** Device {@code from} sends one UDP datagram with 32 data bytes to port 33434 (traceroute's first probe). */
    public int sendUdp(final int from, final int destination) {
        return sendUdp(from, destination, 32);
    }

    /**
     * Device {@code from} sends one UDP datagram to port 33434.
     *
     * @param payloadBytes UDP data bytes (0-9188): 32 make a 74-byte frame, 1454 a 1,496-byte one
     */
    public int sendUdp(final int from, final int destination, final int payloadBytes) {
        return source(from).sendUdp(destination, 40000, 33434, payloadBytes, this);
    }

    /** Device {@code from} starts its DHCP client; returns the id of the first DHCPDISCOVER. */
    public int dhcp(final int from) {
        return source(from).startDhcp(this);
    }

    /** Device {@code from} sends an ARP request for {@code target}. */
    public int arping(final int from, final int target) {
        return source(from).arping(target, this);
    }

    private TrafficSource source(final int from) {
        if (!(devices[from] instanceof TrafficSource source)) {
            throw new IllegalArgumentException(devices[from].host() + " cannot originate traffic (it is a "
                    + devices[from].kind().description() + ")");
        }
        current = from;
        return source;
    }

    /**
     * Lets a device originate traffic now, with the simulator as its {@link Egress} (a ping from a
     * {@link vnetsim.device.LinuxHost}); returns what the action returns (a packet id).
     */
    public int originate(final int device, final java.util.function.ToIntFunction<Egress> action) {
        current = device;
        return action.applyAsInt(this);
    }

    /** Puts a raw frame on the wire at a device's port, as if it arrived from the link. */
    public int inject(final int device, final int port, final byte[] bytes, final int offset, final int length) {
        final Frame f = pool.acquire().load(bytes, offset, length);
        BOOKKEEPING.setPacketId(f, nextPacket++);
        enqueue(now, device, port, EventQueue.ARRIVAL, f);
        return BOOKKEEPING.packetId(f);
    }

    // ---- running ------------------------------------------------------------------------------------------------

    /** Processes events until none is left (or a limit stops a loop or storm). */
    public void run() {
        events = 0;
        eventLimitReached = false;
        loopDetected = false;
        followHandoffs();                                  // a frame sent before run() (ping, arping), queued
                                                           // only if an earlier event is due, as in the loop
        while (!queue.isEmpty()) {
            if (limitReached()) {
                drainAsLoop();
                break;
            }
            queue.poll();
            now = queue.polledTime;
            current = queue.polledDevice;
            final Frame frame = queue.polledFrame;
            queue.polledFrame = null;
            if (queue.polledKind == EventQueue.TIMER) {
                devices[current].onTimer(queue.polledPortOrToken, this);
            } else {
                arrive(frame, queue.polledPortOrToken);
            }
            followHandoffs();
        }
        if (observer != null) {
            observer.onRunEnd();
        }
    }

    /** Runs the handed-off frame hop after hop while it is the next event the queue would return. */
    private void followHandoffs() {
        while (hasHandoff) {
            if (!followLinks || !queue.isEmpty() && queue.firstTime() <= handoffTime || limitReached()) {
                queueHandoff();
                return;
            }
            hasHandoff = false;
            now = handoffTime;
            current = handoffDevice;
            arrive(handoff, handoffPort);
        }
    }

    /** Sends every hop through the event queue (the reference the hand-off must equal); for tests. */
    void queueEveryHop() {
        followLinks = false;
    }

    private boolean limitReached() {
        if (events >= EVENT_LIMIT || pool.live() > frameLimit) {
            eventLimitReached = true;
            loopDetected = true;
            return true;
        }
        return false;
    }

    private void arrive(final Frame frame, final int port) {
        events++;
        final int event = recordArrival(frame, port);
        if (observer != null) {
            observer.onFrame(event, now, current, port, Direction.IN, frame);
        }
        if (!frame.hasCompleteHeader()) {              // a runt: no device kind can classify it
            drop(frame, port, DropReason.TRUNCATED_FRAME, frame.length());
            return;
        }
        devices[current].receive(frame, port, this);
    }

    /** Every queue entry goes through here: the held hand-off first, so entries keep the order they were made in. */
    private void enqueue(final long at, final int device, final int portOrToken, final int kind, final Frame frame) {
        queueHandoff();
        queue.add(at, device, portOrToken, kind, frame);
    }

    private void queueHandoff() {
        if (hasHandoff) {
            queue.add(handoffTime, handoffDevice, handoffPort, EventQueue.ARRIVAL, handoff);
            hasHandoff = false;
        }
    }

    private void drainAsLoop() {
        queueHandoff();
        while (!queue.isEmpty()) {
            queue.poll();
            if (queue.polledFrame != null) {
                current = queue.polledDevice;
                drop(queue.polledFrame, queue.polledPortOrToken, DropReason.HOP_LIMIT, HOP_LIMIT);
                queue.polledFrame = null;
            }
        }
    }

    /** Forgets all learned state and time: FDBs, ARP caches, pending packets. */
    public void reset() {
        queue.clear();
        handoff = null;
        hasHandoff = false;
        for (final Device d : devices) {               // an array: no iterator per reset
            d.reset();
        }
        now = 0;
        nextPacket = 1;
        if (log != null) {
            log.clear();
        }
    }

    /** Advances virtual time with nothing happening (e.g. to let FDB entries age). */
    public void advance(final long ns) {
        now += ns;
    }

    public long now() {
        return now;
    }

    /** Whether the last {@link #run()} met a forwarding loop: a frame hit the hop limit, or a limit stopped a storm. */
    public boolean loopDetected() {
        return loopDetected;
    }

    /** Whether the last {@link #run()} was stopped by {@link #EVENT_LIMIT} or {@link #FRAME_LIMIT}. */
    public boolean eventLimitReached() {
        return eventLimitReached;
    }

    /** Frames the pool ever allocated: constant in steady state. */
    public int framesAllocated() {
        return pool.created();
    }

    // ---- Egress: what devices call ------------------------------------------------------------------------------

    @Override
    public void transmit(final Frame frame, final int port, final Action action) {
        events++;
        final int event = recordDeparture(frame, port, action);
        if (observer != null) {
            observer.onFrame(event, now, current, port, Direction.OUT, frame);
        }
        final int i = 2 * (portBase[current] + port);
        final long peer = links[i];
        if (peer < 0) {
            if (peer == UNCONNECTED) {
                drop(frame, port, DropReason.NOT_CONNECTED, 0);
                return;
            }
            drop(frame, port, DropReason.LINK_DOWN, 0);
            return;
        }
        if (BOOKKEEPING.countHop(frame) > HOP_LIMIT) {
            loopDetected = true;
            drop(frame, port, DropReason.HOP_LIMIT, HOP_LIMIT);
            return;
        }
        queueHandoff();                                   // a second transmit: the first goes to the queue
        if (handoff != frame) {
            handoff = frame;
        }
        hasHandoff = true;
        handoffTime = now + links[i + 1];
        handoffDevice = (int) (peer >>> 32);
        handoffPort = (int) peer;
    }

    @Override
    public void deliver(final Frame frame, final int port) {
        outcome(frame, port, Action.DELIVERED, null, 0);
        pool.release(frame);
    }

    @Override
    public void drop(final Frame frame, final int port, final DropReason reason, final int detail) {
        final int event = outcome(frame, port, Action.DROPPED, reason, detail);
        if (observer != null) {
            observer.onDrop(event, current, port, reason, detail);
        }
        pool.release(frame);
    }

    /** Marks the frame's last event at this port with the outcome, or records a new event where it happened elsewhere. */
    private int outcome(final Frame frame, final int port, final Action action, final DropReason reason,
                        final int detail) {
        if (log == null) {
            return -1;
        }
        int event = BOOKKEEPING.lastEvent(frame);
        if (event < 0 || !log.happenedAt(event, current, port)) {
            event = log.outcomeEvent(now, current, port, action, frame, BOOKKEEPING.packetId(frame), event);
        }
        log.markOutcome(event, action, reason, detail);
        return event;
    }

    @Override
    public Frame copy(final Frame frame) {
        return pool.acquire().copyFrom(frame);
    }

    @Override
    public Frame newFrame() {
        final Frame f = pool.acquire();
        BOOKKEEPING.setPacketId(f, nextPacket++);
        return f;
    }

    @Override
    public void schedule(final long delayNs, final int token) {
        enqueue(now + delayNs, current, token, EventQueue.TIMER, null);
    }

    /** The arrival's event index; a departure just before it implies it, so the log usually writes nothing. */
    private int recordArrival(final Frame frame, final int port) {
        if (log == null) {
            return events - 1;
        }
        final int event = log.arrival(now, current, port, frame, BOOKKEEPING.packetId(frame),
                BOOKKEEPING.lastEvent(frame));
        BOOKKEEPING.setLastEvent(frame, event);
        return event;
    }

    /** The departure's event index: the hop's one record in the log (it implies the arrival at the peer). */
    private int recordDeparture(final Frame frame, final int port, final Action action) {
        if (log == null) {
            return events - 1;
        }
        final int event = log.departure(now, current, port, action, frame, BOOKKEEPING.packetId(frame),
                BOOKKEEPING.lastEvent(frame));
        BOOKKEEPING.setLastEvent(frame, event);
        return event;
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import vnetsim.frame.Frame;

/**
 * The {@link Egress} a single-device test hands to {@link Device#receive}: it records every call instead of moving
 * frames anywhere (Netty's EmbeddedChannel, for one device). Transmitted and delivered bytes are copied at the
 * moment of the call, so a later change to the frame cannot rewrite history. Time only moves when the test says
 * so; timers are recorded and fired on request.
 */
public final class RecordingEgress implements Egress {

    /** One transmit: the bytes as they left, the port, what the device said it did, and the frame object itself. */
    public record Transmit(byte[] bytes, int port, Action action, Frame frame, long atNs) {
        /** A fresh frame holding these bytes, for reading fields with the frame API. */
        public Frame asFrame() {
            return new Frame().load(bytes, 0, bytes.length);
        }
    }

    public record Delivery(byte[] bytes, int port) {
    }

    public record Drop(int port, DropReason reason, int detail, byte[] bytes, long atNs) {
    }

    public record Timer(long dueNs, int token) {
    }

    private final List<Transmit> transmits = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Drop> drops = new ArrayList<>();
    private final List<Timer> scheduled = new ArrayList<>();
    private final PriorityQueue<Timer> pending =
            new PriorityQueue<>(Comparator.comparingLong(Timer::dueNs));
    private int copies;
    private int newFrames;
    private long now;

    @Override
    public void transmit(final Frame frame, final int port, final Action action) {
        transmits.add(new Transmit(bytesOf(frame), port, action, frame, now));
    }

    @Override
    public void deliver(final Frame frame, final int port) {
        deliveries.add(new Delivery(bytesOf(frame), port));
    }

    @Override
    public void drop(final Frame frame, final int port, final DropReason reason, final int detail) {
        drops.add(new Drop(port, reason, detail, bytesOf(frame), now));
    }

    @Override
    public Frame copy(final Frame frame) {
        copies++;
        return new Frame().copyFrom(frame);
    }

    @Override
    public Frame newFrame() {
        newFrames++;
        return new Frame();
    }

    @Override
    public void schedule(final long delayNs, final int token) {
        final Timer t = new Timer(now + delayNs, token);
        scheduled.add(t);
        pending.add(t);
    }

    @Override
    public long now() {
        return now;
    }

    public void setNow(final long nowNs) {
        this.now = nowNs;
    }

    public void advanceSeconds(final long seconds) {
        this.now += seconds * 1_000_000_000L;
    }

    /** Fires the earliest pending timer on {@code device}, moving time to it; false when none is pending. */
    public boolean fireNextTimer(final Device device) {
        final Timer t = pending.poll();
        if (t == null) {
            return false;
        }
        now = Math.max(now, t.dueNs());
        device.onTimer(t.token(), this);
        return true;
    }

    /** Fires timers (including ones scheduled while firing) until none is left. */
    public void fireAllTimers(final Device device) {
        int guard = 0;
        while (fireNextTimer(device)) {
            if (++guard > 1000) {
                throw new AssertionError("timers keep rescheduling themselves");
            }
        }
    }

    public void clear() {
        transmits.clear();
        deliveries.clear();
        drops.clear();
        scheduled.clear();
        copies = 0;
        newFrames = 0;
    }

    // ---- what the test reads ------------------------------------------------------------------------------------

    public List<Transmit> transmits() {
        return transmits;
    }

    public List<Integer> transmittedPorts() {
        return transmits.stream().map(Transmit::port).toList();
    }

    public Transmit onlyTransmit() {
        if (transmits.size() != 1) {
            throw new AssertionError("expected exactly one transmit, got " + describe());
        }
        return transmits.get(0);
    }

    public Transmit transmitOn(final int port) {
        return transmits.stream().filter(t -> t.port() == port).findFirst()
                .orElseThrow(() -> new AssertionError("nothing transmitted on port " + port + ": " + describe()));
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }

    public List<Drop> drops() {
        return drops;
    }

    public Drop onlyDrop() {
        if (drops.size() != 1) {
            throw new AssertionError("expected exactly one drop, got " + describe());
        }
        return drops.get(0);
    }

    public List<Timer> scheduled() {
        return scheduled;
    }

    /** Flood copies the device asked for (the last port of a flood gets the original, not a copy). */
    public int copies() {
        return copies;
    }

    public int newFrames() {
        return newFrames;
    }

    public String describe() {
        final StringBuilder sb = new StringBuilder();
        transmits.forEach(t -> sb.append("\n  transmit port ").append(t.port()).append(' ').append(t.action())
                .append(" len ").append(t.bytes().length));
        deliveries.forEach(d -> sb.append("\n  deliver port ").append(d.port()));
        drops.forEach(d -> sb.append("\n  drop port ").append(d.port()).append(' ').append(d.reason())
                .append(" detail ").append(d.detail()));
        return sb.length() == 0 ? "nothing" : sb.toString();
    }

    private static byte[] bytesOf(final Frame frame) {
        return Arrays.copyOfRange(frame.bytes(), frame.start(), frame.end());
    }
}

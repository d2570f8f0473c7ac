package vnetsim.device;

import vnetsim.frame.Frame;
import vnetsim.frame.internal.FrameBookkeeping;

/**
 * What a device may do with a frame it holds. The engine implements it and records every call as a trace event.
 * Ownership rule: whoever holds a frame either transmits, delivers or drops it, exactly once; the engine recycles.
 */
public interface Egress {
    /** Sends the frame out of one of the calling device's ports; the action names what the device did. */
    void transmit(Frame frame, int port, Action action);

    /** The frame reached the host stack it was addressed to (an endpoint, a router's own address). */
    void deliver(Frame frame, int port);

    /** The frame goes no further; {@code detail} fills the reason's placeholder (a VID, an MTU, an IPv4 address). */
    void drop(Frame frame, int port, DropReason reason, int detail);

    /** A pooled copy of the frame, same packet in the trace; only where a flood must send different bytes. */
    Frame copy(Frame frame);

    /** A cleared pooled frame for a packet this device originates (ARP, reply, ICMP error): a new packet in the trace. */
    Frame newFrame();

    /**
     * Calls {@link Device#onTimer} on the calling device after {@code delayNs} of virtual time.
     *
     * @param delayNs virtual time from now, in nanoseconds
     * @param token handed back to {@link Device#onTimer} (an ARP target, a DHCP timer)
     */
    void schedule(long delayNs, int token);

    /** Current virtual time in nanoseconds. */
    long now();

    /**
     * The trace's packet id of a frame from {@link #newFrame} or {@link #copy} (0 for a frame the engine did not
     * hand out): what a device that originates a packet returns to its caller.
     */
    default int packetOf(final Frame frame) {
        return FrameBookkeeping.access().packetId(frame);
    }
}

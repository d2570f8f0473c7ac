package vnetsim.frame.internal;

import vnetsim.frame.Frame;

/**
 * The engine's bookkeeping on a {@link Frame}: the packet it belongs to (flood copies keep it), the trace event it
 * last passed and how many links it has crossed (the loop guard), and recycling a pooled frame. The fields live in
 * the frame (no look-up per hop) but only this accessor reaches them, and its package is not exported by the
 * module: users of the library cannot renumber a packet or reset a hop count. {@link Frame} installs the one
 * implementation when its class initialises (the JDK's SharedSecrets pattern).
 */
public abstract class FrameBookkeeping {
    private static FrameBookkeeping access;

    /** For the implementation {@link Frame} installs. */
    protected FrameBookkeeping() {
    }

    /**
     * Installs the implementation; only {@link Frame}'s class initialiser calls it, once.
     *
     * @throws IllegalStateException on a second call
     */
    public static synchronized void install(final FrameBookkeeping implementation) {
        if (access != null) {
            throw new IllegalStateException("frame bookkeeping is already installed");
        }
        access = implementation;
    }

    /** The accessor; whoever holds a frame has initialised {@link Frame}, so it is installed. */
    public static FrameBookkeeping access() {
        FrameBookkeeping a = access;
        if (a == null) {
            new Frame();                                      // initialises Frame, which installs the accessor
            a = access;
        }
        return a;
    }

    /** The id of the packet the frame belongs to (0: none yet). */
    public abstract int packetId(Frame frame);

    /**
     * Numbers the packet the frame belongs to.
     *
     * @param packetId a run's packet number, from 1
     */
    public abstract void setPacketId(Frame frame, int packetId);

    /** The trace event the frame last passed, or -1. */
    public abstract int lastEvent(Frame frame);

    /**
     * Records the trace event the frame passed.
     *
     * @param event index in the run's step log, or -1
     */
    public abstract void setLastEvent(Frame frame, int event);

    /** Links the frame has crossed. */
    public abstract int hops(Frame frame);

    /** Counts one more link crossed and returns the new count. */
    public abstract int countHop(Frame frame);

    /** Empties the frame and forgets its bookkeeping: a frame back from the pool. */
    public abstract Frame recycle(Frame frame);
}

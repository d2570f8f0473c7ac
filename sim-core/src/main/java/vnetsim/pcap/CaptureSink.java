package vnetsim.pcap;

/**
 * Receives frames as the simulation runs and streams them to disk.
 * Not thread-safe (the engine is single-threaded).
 *
 * <p>Lifecycle: any number of {@link #capture} calls, then exactly one of {@link #close()} (publish) or
 * {@link #abort()} (discard). Further calls to close/abort are no-ops; capturing after either is an
 * {@link IllegalStateException}. If an I/O error occurs the sink cleans up its temporary files, throws
 * {@link CaptureException}, and behaves as aborted from then on.
 */
public interface CaptureSink extends AutoCloseable {

    /**
     * @param iface   the interface the frame was seen on
     * @param timeNs  simulated time in nanoseconds, {@code >= 0}
     * @param inbound true for a frame arriving at the interface, false for one leaving it
     * @param bytes   the Ethernet frame (no FCS) is {@code bytes[offset .. offset+length)}; copied, not retained
     * @param comment trace step text, e.g. "event 7 in, step 3" or
     *                "event 23 in, step 9; dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on this port
     *                (ingress)" (may be null)
     */
    void capture(CapturedInterface iface, long timeNs, boolean inbound, byte[] bytes, int offset, int length,
                 String comment);

    /** Finishes the file(s) and moves them atomically into place. */
    @Override
    void close();

    /** Discards everything written so far (temporary files deleted); nothing is left at the target path. */
    void abort();
}

package vnetsim.engine;

import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.frame.Frame;

/**
 * Sees every frame crossing an interface while the simulation runs (captures attach here). Called on the frame
 * path only when an observer is attached.
 */
public interface FrameObserver {
    /** A frame arrived at or left a port; {@code event} is its 0-based index among the run's events. */
    void onFrame(int event, long timeNs, int device, int port, Direction direction, Frame frame);

    /** The frame at {@code event} was dropped by {@code device} at {@code port}. */
    void onDrop(int event, int device, int port, DropReason reason, int detail);

    /** The run ended (flush anything held back). */
    default void onRunEnd() {
    }

    /**
     * A trace of this run will be built and {@link #onSteps} called after {@link #onRunEnd}: an observer that numbers
     * what it records as the trace's table does waits for it ({@code Network} calls this before the traced run).
     */
    default void expectSteps() {
    }

    /**
     * The run's trace was built (called after {@link #onRunEnd} by {@code Network}, which knows the steps only then).
     *
     * @param stepOfEvent for each event index, the 1-based step of the document-view row (the table users read)
     *                    that shows it, or 0 when no row does; indexed like {@link #onFrame}'s {@code event}
     */
    default void onSteps(final int[] stepOfEvent) {
    }
}

package vnetsim.engine;

import java.util.Arrays;
import vnetsim.frame.Frame;
import vnetsim.frame.internal.FrameBookkeeping;

/** Reusable frames: acquired for new packets and flood copies, returned when delivered or dropped. */
final class FramePool {
    private Frame[] free = new Frame[16];
    private int size;
    private int created;

    Frame acquire() {
        if (size == 0) {
            created++;
            return new Frame();
        }
        final Frame f = free[--size];
        free[size] = null;
        return FrameBookkeeping.access().recycle(f);
    }

    void release(final Frame frame) {
        if (size == free.length) {
            free = Arrays.copyOf(free, size * 2);
        }
        free[size++] = frame;
    }

    /** Frames handed out and not yet released: the frames alive in the run. */
    int live() {
        return created - size;
    }

    /** How many frames this pool ever allocated (a steady state stops growing). */
    int created() {
        return created;
    }
}

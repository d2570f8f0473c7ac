package vnetsim.engine;

import java.util.Arrays;
import vnetsim.frame.Frame;

/**
 * The pending events of a run, ordered by virtual time and then by the order they were scheduled, so equal
 * times run first-in first-out and every run is deterministic. A binary heap over parallel primitive arrays:
 * nothing is allocated per event once the arrays have grown to the run's size. (Hand-written because
 * java.util.PriorityQueue boxes an object per entry; neither Agrona nor fastutil has a primitive multi-field
 * heap.)
 */
final class EventQueue {
    static final int ARRIVAL = 0;
    static final int TIMER = 1;

    private long[] time = new long[64];
    private long[] sequence = new long[64];
    private int[] device = new int[64];
    private int[] portOrToken = new int[64];
    private byte[] kind = new byte[64];
    private Frame[] frame = new Frame[64];
    private int size;
    private long nextSequence;

    // The only pending event, kept out of the heap: on a unicast path one frame is in flight at a time, so most
    // adds and polls never touch the heap arrays.
    private boolean single;
    private long singleTime;
    private long singleSequence;
    private int singleDevice;
    private int singlePortOrToken;
    private int singleKind;
    private Frame singleFrame;

    // fields of the entry removed by poll()
    long polledTime;
    int polledDevice;
    int polledPortOrToken;
    int polledKind;
    Frame polledFrame;

    void add(final long at, final int dev, final int portOrTok, final int k, final Frame f) {
        if (size == 0 && !single) {
            single = true;
            singleTime = at;
            singleSequence = nextSequence++;
            singleDevice = dev;
            singlePortOrToken = portOrTok;
            singleKind = k;
            singleFrame = f;
            return;
        }
        if (single) {                                      // a second event: both go to the heap, in order
            single = false;
            heapAdd(singleTime, singleSequence, singleDevice, singlePortOrToken, singleKind, singleFrame);
            singleFrame = null;
        }
        heapAdd(at, nextSequence++, dev, portOrTok, k, f);
    }

    private void heapAdd(final long at, final long seq, final int dev, final int portOrTok, final int k,
                         final Frame f) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        while (i > 0) {                                   // sift up
            final int parent = (i - 1) >>> 1;
            if (!before(at, seq, time[parent], sequence[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, at, seq, dev, portOrTok, k, f);
    }

    boolean isEmpty() {
        return size == 0 && !single;
    }

    int size() {
        return size + (single ? 1 : 0);
    }

    /** Time of the earliest entry; only when not empty. */
    long firstTime() {
        return single ? singleTime : time[0];
    }

    /** Removes the earliest entry into the polled* fields. */
    void poll() {
        if (single) {
            single = false;
            polledTime = singleTime;
            polledDevice = singleDevice;
            polledPortOrToken = singlePortOrToken;
            polledKind = singleKind;
            polledFrame = singleFrame;
            singleFrame = null;
            return;
        }
        polledTime = time[0];
        polledDevice = device[0];
        polledPortOrToken = portOrToken[0];
        polledKind = kind[0];
        polledFrame = frame[0];
        final int last = --size;
        final long t = time[last];
        final long s = sequence[last];
        final int d = device[last];
        final int p = portOrToken[last];
        final int k = kind[last];
        final Frame f = frame[last];
        frame[last] = null;
        int i = 0;
        while (true) {                                     // sift down
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(time[child + 1], sequence[child + 1], time[child], sequence[child])) {
                child++;
            }
            if (!before(time[child], sequence[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            set(i, t, s, d, p, k, f);
        }
    }

    void clear() {
        Arrays.fill(frame, 0, size, null);
        size = 0;
        single = false;
        singleFrame = null;
        nextSequence = 0;
    }

    private static boolean before(final long t1, final long s1, final long t2, final long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(final int from, final int to) {
        set(to, time[from], sequence[from], device[from], portOrToken[from], kind[from], frame[from]);
    }

    private void set(final int i, final long t, final long s, final int d, final int p, final int k, final Frame f) {
        time[i] = t;
        sequence[i] = s;
        device[i] = d;
        portOrToken[i] = p;
        kind[i] = (byte) k;
        frame[i] = f;
    }

    private void grow() {
        final int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        sequence = Arrays.copyOf(sequence, n);
        device = Arrays.copyOf(device, n);
        portOrToken = Arrays.copyOf(portOrToken, n);
        kind = Arrays.copyOf(kind, n);
        frame = Arrays.copyOf(frame, n);
    }
}

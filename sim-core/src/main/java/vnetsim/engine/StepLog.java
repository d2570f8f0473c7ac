package vnetsim.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.frame.Arp;
import vnetsim.frame.Bytes;
import vnetsim.frame.EtherType;
import vnetsim.frame.Ethernet;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4;
import vnetsim.frame.VlanTag;
import vnetsim.topology.Topology;

/**
 * Every frame event of a run in preallocated primitive storage, recorded as <em>one record per hop</em> while
 * simulating and turned into the event view (one IN or OUT event per index, as the readers know it) only when the
 * log is first read after a run. Nothing is decoded and no object is created while simulating.
 *
 * <p><b>While simulating.</b> A departure writes one record of twelve longs: four of bookkeeping and the frame's
 * first {@link #SNAPSHOT} bytes (Ethernet, up to two tags, the IPv4 or ARP header) as eight longs. The arrival at the peer writes
 * nothing when it is the very next event (the run-to-completion hand-off makes that the usual case): its time,
 * device and port follow from the departure and the topology's link, it is RECEIVED, its parent is the
 * departure and it shares the departure's snapshot (a frame arriving over a link is byte for byte what left). Only
 * what the departure cannot imply gets a record of its own: an arrival that waited in the queue behind other events,
 * an injected frame (no departure), and the OUT event a drop or delivery at another port adds. Outcomes (delivered,
 * dropped, why) are a separate list of marks, applied in order. Record layout:
 *
 * <pre>
 *  rec[12r]           time (ns)
 *  rec[12r+1]         device (32) | port (16) | direction (2) | action (5) | 0 (7)
 *  rec[12r+2]         packet (32) | parent event + 1 (32)
 *  rec[12r+3]         event index (32) | frame length (16) | 1 when an arrival shows its departure's snapshot
 *  rec[12r+4 .. +11]  the frame's first 64 bytes, as native-order longs (bytes past the length are zeroed when
 *                     the view is built)
 *  mark[k]      event (32) | action (5) &lt;&lt; 7 | drop reason + 1 (7);  markDetail[k] the drop detail
 * </pre>
 *
 * <p><b>When read.</b> The first read after new records builds the event view incrementally (the events added since
 * the last read, then the marks added since): per event three packed longs, the drop detail and the record whose
 * snapshot it shows; the snapshot bytes are unpacked on the first read of a header field. Header fields are decoded from the snapshot only when read, so a device cannot claim a tag it
 * did not write. Arrays are reused across runs. {@link vnetsim.trace.TraceBuilder} turns a log into people's
 * vocabulary after the run.
 *
 * <pre>
 *  meta[3e]     time (ns)
 *  meta[3e+1]   device (32) | port (16) | direction (2) | action (5) | drop reason + 1 (7)
 *  meta[3e+2]   packet (32) | parent event + 1 (32)
 *  detail[e]    the drop detail (a VID, an MTU, an IPv4 address)
 *  snapshot[e]  the record r whose length[r] and headers[64r ..] (copied from rec when built) show the frame
 * </pre>
 */
public final class StepLog {
    /** Bytes of each frame kept: 14 Ethernet + 8 for two tags + 28 ARP or 20 IPv4, rounded up. */
    static final int SNAPSHOT = 64;
    private static final int NO_DIRECTION = 2;
    private static final Direction[] DIRECTIONS = Direction.values();
    private static final Action[] ACTIONS = Action.values();
    private static final DropReason[] REASONS = DropReason.values();
    private static final long OUT_BITS = (long) Direction.OUT.ordinal() << 14;
    private static final long IN_BITS = (long) Direction.IN.ordinal() << 14;
    private static final long RECEIVED_BITS = (long) Action.RECEIVED.ordinal() << 7;
    /** Longs per record: 4 of bookkeeping, 8 of snapshot. */
    private static final int STRIDE = 12;
    private static final int HEAD = 4;
    private static final long SHARED = 1;
    private static final int RECENT = 1024;
    /** Eight bytes at a time, in the machine's order: written and read back with the same handle, so any order. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    // ---- the records, written while simulating
    /** Events so far (records + implied arrivals). */
    private int size;
    private int records;
    /** The event index of the last departure record, while its arrival may still follow it directly; else -2. */
    private int lastDeparture = -2;
    /** Whether anything was recorded since the view was last built. */
    private boolean stale;
    private long[] rec = new long[STRIDE * 256];
    /** A frame whose buffer ends within 64 bytes of its start is copied here first (zeroed past it). */
    private final byte[] scratch = new byte[SNAPSHOT];
    /** The record of each recent departure, by event index modulo {@link #RECENT} (checked when read). */
    private final int[] recent = new int[RECENT];
    private int marks;
    private long[] mark = new long[64];
    private int[] markDetail = new int[64];
    /** The recording simulator's topology: where a departure arrives, and when. */
    private Topology topology;

    // ---- the event view, built on the first read
    private int builtSize;
    private int builtRecords;
    private int builtMarks;
    private int builtHeaders;
    private long[] meta = new long[3 * 256];
    private int[] detail = new int[256];
    private int[] snapshot = new int[256];
    private short[] length = new short[256];
    private byte[] headers = new byte[SNAPSHOT * 256];

    /**
     * Where frames leaving a port arrive, for the events a departure implies: the recording simulator's topology
     * (only read). Records made under another topology are turned into events first.
     */
    void links(final Topology recorded) {
        if (recorded != topology) {
            view();
            topology = recorded;
        }
    }

    /**
     * A frame left {@code dev}'s port {@code p}: the hop's one record, and its snapshot. Returns the event index.
     *
     * @param t virtual time in nanoseconds
     * @param parent the event the frame passed last, or -1
     */
    int departure(final long t, final int dev, final int p, final Action a, final Frame f, final int packet,
                  final int parent) {
        final int r = records;
        final int m = STRIDE * r;
        if (m + STRIDE > rec.length) {
            grow();
        }
        final int e = size++;
        final long[] rs = rec;
        rs[m] = t;
        rs[m + 1] = ((long) dev << 32) | ((long) (p & 0xffff) << 16) | OUT_BITS | ((long) a.ordinal() << 7);
        rs[m + 2] = ((long) packet << 32) | ((parent + 1) & 0xffff_ffffL);
        rs[m + 3] = ((long) e << 32) | ((long) (f.length() & 0xffff) << 16);
        records = r + 1;
        lastDeparture = e;
        stale = true;
        recent[e & (RECENT - 1)] = r;
        snap(rs, m, f);
        return e;
    }

    /**
     * A frame arrived at {@code dev}'s port {@code p}. When it is the frame that left in the event just before,
     * the departure's record implies this event and nothing is written. Returns the event index.
     *
     * @param t virtual time in nanoseconds
     * @param parent the event the frame passed last (its departure), or -1 (an injected frame)
     */
    int arrival(final long t, final int dev, final int p, final Frame f, final int packet, final int parent) {
        final int e = size++;
        stale = true;
        if (parent != e - 1 || parent != lastDeparture) {
            lateArrival(e, t, dev, p, f, packet, parent);   // waited behind other events, or injected
        }
        return e;
    }

    private void lateArrival(final int e, final long t, final int dev, final int p, final Frame f, final int packet,
                             final int parent) {
        add(e, t, ((long) dev << 32) | ((long) (p & 0xffff) << 16) | IN_BITS | RECEIVED_BITS, f, packet, parent);
    }

    /** Records an OUT event where an outcome happened at another port than the frame's last event. */
    int outcomeEvent(final long t, final int dev, final int p, final Action a, final Frame f, final int packet,
                     final int parent) {
        final int e = size++;
        add(e, t, ((long) dev << 32) | ((long) (p & 0xffff) << 16) | OUT_BITS | ((long) a.ordinal() << 7), f, packet,
                parent);
        return e;
    }

    /** An event with a record of its own; an arrival over a link shows its departure's snapshot. */
    private void add(final int e, final long t, final long word, final Frame f, final int packet, final int parent) {
        final int r = records;
        final int m = STRIDE * r;
        if (m + STRIDE > rec.length) {
            grow();
        }
        rec[m] = t;
        rec[m + 1] = word;
        rec[m + 2] = ((long) packet << 32) | ((parent + 1) & 0xffff_ffffL);
        records = r + 1;
        lastDeparture = -2;
        stale = true;
        if ((word & IN_BITS) == IN_BITS && parent >= 0 && departureRecord(parent, packet) >= 0) {
            rec[m + 3] = ((long) e << 32) | SHARED;      // arrived over a link: the bytes that left
        } else {
            rec[m + 3] = ((long) e << 32) | ((long) (f.length() & 0xffff) << 16);
            snap(rec, m, f);
        }
    }

    /** The record of event {@code e} when it is a departure of {@code packet}, or -1. */
    private int departureRecord(final int e, final int packet) {
        final int guess = recent[e & (RECENT - 1)];    // a flood copy arrives soon after it left
        final int r = guess < records && (int) (rec[STRIDE * guess + 3] >>> 32) == e ? guess : recordOf(e);
        if (r < 0) {
            return -1;
        }
        final long word = rec[STRIDE * r + 1];
        return (word & (0x3L << 14)) == OUT_BITS && (int) (rec[STRIDE * r + 2] >>> 32) == packet ? r : -1;
    }

    /** The frame's first 64 bytes into record {@code m}'s eight snapshot longs. */
    private void snap(final long[] rs, final int m, final Frame f) {
        byte[] b = f.bytes();
        int start = f.start();
        if (start + SNAPSHOT > b.length) {           // never for a pooled frame; kept correct anyway
            Arrays.fill(scratch, (byte) 0);
            System.arraycopy(b, start, scratch, 0, Math.min(f.length(), SNAPSHOT));
            b = scratch;
            start = 0;
        }
        final int h = m + HEAD;
        rs[h] = (long) LONGS.get(b, start);
        rs[h + 1] = (long) LONGS.get(b, start + 8);
        rs[h + 2] = (long) LONGS.get(b, start + 16);
        rs[h + 3] = (long) LONGS.get(b, start + 24);
        rs[h + 4] = (long) LONGS.get(b, start + 32);
        rs[h + 5] = (long) LONGS.get(b, start + 40);
        rs[h + 6] = (long) LONGS.get(b, start + 48);
        rs[h + 7] = (long) LONGS.get(b, start + 56);
    }

    /** Event {@code e}'s record, or -1 when a departure implies it (binary search: records are in event order). */
    private int recordOf(final int e) {
        int lo = 0;
        int hi = records - 1;
        if (hi >= 0 && (int) (rec[STRIDE * hi + 3] >>> 32) == e) {
            return hi;                                  // the latest event (an outcome right after it)
        }
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final int at = (int) (rec[STRIDE * mid + 3] >>> 32);
            if (at < e) {
                lo = mid + 1;
            } else if (at > e) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Whether event {@code e} happened at {@code dev}'s port {@code p}; read while simulating, without the view. */
    boolean happenedAt(final int e, final int dev, final int p) {
        final long word;
        if (e == size - 1 && e - 1 == lastDeparture) {          // the arrival just implied (a delivery, a drop)
            word = impliedArrival(rec[STRIDE * (records - 1) + 1]);
        } else {
            word = wordOf(e);
        }
        return (int) (word >>> 32) == dev && ((int) (word >>> 16) & 0xffff) == p;   // as device(e), port(e)
    }

    private long wordOf(final int e) {
        final int r = recordOf(e);
        return r >= 0 ? rec[STRIDE * r + 1] : impliedArrival(rec[STRIDE * recordOf(e - 1) + 1]);
    }

    /** The device and port bits of the arrival a departure ({@code departed}: its device and port bits) implies. */
    private long impliedArrival(final long departed) {
        final int from = (int) (departed >>> 32);
        final int p = (int) (departed >>> 16) & 0xffff;
        return ((long) topology.peerDevice(from, p) << 32) | ((long) (topology.peerPort(from, p) & 0xffff) << 16);
    }

    void markOutcome(final int event, final Action a, final DropReason r, final int d) {
        final int k = marks;
        if (k == markDetail.length) {
            growMarks();
        }
        mark[k] = ((long) event << 32) | ((long) a.ordinal() << 7) | (r == null ? 0 : r.ordinal() + 1);
        markDetail[k] = d;
        marks = k + 1;
        stale = true;
    }

    /** Builds the event view of what was recorded since the last read; cheap when nothing was. */
    private void view() {
        if (stale) {
            build();
        }
    }

    private void build() {
        if (meta.length < 3 * size) {
            final int n = Math.max(size, 2 * detail.length);
            meta = Arrays.copyOf(meta, 3 * n);
            detail = Arrays.copyOf(detail, n);
            snapshot = Arrays.copyOf(snapshot, n);
        }
        int r = builtRecords;
        for (int e = builtSize; e < size; e++) {
            final int m = 3 * e;
            if (r < records && (int) (rec[STRIDE * r + 3] >>> 32) == e) {
                final int q = STRIDE * r;
                meta[m] = rec[q];
                meta[m + 1] = rec[q + 1];
                meta[m + 2] = rec[q + 2];
                if ((rec[q + 3] & SHARED) != 0) {             // the departure it arrived from, found again
                    snapshot[e] = departureRecord((int) rec[q + 2] - 1, (int) (rec[q + 2] >>> 32));
                } else {
                    snapshot[e] = r;
                }
                r++;
            } else {                                   // the arrival its departure, event e - 1, implies
                final long departed = meta[m - 2];
                meta[m] = meta[m - 3] + topology.latencyNs((int) (departed >>> 32), (int) (departed >>> 16) & 0xffff);
                meta[m + 1] = impliedArrival(departed) | IN_BITS | RECEIVED_BITS;
                meta[m + 2] = (meta[m - 1] & 0xffff_ffff_0000_0000L) | e;     // same packet, parent e - 1
                snapshot[e] = snapshot[e - 1];
            }
            detail[e] = 0;
        }
        builtRecords = r;
        builtSize = size;
        for (int k = builtMarks; k < marks; k++) {
            final int e = (int) (mark[k] >>> 32);
            final int m = 3 * e + 1;
            meta[m] = (meta[m] & ~0x3fffL) | (mark[k] & 0x3fffL);
            detail[e] = markDetail[k];
        }
        builtMarks = marks;
        stale = false;
    }

    /**
     * The view and the snapshot bytes of its records, unpacked from the records only when a header field is first
     * read (finding where a packet was delivered reads none).
     */
    private void headerView() {
        view();
        if (builtHeaders != builtRecords) {
            if (length.length < builtRecords) {
                final int n = Math.max(builtRecords, 2 * length.length);
                length = Arrays.copyOf(length, n);
                headers = Arrays.copyOf(headers, SNAPSHOT * n);
            }
            for (int r = builtHeaders; r < builtRecords; r++) {
                if ((rec[STRIDE * r + 3] & SHARED) == 0) {
                    unpack(r);
                }
            }
            builtHeaders = builtRecords;
        }
    }

    /** Record {@code r}'s length and snapshot bytes into the view; a short frame leaves no earlier bytes behind. */
    private void unpack(final int r) {
        final int h = STRIDE * r + HEAD;
        for (int k = 0; k < SNAPSHOT / 8; k++) {
            LONGS.set(headers, SNAPSHOT * r + 8 * k, rec[h + k]);
        }
        length[r] = (short) (rec[STRIDE * r + 3] >>> 16);
        final int kept = Math.min(length[r], SNAPSHOT);
        if (kept < SNAPSHOT) {
            Arrays.fill(headers, SNAPSHOT * r + kept, SNAPSHOT * (r + 1), (byte) 0);
        }
    }

    /** Forgets every event, keeping the arrays for the next run. */
    public void clear() {
        size = 0;
        records = 0;
        marks = 0;
        lastDeparture = -2;
        stale = false;
        builtSize = 0;
        builtRecords = 0;
        builtMarks = 0;
        builtHeaders = 0;
    }

    /** Events recorded. */
    public int size() {
        return size;
    }

    /** Virtual time of event {@code i}, in nanoseconds from the run's start. */
    public long time(final int i) {
        view();
        return meta[3 * i];
    }

    /** Index of the device (in its topology) where event {@code i} happened. */
    public int device(final int i) {
        view();
        return (int) (meta[3 * i + 1] >>> 32);
    }

    /** Port of that device where event {@code i} happened. */
    public int port(final int i) {
        view();
        return (int) (meta[3 * i + 1] >>> 16) & 0xffff;
    }

    /** IN or OUT. */
    public Direction direction(final int i) {
        view();
        final int d = (int) (meta[3 * i + 1] >>> 14) & 0x3;
        return d == NO_DIRECTION ? null : DIRECTIONS[d];
    }

    /** What the device did at event {@code i} (received, switched, routed, delivered, dropped...). */
    public Action action(final int i) {
        view();
        return ACTIONS[(int) (meta[3 * i + 1] >>> 7) & 0x1f];
    }

    /** Why the frame was dropped at event {@code i}, or null when it was not. */
    public DropReason dropReason(final int i) {
        view();
        final int r = (int) meta[3 * i + 1] & 0x7f;
        return r == 0 ? null : REASONS[r - 1];
    }

    /** The drop reason's detail at event {@code i} (a VID, an MTU, an IPv4 address as an int), 0 when none. */
    public int detail(final int i) {
        view();
        return detail[i];
    }

    /** The id of the packet event {@code i} belongs to (flood copies share it), from 1. */
    public int packet(final int i) {
        view();
        return (int) (meta[3 * i + 2] >>> 32);
    }

    /** The event this frame (or the frame it was copied from) passed just before, or -1. */
    public int parent(final int i) {
        view();
        return (int) meta[3 * i + 2] - 1;
    }

    /** Destination MAC of the frame at event {@code i}, as it was then. */
    public long destinationMac(final int i) {
        headerView();
        return Bytes.mac(headers, base(i));
    }

    /** Source MAC of the frame at event {@code i}, as it was then. */
    public long sourceMac(final int i) {
        headerView();
        return Bytes.mac(headers, base(i) + Ethernet.SOURCE_OFFSET);
    }

    private int base(final int i) {
        return SNAPSHOT * snapshot[i];
    }

    /** Outer VID, or {@link VlanTag#UNTAGGED}. */
    public int vlan(final int i) {
        headerView();
        final int base = base(i);
        return EtherType.isVlanTpid(Bytes.u16(headers, base + Ethernet.TYPE_OFFSET))
                ? Bytes.u16(headers, base + VlanTag.TCI_OFFSET) & VlanTag.VID_MASK : VlanTag.UNTAGGED;
    }

    /** Number of stacked VLAN tags on the frame at event {@code i}. */
    public int tagCount(final int i) {
        headerView();
        return (typeOffset(i) - base(i) - Ethernet.TYPE_OFFSET) / VlanTag.LENGTH;
    }

    /** EtherType after any tags at event {@code i} (0x0800 IPv4, 0x0806 ARP). */
    public int etherType(final int i) {
        headerView();
        return Bytes.u16(headers, typeOffset(i));
    }

    /** IPv4 source (or ARP sender) address at event {@code i}; 0 for other frames. */
    public int sourceIp(final int i) {
        headerView();
        final int l3 = typeOffset(i) + 2;
        return switch (etherType(i)) {
            case EtherType.IPV4 -> hasIpv4(i) ? Ipv4.source(headers, l3) : 0;
            case EtherType.ARP -> hasArp(i) ? Arp.senderIp(headers, l3) : 0;
            default -> 0;
        };
    }

    /** IPv4 destination (or ARP target) address at event {@code i}; 0 for other frames. */
    public int destinationIp(final int i) {
        headerView();
        final int l3 = typeOffset(i) + 2;
        return switch (etherType(i)) {
            case EtherType.IPV4 -> hasIpv4(i) ? Ipv4.destination(headers, l3) : 0;
            case EtherType.ARP -> hasArp(i) ? Arp.targetIp(headers, l3) : 0;
            default -> 0;
        };
    }

    /** IPv4 TTL, or -1 when not IPv4. */
    public int ttl(final int i) {
        headerView();
        return etherType(i) == EtherType.IPV4 && hasIpv4(i) ? Ipv4.ttl(headers, typeOffset(i) + 2) : -1;
    }

    /** Length in bytes (without FCS) of the frame at event {@code i}. */
    public int length(final int i) {
        headerView();
        return length[snapshot[i]];
    }

    private int typeOffset(final int i) {
        final int base = base(i);
        int off = base + Ethernet.TYPE_OFFSET;
        while (off + VlanTag.LENGTH + 2 <= base + SNAPSHOT && EtherType.isVlanTpid(Bytes.u16(headers, off))) {
            off += VlanTag.LENGTH;
        }
        return off;
    }

    private boolean hasIpv4(final int i) {
        return typeOffset(i) + 2 + Ipv4.HEADER_LENGTH <= base(i) + Math.min(length(i), SNAPSHOT);
    }

    private boolean hasArp(final int i) {
        return typeOffset(i) + 2 + Arp.LENGTH <= base(i) + Math.min(length(i), SNAPSHOT);
    }

    private void growMarks() {
        mark = Arrays.copyOf(mark, 2 * marks);
        markDetail = Arrays.copyOf(markDetail, 2 * marks);
    }

    private void grow() {
        rec = Arrays.copyOf(rec, 2 * rec.length);
    }
}

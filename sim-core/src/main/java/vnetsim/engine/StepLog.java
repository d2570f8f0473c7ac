package vnetsim.engine;

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

/**
 * Every frame event of a run in preallocated primitive storage: per event three packed longs and a snapshot of
 * the frame's first {@link #SNAPSHOT} bytes (Ethernet, up to two tags, the IPv4 or ARP header), nothing decoded
 * and no object created while simulating. Header fields are decoded from the snapshot only when read, so a device
 * cannot claim a tag it did not write. A hop costs one snapshot copy: a frame arriving over a link is byte for
 * byte what its sender recorded when it left, so the arrival event shares the departure's snapshot instead of
 * copying it again. Arrays are reused across runs. {@link vnetsim.trace.TraceBuilder} turns a log into people's
 * vocabulary after the run.
 *
 * <pre>
 *  meta[3e]     time (ns)
 *  meta[3e+1]   device (32) | port (16) | direction (2) | action (5) | drop reason + 1 (7)
 *  meta[3e+2]   packet (32) | parent event + 1 (32)
 *  detail[e]    the drop detail (a VID, an MTU, an IPv4 address)
 *  snapshot[e]  the event's snapshot s:  length[s] frame length;  headers[64s .. 64s+63]  the frame's first bytes
 * </pre>
 */
public final class StepLog {
    /** Bytes of each frame kept: 14 Ethernet + 8 for two tags + 28 ARP or 20 IPv4, rounded up. */
    static final int SNAPSHOT = 64;
    private static final int NO_DIRECTION = 2;
    private static final Direction[] DIRECTIONS = Direction.values();
    private static final Action[] ACTIONS = Action.values();
    private static final DropReason[] REASONS = DropReason.values();

    private int size;
    private int snapshots;
    private long[] meta = new long[3 * 256];
    private int[] detail = new int[256];
    private int[] snapshot = new int[256];
    private short[] length = new short[256];
    private byte[] headers = new byte[SNAPSHOT * 256];

    int append(final long t, final int dev, final int p, final Direction dir, final Action a, final Frame f,
               final int packet, final int parent) {
        if (size == detail.length) {
            grow();
        }
        final int i = size++;
        final int m = 3 * i;
        meta[m] = t;
        meta[m + 1] = ((long) dev << 32) | ((long) (p & 0xffff) << 16)
                | ((long) (dir == null ? NO_DIRECTION : dir.ordinal()) << 14) | ((long) a.ordinal() << 7);
        meta[m + 2] = ((long) packet << 32) | ((parent + 1) & 0xffff_ffffL);
        detail[i] = 0;
        if (dir == Direction.IN && parent >= 0 && parent < i && isDeparture(parent) && packet(parent) == packet) {
            snapshot[i] = snapshot[parent];               // arrived over a link: the bytes that left
            return i;
        }
        if (snapshots == length.length) {
            growSnapshots();
        }
        final int s = snapshots++;
        snapshot[i] = s;
        final int len = f.length();
        length[s] = (short) len;
        final int kept = Math.min(len, SNAPSHOT);
        System.arraycopy(f.bytes(), f.start(), headers, SNAPSHOT * s, kept);
        if (kept < SNAPSHOT) {                         // a short frame leaves no earlier event's bytes behind
            Arrays.fill(headers, SNAPSHOT * s + kept, SNAPSHOT * (s + 1), (byte) 0);
        }
        return i;
    }

    void markOutcome(final int event, final Action a, final DropReason r, final int d) {
        final int m = 3 * event + 1;
        meta[m] = (meta[m] & ~0x3fffL) | ((long) a.ordinal() << 7) | (r == null ? 0 : r.ordinal() + 1);
        detail[event] = d;
    }

    /** Forgets every event, keeping the arrays for the next run. */
    public void clear() {
        size = 0;
        snapshots = 0;
    }

    /** Events recorded. */
    public int size() {
        return size;
    }

    /** Virtual time of event {@code i}, in nanoseconds from the run's start. */
    public long time(final int i) {
        return meta[3 * i];
    }

    /** Index of the device (in its topology) where event {@code i} happened. */
    public int device(final int i) {
        return (int) (meta[3 * i + 1] >>> 32);
    }

    /** Port of that device where event {@code i} happened. */
    public int port(final int i) {
        return (int) (meta[3 * i + 1] >>> 16) & 0xffff;
    }

    /** Whether event {@code i} is an OUT event; read from the packed bits (no enum array copied on the frame path). */
    private boolean isDeparture(final int i) {
        return ((int) (meta[3 * i + 1] >>> 14) & 0x3) == Direction.OUT.ordinal();
    }

    /** IN or OUT. */
    public Direction direction(final int i) {
        final int d = (int) (meta[3 * i + 1] >>> 14) & 0x3;
        return d == NO_DIRECTION ? null : DIRECTIONS[d];
    }

    /** What the device did at event {@code i} (received, switched, routed, delivered, dropped...). */
    public Action action(final int i) {
        return ACTIONS[(int) (meta[3 * i + 1] >>> 7) & 0x1f];
    }

    /** Why the frame was dropped at event {@code i}, or null when it was not. */
    public DropReason dropReason(final int i) {
        final int r = (int) meta[3 * i + 1] & 0x7f;
        return r == 0 ? null : REASONS[r - 1];
    }

    /** The drop reason's detail at event {@code i} (a VID, an MTU, an IPv4 address as an int), 0 when none. */
    public int detail(final int i) {
        return detail[i];
    }

    /** The id of the packet event {@code i} belongs to (flood copies share it), from 1. */
    public int packet(final int i) {
        return (int) (meta[3 * i + 2] >>> 32);
    }

    /** The event this frame (or the frame it was copied from) passed just before, or -1. */
    public int parent(final int i) {
        return (int) meta[3 * i + 2] - 1;
    }

    /** Destination MAC of the frame at event {@code i}, as it was then. */
    public long destinationMac(final int i) {
        return Bytes.mac(headers, base(i));
    }

    /** Source MAC of the frame at event {@code i}, as it was then. */
    public long sourceMac(final int i) {
        return Bytes.mac(headers, base(i) + Ethernet.SOURCE_OFFSET);
    }

    private int base(final int i) {
        return SNAPSHOT * snapshot[i];
    }

    /** Outer VID, or {@link VlanTag#UNTAGGED}. */
    public int vlan(final int i) {
        final int base = base(i);
        return EtherType.isVlanTpid(Bytes.u16(headers, base + Ethernet.TYPE_OFFSET))
                ? Bytes.u16(headers, base + VlanTag.TCI_OFFSET) & VlanTag.VID_MASK : VlanTag.UNTAGGED;
    }

    /** Number of stacked VLAN tags on the frame at event {@code i}. */
    public int tagCount(final int i) {
        return (typeOffset(i) - base(i) - Ethernet.TYPE_OFFSET) / VlanTag.LENGTH;
    }

    /** EtherType after any tags at event {@code i} (0x0800 IPv4, 0x0806 ARP). */
    public int etherType(final int i) {
        return Bytes.u16(headers, typeOffset(i));
    }

    /** IPv4 source (or ARP sender) address at event {@code i}; 0 for other frames. */
    public int sourceIp(final int i) {
        final int l3 = typeOffset(i) + 2;
        return switch (etherType(i)) {
            case EtherType.IPV4 -> hasIpv4(i) ? Ipv4.source(headers, l3) : 0;
            case EtherType.ARP -> hasArp(i) ? Arp.senderIp(headers, l3) : 0;
            default -> 0;
        };
    }

    /** IPv4 destination (or ARP target) address at event {@code i}; 0 for other frames. */
    public int destinationIp(final int i) {
        final int l3 = typeOffset(i) + 2;
        return switch (etherType(i)) {
            case EtherType.IPV4 -> hasIpv4(i) ? Ipv4.destination(headers, l3) : 0;
            case EtherType.ARP -> hasArp(i) ? Arp.targetIp(headers, l3) : 0;
            default -> 0;
        };
    }

    /** IPv4 TTL, or -1 when not IPv4. */
    public int ttl(final int i) {
        return etherType(i) == EtherType.IPV4 && hasIpv4(i) ? Ipv4.ttl(headers, typeOffset(i) + 2) : -1;
    }

    /** Length in bytes (without FCS) of the frame at event {@code i}. */
    public int length(final int i) {
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

    private void grow() {
        final int n = detail.length * 2;
        meta = Arrays.copyOf(meta, 3 * n);
        detail = Arrays.copyOf(detail, n);
        snapshot = Arrays.copyOf(snapshot, n);
    }

    private void growSnapshots() {
        final int n = length.length * 2;
        length = Arrays.copyOf(length, n);
        headers = Arrays.copyOf(headers, SNAPSHOT * n);
    }
}

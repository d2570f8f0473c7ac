package vnetsim.engine;

import java.util.Arrays;
import vnetsim.device.DropReason;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4;
import vnetsim.frame.VlanTag;
import vnetsim.trace.Action;
import vnetsim.trace.Direction;

/**
 * Every frame event of a run as parallel primitive arrays: no object per event while simulating, arrays reused
 * across runs. Header fields are read from the frame bytes at the moment of the event, so a device cannot claim
 * a tag it did not write. {@link vnetsim.trace.TraceBuilder} turns a log into people's vocabulary after the run.
 */
public final class StepLog {
    static final byte NO_DIRECTION = 2;

    private int size;
    private long[] time = new long[256];
    private int[] device = new int[256];
    private int[] port = new int[256];
    private byte[] direction = new byte[256];
    private byte[] action = new byte[256];
    private byte[] reason = new byte[256];
    private int[] detail = new int[256];
    private int[] packet = new int[256];
    private int[] parent = new int[256];
    private long[] dstMac = new long[256];
    private long[] srcMac = new long[256];
    private int[] vlan = new int[256];
    private byte[] tags = new byte[256];
    private int[] etherType = new int[256];
    private int[] srcIp = new int[256];
    private int[] dstIp = new int[256];
    private short[] ttl = new short[256];
    private short[] length = new short[256];

    int append(final long t, final int dev, final int p, final Direction dir, final Action a, final Frame f) {
        if (size == time.length) {
            grow();
        }
        final int i = size++;
        time[i] = t;
        device[i] = dev;
        port[i] = p;
        direction[i] = dir == null ? NO_DIRECTION : (byte) dir.ordinal();
        action[i] = (byte) a.ordinal();
        reason[i] = -1;
        detail[i] = 0;
        packet[i] = f.packetId();
        parent[i] = f.lastEvent();
        dstMac[i] = f.destinationMac();
        srcMac[i] = f.sourceMac();
        vlan[i] = f.outerVlanOrUntagged();
        tags[i] = (byte) f.tagCount();
        final int type = f.etherType();
        etherType[i] = type;
        final byte[] b = f.bytes();
        final int l3 = f.l3Offset();
        if (type == EtherType.IPV4 && f.end() - l3 >= Ipv4.HEADER_LENGTH) {
            srcIp[i] = Ipv4.source(b, l3);
            dstIp[i] = Ipv4.destination(b, l3);
            ttl[i] = (short) Ipv4.ttl(b, l3);
        } else if (type == EtherType.ARP && f.end() - l3 >= Arp.LENGTH) {
            srcIp[i] = Arp.senderIp(b, l3);
            dstIp[i] = Arp.targetIp(b, l3);
            ttl[i] = -1;
        } else {
            srcIp[i] = 0;
            dstIp[i] = 0;
            ttl[i] = -1;
        }
        length[i] = (short) f.length();
        return i;
    }

    void markOutcome(final int event, final Action a, final DropReason r, final int d) {
        action[event] = (byte) a.ordinal();
        reason[event] = r == null ? -1 : (byte) r.ordinal();
        detail[event] = d;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public long time(final int i) {
        return time[i];
    }

    public int device(final int i) {
        return device[i];
    }

    public int port(final int i) {
        return port[i];
    }

    /** IN, OUT, or null for an event that is neither (none today; kept for outcomes without a crossing). */
    public Direction direction(final int i) {
        return direction[i] == NO_DIRECTION ? null : Direction.values()[direction[i]];
    }

    public Action action(final int i) {
        return Action.values()[action[i]];
    }

    public DropReason dropReason(final int i) {
        return reason[i] < 0 ? null : DropReason.values()[reason[i]];
    }

    public int detail(final int i) {
        return detail[i];
    }

    public int packet(final int i) {
        return packet[i];
    }

    /** The event this frame (or the frame it was copied from) passed just before, or -1. */
    public int parent(final int i) {
        return parent[i];
    }

    public long destinationMac(final int i) {
        return dstMac[i];
    }

    public long sourceMac(final int i) {
        return srcMac[i];
    }

    /** Outer VID, or {@link VlanTag#UNTAGGED}. */
    public int vlan(final int i) {
        return vlan[i];
    }

    public int tagCount(final int i) {
        return tags[i];
    }

    public int etherType(final int i) {
        return etherType[i];
    }

    public int sourceIp(final int i) {
        return srcIp[i];
    }

    public int destinationIp(final int i) {
        return dstIp[i];
    }

    /** IPv4 TTL, or -1 when not IPv4. */
    public int ttl(final int i) {
        return ttl[i];
    }

    public int length(final int i) {
        return length[i];
    }

    private void grow() {
        final int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        device = Arrays.copyOf(device, n);
        port = Arrays.copyOf(port, n);
        direction = Arrays.copyOf(direction, n);
        action = Arrays.copyOf(action, n);
        reason = Arrays.copyOf(reason, n);
        detail = Arrays.copyOf(detail, n);
        packet = Arrays.copyOf(packet, n);
        parent = Arrays.copyOf(parent, n);
        dstMac = Arrays.copyOf(dstMac, n);
        srcMac = Arrays.copyOf(srcMac, n);
        vlan = Arrays.copyOf(vlan, n);
        tags = Arrays.copyOf(tags, n);
        etherType = Arrays.copyOf(etherType, n);
        srcIp = Arrays.copyOf(srcIp, n);
        dstIp = Arrays.copyOf(dstIp, n);
        ttl = Arrays.copyOf(ttl, n);
        length = Arrays.copyOf(length, n);
    }
}

package vnetsim.device.l3;

import java.util.Arrays;

/**
 * The NAT half of a connection-tracking table, as nf_conntrack keeps it for a masquerading router: one entry per
 * connection, keyed by what the outside sees (protocol, the port on the translated address, the remote address
 * and port; for ICMP echo the identifier and port 0), holding the inside address the connection belongs to.
 * Replies and later packets of a connection find their entry and are translated back; nothing else is.
 *
 * <p>Simplified against nf_conntrack: the translated address keeps the inside port (nf_nat keeps the source port
 * whenever the tuple is unique, which it always is with one VM behind the address), entries never time out within
 * one simulation, and a full table drops new connections as the kernel does ("nf_conntrack: table full, dropping
 * packet"). Fixed arrays, open addressing: no allocation per packet.
 */
public final class Conntrack {
    /** Connections one simulation may open. */
    public static final int CAPACITY = 4096;
    /** What {@link #lookup} returns for a packet of no tracked connection (0.0.0.0 is never an inside address). */
    public static final int NONE = 0;
    private static final int SLOTS = CAPACITY * 2;

    private final long[] keys = new long[SLOTS];
    private final int[] remotePorts = new int[SLOTS];
    private final int[] inside = new int[SLOTS];
    private final boolean[] used = new boolean[SLOTS];
    private int size;

    private static long key(final int protocol, final int localPort, final int remoteIp) {
        return ((long) (protocol & 0xff) << 48) | ((long) (localPort & 0xffff) << 32) | (remoteIp & 0xffffffffL);
    }

    private int slot(final long key, final int remotePort) {
        long h = key * 0x9E3779B97F4A7C15L + remotePort;
        h ^= h >>> 29;
        int i = (int) (h & (SLOTS - 1));
        while (used[i] && (keys[i] != key || remotePorts[i] != remotePort)) {
            i = (i + 1) & (SLOTS - 1);
        }
        return i;
    }

    /** The inside address of the connection, or {@link #NONE}. */
    public int lookup(final int protocol, final int localPort, final int remoteIp, final int remotePort) {
        final int i = slot(key(protocol, localPort, remoteIp), remotePort);
        return used[i] ? inside[i] : NONE;
    }

    /** Records a connection; false when the table is full (the packet must be dropped). */
    public boolean add(final int protocol, final int localPort, final int remoteIp, final int remotePort,
                       final int insideIp) {
        final long k = key(protocol, localPort, remoteIp);
        final int i = slot(k, remotePort);
        if (used[i]) {
            inside[i] = insideIp;
            return true;
        }
        if (size == CAPACITY) {
            return false;
        }
        used[i] = true;
        keys[i] = k;
        remotePorts[i] = remotePort;
        inside[i] = insideIp;
        size++;
        return true;
    }

    /** Connections tracked so far, at most {@link #CAPACITY}. */
    public int size() {
        return size;
    }

    /** Forgets every connection (a cold start). */
    public void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}

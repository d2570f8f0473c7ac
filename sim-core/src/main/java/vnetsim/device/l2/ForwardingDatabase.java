package vnetsim.device.l2;

import java.util.Arrays;

/**
 * A MAC learning table keyed by (VLAN, MAC), like br_fdb.c's fdb_find_rcu(tbl, addr, vid) or an NX-OS MAC
 * address table. Entries age out; a MAC seen on another port moves (station move). No boxing and no object per
 * entry: one open-addressing table (linear probing, load at most 1/2) of two parallel arrays, the key packing the
 * VID above the 48-bit MAC, the value packing the time last seen (ms) above the port. A look-up touches one slot of
 * the key array first; the value array is read at the same index.
 */
public final class ForwardingDatabase {
    /** What a look-up returns for a MAC the table does not hold (or holds no longer): flood. */
    public static final int UNKNOWN = -1;
    /** An empty slot: no (VLAN, MAC) key has its top bits set (a MAC is 48 bits, a VID 12, above it). */
    private static final long EMPTY = -1L;
    private static final int PORT_BITS = 16;
    private static final long PORT_MASK = (1L << PORT_BITS) - 1;
    private static final int MIN_CAPACITY = 8;

    private final long ageingNs;
    /** Per slot: the key ({@link #key}) or {@link #EMPTY}. */
    private long[] keys;
    /** Per slot: time last seen in ms above the port ({@link #PORT_BITS} bits). */
    private long[] values;
    private int mask;
    private int size;

    /** @param ageingNs how long an entry lives without being refreshed (Linux bridge: 300 s) */
    public ForwardingDatabase(final long ageingNs) {
        this.ageingNs = ageingNs;
        allocate(MIN_CAPACITY);
    }

    private void allocate(final int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new long[capacity];
        mask = capacity - 1;
    }

    /**
     * Records that {@code mac} was seen on {@code port} in {@code vlan} now: a new entry, a refresh, or a station move.
     *
     * @param mac 48-bit source MAC
     * @param vlan the VLAN it was seen in, 0-4095
     * @param port the ingress port, 0-65535
     * @param nowNs simulation time in nanoseconds (kept with millisecond precision)
     */
    public void learn(final long mac, final int vlan, final int port, final long nowNs) {
        final long key = key(mac, vlan);
        final long value = ((nowNs / 1_000_000L) << PORT_BITS) | port;
        final long[] k = keys;
        int i = hash(key, mask);
        while (true) {
            final long at = k[i];
            if (at == key) {
                values[i] = value;                        // refresh (and move): the same entry
                return;
            }
            if (at == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        if (2 * (size + 1) > k.length) {                  // load factor at most 1/2
            grow();
            i = hash(key, mask);
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /**
     * The port the MAC was last seen on in this VLAN, or {@link #UNKNOWN} if never seen or aged out.
     *
     * @param vlan the VLAN, 0-4095
     * @param nowNs simulation time in nanoseconds: entries not refreshed for the ageing time are gone
     */
    public int lookup(final long mac, final int vlan, final long nowNs) {
        final long key = key(mac, vlan);
        final long[] k = keys;
        int i = hash(key, mask);
        while (true) {
            final long at = k[i];
            if (at == key) {
                break;
            }
            if (at == EMPTY) {
                return UNKNOWN;
            }
            i = (i + 1) & mask;
        }
        final long value = values[i];
        final long seenMs = value >>> PORT_BITS;
        if (nowNs / 1_000_000L - seenMs >= ageingNs / 1_000_000L) {      // has_expired(): updated + ageing <= now
            return UNKNOWN;
        }
        return (int) (value & PORT_MASK);
    }

    /** How long an entry lives without being refreshed. */
    public long ageingNs() {
        return ageingNs;
    }

    /** How many entries the table holds, aged-out ones included until they are overwritten. */
    public int size() {
        return size;
    }

    /** Forgets every entry (a cold start, {@code clear mac address-table dynamic}); the arrays are kept. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }
    }

    private void grow() {
        final long[] oldKeys = keys;
        final long[] oldValues = values;
        allocate(2 * oldKeys.length);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = hash(oldKeys[j], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int hash(final long key, final int mask) {
        final long h = key * 0x9E3779B97F4A7C15L;          // Fibonacci hashing: the high bits are well mixed
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private static long key(final long mac, final int vlan) {
        return ((long) vlan << 48) | mac;
    }
}

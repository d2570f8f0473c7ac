package vnetsim.device.l2;

import org.agrona.collections.Long2LongHashMap;

/**
 * A MAC learning table keyed by (VLAN, MAC), like br_fdb.c's fdb_find_rcu(tbl, addr, vid) or an NX-OS MAC
 * address table. Entries age out; a MAC seen on another port moves (station move). No boxing: the key packs
 * the VID above the 48-bit MAC, the value packs the time last seen (ms) above the port.
 */
public final class ForwardingDatabase {
    /** What a look-up returns for a MAC the table does not hold (or holds no longer): flood. */
    public static final int UNKNOWN = -1;
    private static final long MISSING = -1L;
    private static final int PORT_BITS = 16;
    private static final long PORT_MASK = (1L << PORT_BITS) - 1;

    private final Long2LongHashMap entries = new Long2LongHashMap(MISSING);
    private final long ageingNs;

    /** @param ageingNs how long an entry lives without being refreshed (Linux bridge: 300 s) */
    public ForwardingDatabase(final long ageingNs) {
        this.ageingNs = ageingNs;
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
        entries.put(key(mac, vlan), ((nowNs / 1_000_000L) << PORT_BITS) | port);
    }

    /**
     * The port the MAC was last seen on in this VLAN, or {@link #UNKNOWN} if never seen or aged out.
     *
     * @param vlan the VLAN, 0-4095
     * @param nowNs simulation time in nanoseconds: entries not refreshed for the ageing time are gone
     */
    public int lookup(final long mac, final int vlan, final long nowNs) {
        final long value = entries.get(key(mac, vlan));
        if (value == MISSING) {
            return UNKNOWN;
        }
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
        return entries.size();
    }

    /** Forgets every entry (a cold start, {@code clear mac address-table dynamic}). */
    public void clear() {
        entries.clear();
    }

    private static long key(final long mac, final int vlan) {
        return ((long) vlan << 48) | mac;
    }
}

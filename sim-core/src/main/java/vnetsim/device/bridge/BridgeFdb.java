package vnetsim.device.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * A Linux bridge's forwarding database (net/bridge/br_fdb.c): entries keyed by (MAC, VLAN) with the kernel's entry
 * types and their rules.
 * <ul>
 *   <li>Learning ({@link #learn}, br_fdb_update()): a new source creates a dynamically learned entry unless
 *       fdb_max_learned is reached; a known one is refreshed and moves to the new port unless it is sticky; a local
 *       entry never moves (the kernel warns "received packet on X with own address as source address").</li>
 *   <li>Ageing (has_expired()): only entries that are neither static (local entries are static) nor extern_learn
 *       expire, ageing_time after their last refresh.</li>
 *   <li>fdb_n_learned counts the dynamically learned entries only; static, user, extern_learn and local entries
 *       are not counted, and turning a learned entry into one of those uncounts it.</li>
 * </ul>
 * Lookups, refreshes, new entries and flushes allocate nothing once the table has grown: the entries are one flat
 * open-addressing table (linear probing, backward-shift deletion) of parallel arrays keyed by (MAC, VLAN) packed
 * into a long, so a cold start refills the same arrays instead of allocating an object per MAC.
 */
public final class BridgeFdb {
    /** The port of an entry that points at the bridge device itself (fdb->dst == NULL: the bridge MAC). */
    public static final int BRIDGE_DEVICE = -2;

    /** An empty slot: no (MAC, VLAN) key has its top bits set (a MAC is 48 bits, a VID 12, above it). */
    private static final long EMPTY = -1L;
    /** Room for two entries (the bridge's own MAC and one more) at load 1/2; a 1,000-node topology has 100,000 bridges. */
    private static final int MIN_CAPACITY = 4;
    private static final long[] NO_KEYS = {};

    /** Per slot: the key ({@link #key}), or {@link #EMPTY}; the others are meaningful for used slots only. */
    private long[] keys;
    private int[] ports;
    private int[] flagBits;
    private long[] updated;
    private int mask;
    private int size;
    /** Entries without the LOCAL flag: a cold start of a bridge that learned nothing scans nothing. */
    private int nonLocal;
    private long ageingNs;
    private int maxLearned;
    private int learned;
    /** The flags of the entry the last {@link #lookup} found (-1: none), so the data path asks without a 2nd hash. */
    private int lastFoundFlags = -1;
    /** Scratch for {@link #removeIf}: keys to remove, made on the first removal, grown once and reused. */
    private long[] doomed = NO_KEYS;

    /**
     * An empty table; nothing is learned until the bridge sees traffic.
     *
     * @param ageingNs ageing_time in nanoseconds: a dynamic entry not refreshed for that long is gone (the kernel
     *   default is 300 s)
     */
    public BridgeFdb(final long ageingNs) {
        this.ageingNs = ageingNs;
        allocate(MIN_CAPACITY);
    }

    private void allocate(final int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        ports = new int[capacity];
        flagBits = new int[capacity];
        updated = new long[capacity];
        mask = capacity - 1;
    }

    private static boolean has(final int flags, final FdbFlag f) {
        return (flags & f.bit()) != 0;
    }

    private static int set(final int flags, final FdbFlag f, final boolean on) {
        return on ? flags | f.bit() : flags & ~f.bit();
    }

    // ---- data path ----------------------------------------------------------------------------------------------

    /**
     * br_fdb_find_rcu(): the live entry's port, or -1 when there is none (or it has aged out); local entries answer
     * with their port too, {@link #isLocal} tells them apart.
     *
     * @param mac 48-bit destination MAC
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public int lookup(final long mac, final int vid, final long nowNs) {
        final int i = live(mac, vid, nowNs);
        if (i < 0) {
            lastFoundFlags = -1;
            return -1;
        }
        lastFoundFlags = flagBits[i];
        return ports[i];
    }

    /** Whether the entry the last {@link #lookup} found is local (for the bridge itself). */
    public boolean lastLookupLocal() {
        return lastFoundFlags != -1 && has(lastFoundFlags, FdbFlag.LOCAL);
    }

    /** Whether the entry the last {@link #lookup} found is a local entry the bridge made itself (not user-added). */
    public boolean lastLookupOwnLocal() {
        return lastLookupLocal() && !has(lastFoundFlags, FdbFlag.ADDED_BY_USER);
    }

    /**
     * Whether the bridge has a live local entry (its own MAC, a port's MAC) for {@code mac} in {@code vid}: a frame for
     * it goes up to the bridge device instead of being forwarded.
     *
     * @param mac 48-bit MAC
     * @param vid the VLAN, 0 for the entry without one
     * @param nowNs simulation time in nanoseconds, to skip expired entries
     */
    public boolean isLocal(final long mac, final int vid, final long nowNs) {
        return has(mac, vid, FdbFlag.LOCAL, nowNs);
    }

    /**
     * A local entry the bridge made itself for an own MAC (not one a user added as permanent).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public boolean isOwnLocal(final long mac, final int vid, final long nowNs) {
        final int i = live(mac, vid, nowNs);
        return i >= 0 && has(flagBits[i], FdbFlag.LOCAL) && !has(flagBits[i], FdbFlag.ADDED_BY_USER);
    }

    /**
     * Whether a live entry exists and carries {@code flag}.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public boolean has(final long mac, final int vid, final FdbFlag flag, final long nowNs) {
        final int i = live(mac, vid, nowNs);
        return i >= 0 && has(flagBits[i], flag);
    }

    /**
     * br_fdb_update(): learns {@code mac} on {@code port}, or refreshes and possibly moves the existing entry.
     *
     * @param mac 48-bit source MAC
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param port the bridge port the frame came in on
     * @param nowNs simulation time in nanoseconds: the entry's refresh time, its age starts from it
     * @param locked create the entry as BR_FDB_LOCKED (MAB on a locked port)
     */
    public void learn(final long mac, final int vid, final int port, final long nowNs, final boolean locked) {
        final int i = live(mac, vid, nowNs);
        if (i < 0) {
            if (maxLearned != 0 && learned >= maxLearned) {
                return;                                       // fdb_create(): "FDB learning limit reached"
            }
            final int flags = FdbFlag.DYNAMIC_LEARNED.bit() | (locked ? FdbFlag.LOCKED.bit() : 0);
            insert(key(mac, vid), port, flags, nowNs);
            learned++;
            return;
        }
        int flags = flagBits[i];
        if (has(flags, FdbFlag.LOCAL)) {
            return;                                           // own address seen as source: never moves
        }
        updated[i] = nowNs;
        if (ports[i] != port && !has(flags, FdbFlag.STICKY)) {
            ports[i] = port;                                  // station move
            flags = set(flags, FdbFlag.EXTERN_LEARN, false);  // a roaming entry is taken over by software
            flags = set(flags, FdbFlag.LOCKED, false);        // roaming to an unlocked port unlocks it
            flagBits[i] = flags;
        }
    }

    /**
     * Learning without MAB.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: the entry's age starts from it
     */
    public void learn(final long mac, final int vid, final int port, final long nowNs) {
        learn(mac, vid, port, nowNs, false);
    }

    // ---- bridge fdb add / replace / del / flush ---------------------------------------------------------------------

    /**
     * The NUD state {@code bridge fdb add} asks for: iproute2 assumes {@code permanent} unless {@code static} or
     * {@code dynamic} is given (fdb_modify()), and the kernel makes a permanent entry local (fdb_add_entry()).
     */
    public enum State {
        /** Never ages, and is local: frames to it go up to the bridge ({@code permanent}, the default). */
        PERMANENT,
        /** Never ages, forwarded to its port ({@code static}). */
        STATIC,
        /** Ages out like a learned entry ({@code dynamic}). */
        DYNAMIC
    }

    /**
     * {@code bridge fdb add MAC dev PORT [vlan VID] master [static|dynamic] [sticky]} (NLM_F_EXCL).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     * @throws IllegalArgumentException "File exists" when the entry is already there, as RTNETLINK answers
     */
    public void add(final long mac, final int vid, final int port, final State state, final boolean sticky,
                    final long nowNs) {
        if (live(mac, vid, nowNs) >= 0) {
            throw new IllegalArgumentException("RTNETLINK answers: File exists");
        }
        replace(mac, vid, port, state, sticky, nowNs);
    }

    /**
     * {@code bridge fdb replace MAC dev PORT ... master [static|dynamic] [sticky]}: creates or overwrites.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     */
    public void replace(final long mac, final int vid, final int port, final State state, final boolean sticky,
                        final long nowNs) {
        final int i = slotFor(mac, vid, port, nowNs);
        int flags = flagBits[i];
        flags = set(flags, FdbFlag.LOCAL, state == State.PERMANENT);
        flags = set(flags, FdbFlag.STATIC, state != State.DYNAMIC);
        flags = set(flags, FdbFlag.STICKY, sticky);
        flags = set(flags, FdbFlag.ADDED_BY_USER, true);
        setFlags(i, set(flags, FdbFlag.LOCKED, false));
    }

    /**
     * {@code bridge fdb replace MAC dev PORT master extern_learn} (br_fdb_external_learn_add()).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     */
    public void externLearn(final long mac, final int vid, final int port, final long nowNs) {
        final int i = slotFor(mac, vid, port, nowNs);
        flagBits[i] = set(set(flagBits[i], FdbFlag.EXTERN_LEARN, true), FdbFlag.LOCKED, false);
    }

    /** The entry for a user operation: the existing one (uncounted, moved to {@code port}) or a new one. */
    private int slotFor(final long mac, final int vid, final int port, final long nowNs) {
        final int i = live(mac, vid, nowNs);
        if (i < 0) {
            return insert(key(mac, vid), port, 0, nowNs);
        }
        uncount(i);
        ports[i] = port;
        updated[i] = nowNs;
        setFlags(i, set(flagBits[i], FdbFlag.LOCAL, false));
        return i;
    }

    /**
     * {@code bridge fdb del MAC dev PORT [vlan VID] master}: the entry must exist and point to that port.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     * @throws IllegalArgumentException "No such file or directory" otherwise, as RTNETLINK answers
     */
    public void delete(final long mac, final int vid, final int port, final long nowNs) {
        final int i = live(mac, vid, nowNs);
        if (i < 0 || ports[i] != port) {
            throw new IllegalArgumentException("RTNETLINK answers: No such file or directory");
        }
        remove(i);
    }

    /** {@code bridge fdb flush dev BR}: every entry but the permanent (local) ones. */
    public void flush() {
        removeIf(Which.NOT_LOCAL, 0, 0, 0);
    }

    /** br_fdb_delete_by_port(): everything pointing to {@code port} (the port left the bridge). */
    public void flushPort(final int port) {
        removeIf(Which.PORT, port, 0, 0);
    }

    /** br_fdb_delete_by_port(br, p, 0, 0): the port went down; static and extern_learn entries stay. */
    public void flushDynamic(final int port) {
        removeIf(Which.PORT_DYNAMIC, port, 0, 0);
    }

    /**
     * br_fdb_delete_by_port(br, p, vid, 0): the VLAN was deleted from the port.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public void flushPortVlan(final int port, final int vid) {
        removeIf(Which.PORT_VLAN_DYNAMIC, port, vid, 0);
    }

    /** Turning MAB off flushes the port's locked entries (br_port_flags_change()). */
    public void flushLocked(final int port) {
        removeIf(Which.PORT_LOCKED, port, 0, 0);
    }

    // ---- local entries (maintained by the bridge) --------------------------------------------------------------------

    /**
     * br_fdb_add_local(): a permanent entry for an own MAC; it replaces whatever non-local entry was there, and the
     * first owner of a MAC keeps it ("it is okay to have multiple ports with same address, just use the first one").
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     */
    public void addLocal(final long mac, final int vid, final int port) {
        final int old = find(key(mac, vid));
        if (old >= 0) {
            if (has(flagBits[old], FdbFlag.LOCAL)) {
                return;
            }
            remove(old);
        }
        insert(key(mac, vid), port, FdbFlag.LOCAL.bit() | FdbFlag.STATIC.bit(), 0);
    }

    /** Removes the bridge's own local entries (it re-adds the current set after a configuration change). */
    public void clearLocal() {
        removeIf(Which.OWN_LOCAL, 0, 0, 0);
    }

    // ---- configuration and listing ---------------------------------------------------------------------------------

    /**
     * {@code ip link set BR type bridge ageing_time} (in ns here).
     *
     * @param ageingNs in nanoseconds
     */
    public void setAgeingNs(final long ageingNs) {
        this.ageingNs = ageingNs;
    }

    /** ageing_time in nanoseconds: how long a dynamic entry lives without being refreshed. */
    public long ageingNs() {
        return ageingNs;
    }

    /**
     * {@code ip link set BR type bridge fdb_max_learned N}; 0 means no limit.
     *
     * @param maxLearned the limit of dynamically learned entries, 0 or more
     */
    public void setMaxLearned(final int maxLearned) {
        this.maxLearned = maxLearned;
    }

    /** fdb_max_learned: the most entries the bridge learns by itself (0: no limit); past it, it learns no more. */
    public int maxLearned() {
        return maxLearned;
    }

    /**
     * fdb_n_learned, as {@code ip -d link show BR} prints it (after expired entries are collected).
     *
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public int learnedCount(final long nowNs) {
        collect(nowNs);
        return learned;
    }

    /**
     * Live entries, as {@code bridge fdb show br BR}: sorted by MAC, then VLAN.
     *
     * @param nowNs simulation time in nanoseconds: expired entries are left out and ages count from it
     */
    public List<FdbEntry> show(final long nowNs) {
        collect(nowNs);
        final List<FdbEntry> rows = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == EMPTY) {
                continue;
            }
            final EnumSet<FdbFlag> flags = EnumSet.noneOf(FdbFlag.class);
            for (final FdbFlag f : FdbFlag.values()) {
                if (has(flagBits[i], f)) {
                    flags.add(f);
                }
            }
            rows.add(new FdbEntry(macOf(keys[i]), vidOf(keys[i]), ports[i], flags, nowNs - updated[i]));
        }
        rows.sort(Comparator.comparingLong(FdbEntry::mac).thenComparingInt(FdbEntry::vid));
        return rows;
    }

    /** Entries other than the bridge's own (local) ones, expired ones included until collected. */
    public int size() {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            n += keys[i] != EMPTY && !has(flagBits[i], FdbFlag.LOCAL) ? 1 : 0;
        }
        return n;
    }

    /** Cold start: learned and user entries go, local entries stay (they belong to the configuration). */
    public void clear() {
        if (nonLocal > 0) {
            removeIf(Which.NOT_LOCAL, 0, 0, 0);
        }
    }

    /** A table with the same settings and the entries that are configuration (local and user-added), nothing learned. */
    public BridgeFdb configurationCopy() {
        final BridgeFdb copy = new BridgeFdb(ageingNs);
        copy.maxLearned = maxLearned;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && (has(flagBits[i], FdbFlag.LOCAL) || has(flagBits[i], FdbFlag.ADDED_BY_USER))) {
                copy.insert(keys[i], ports[i], flagBits[i], updated[i]);
            }
        }
        return copy;
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    /** The slot of the live entry for (MAC, VLAN), or -1; an expired entry found is removed (ageing on access). */
    private int live(final long mac, final int vid, final long nowNs) {
        final int i = find(key(mac, vid));
        if (i >= 0 && expired(i, nowNs)) {
            remove(i);
            return -1;
        }
        return i;
    }

    /** has_expired(): static (and so local) and extern_learn entries never expire. */
    private boolean expired(final int i, final long nowNs) {
        final int flags = flagBits[i];
        return !has(flags, FdbFlag.STATIC) && !has(flags, FdbFlag.EXTERN_LEARN) && updated[i] + ageingNs <= nowNs;
    }

    private void collect(final long nowNs) {
        removeIf(Which.EXPIRED, 0, 0, nowNs);
    }

    /** Which entries a flush removes (an enum, not a lambda: a cold start's flush allocates nothing). */
    private enum Which { NOT_LOCAL, OWN_LOCAL, PORT, PORT_DYNAMIC, PORT_VLAN_DYNAMIC, PORT_LOCKED, EXPIRED }

    private boolean matches(final Which which, final int i, final int port, final int vid, final long nowNs) {
        final int flags = flagBits[i];
        final boolean keeps = has(flags, FdbFlag.STATIC) || has(flags, FdbFlag.EXTERN_LEARN);
        return switch (which) {
            case NOT_LOCAL -> !has(flags, FdbFlag.LOCAL);
            case OWN_LOCAL -> has(flags, FdbFlag.LOCAL) && !has(flags, FdbFlag.ADDED_BY_USER);
            case PORT -> ports[i] == port;
            case PORT_DYNAMIC -> ports[i] == port && !keeps;
            case PORT_VLAN_DYNAMIC -> ports[i] == port && vidOf(keys[i]) == vid && !keeps;
            case PORT_LOCKED -> ports[i] == port && has(flags, FdbFlag.LOCKED);
            case EXPIRED -> expired(i, nowNs);
        };
    }

    /** Collects the matching keys first, then removes them (removal shifts entries between slots). */
    private void removeIf(final Which which, final int port, final int vid, final long nowNs) {
        if (size == 0) {
            return;
        }
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && matches(which, i, port, vid, nowNs)) {
                if (n == doomed.length) {
                    doomed = Arrays.copyOf(doomed, Math.max(MIN_CAPACITY, 2 * n));
                }
                doomed[n++] = keys[i];
            }
        }
        for (int k = 0; k < n; k++) {
            remove(find(doomed[k]));
        }
    }

    private static int hash(final long key, final int mask) {
        final long h = key * 0x9E3779B97F4A7C15L;          // Fibonacci hashing: the high bits are well mixed
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The slot holding {@code key}, or -1. */
    private int find(final long key) {
        final long[] k = keys;
        final int m = mask;
        int i = hash(key, m);
        while (true) {
            final long at = k[i];
            if (at == key) {
                return i;
            }
            if (at == EMPTY) {
                return -1;
            }
            i = (i + 1) & m;
        }
    }

    /** Adds an entry whose key is not in the table; returns its slot. */
    private int insert(final long key, final int port, final int flags, final long updatedNs) {
        if (2 * (size + 1) > keys.length) {               // load factor at most 1/2
            grow();
        }
        int i = hash(key, mask);
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ports[i] = port;
        flagBits[i] = flags;
        updated[i] = updatedNs;
        size++;
        nonLocal += has(flags, FdbFlag.LOCAL) ? 0 : 1;
        return i;
    }

    private void grow() {
        final long[] oldKeys = keys;
        final int[] oldPorts = ports;
        final int[] oldFlags = flagBits;
        final long[] oldUpdated = updated;
        allocate(2 * oldKeys.length);
        size = 0;
        nonLocal = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldPorts[i], oldFlags[i], oldUpdated[i]);
            }
        }
    }

    /** Removes slot {@code i} (backward-shift deletion: no tombstones, probe chains stay short). */
    private void remove(final int slot) {
        uncount(slot);
        nonLocal -= has(flagBits[slot], FdbFlag.LOCAL) ? 0 : 1;
        int hole = slot;
        int i = slot;
        while (true) {
            i = (i + 1) & mask;
            final long key = keys[i];
            if (key == EMPTY) {
                break;
            }
            final int home = hash(key, mask);
            // the entry at i may move into the hole if its home is not in the cyclic range (hole, i]
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = key;
                ports[hole] = ports[i];
                flagBits[hole] = flagBits[i];
                updated[hole] = updated[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    /** Changes an entry's flags, keeping {@link #nonLocal} right. */
    private void setFlags(final int i, final int flags) {
        nonLocal += (has(flagBits[i], FdbFlag.LOCAL) ? 1 : 0) - (has(flags, FdbFlag.LOCAL) ? 1 : 0);
        flagBits[i] = flags;
    }

    private void uncount(final int i) {
        if (has(flagBits[i], FdbFlag.DYNAMIC_LEARNED)) {
            flagBits[i] = set(flagBits[i], FdbFlag.DYNAMIC_LEARNED, false);
            learned--;
        }
    }

    private static long key(final long mac, final int vid) {
        return ((long) vid << 48) | mac;
    }

    private static long macOf(final long key) {
        return key & 0xFFFF_FFFF_FFFFL;
    }

    private static int vidOf(final long key) {
        return (int) (key >>> 48);
    }
}

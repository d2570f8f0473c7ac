package vnetsim.device.bridge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

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
 * Lookups and refreshes of existing entries allocate nothing; a new MAC allocates its entry, as the kernel does.
 */
public final class BridgeFdb {
    /** The port of an entry that points at the bridge device itself (fdb->dst == NULL: the bridge MAC). */
    public static final int BRIDGE_DEVICE = -2;

    /** Fresh iterators per walk (not Agrona's cached one): a topology's table is read by many simulations at once. */
    private final Long2ObjectHashMap<Slot> entries = new Long2ObjectHashMap<>(8, 0.65f, false);
    private long ageingNs;
    private int maxLearned;
    private int learned;
    /** The entry the last {@link #lookup} found (null: none), so the data path asks about it without a second hash. */
    private Slot lastFound;

    /**
     * An empty table; nothing is learned until the bridge sees traffic.
     *
     * @param ageingNs ageing_time in nanoseconds: a dynamic entry not refreshed for that long is gone (the kernel
     *   default is 300 s)
     */
    public BridgeFdb(final long ageingNs) {
        this.ageingNs = ageingNs;
    }

    /** A live entry, mutated in place on refresh and roaming. */
    private static final class Slot {
        final long mac;
        final int vid;
        int port;
        int flags;
        long updatedNs;

        Slot(final long mac, final int vid, final int port, final int flags, final long updatedNs) {
            this.mac = mac;
            this.vid = vid;
            this.port = port;
            this.flags = flags;
            this.updatedNs = updatedNs;
        }

        boolean has(final FdbFlag f) {
            return (flags & f.bit()) != 0;
        }

        void set(final FdbFlag f, final boolean on) {
            flags = on ? flags | f.bit() : flags & ~f.bit();
        }
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
        final Slot s = live(mac, vid, nowNs);
        lastFound = s;
        return s == null ? -1 : s.port;
    }

    /** Whether the entry the last {@link #lookup} found is local (for the bridge itself). */
    public boolean lastLookupLocal() {
        return lastFound != null && lastFound.has(FdbFlag.LOCAL);
    }

    /** Whether the entry the last {@link #lookup} found is a local entry the bridge made itself (not user-added). */
    public boolean lastLookupOwnLocal() {
        return lastLookupLocal() && !lastFound.has(FdbFlag.ADDED_BY_USER);
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
        final Slot s = live(mac, vid, nowNs);
        return s != null && s.has(FdbFlag.LOCAL);
    }

    /**
     * A local entry the bridge made itself for an own MAC (not one a user added as permanent).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public boolean isOwnLocal(final long mac, final int vid, final long nowNs) {
        final Slot s = live(mac, vid, nowNs);
        return s != null && s.has(FdbFlag.LOCAL) && !s.has(FdbFlag.ADDED_BY_USER);
    }

    /**
     * Whether a live entry exists and carries {@code flag}.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: entries older than ageing_time count as gone
     */
    public boolean has(final long mac, final int vid, final FdbFlag flag, final long nowNs) {
        final Slot s = live(mac, vid, nowNs);
        return s != null && s.has(flag);
    }

    /**
     * br_fdb_update(): learns {@code mac} on {@code port}, or refreshes and possibly moves the existing entry.
     * @param locked create the entry as BR_FDB_LOCKED (MAB on a locked port)
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds: the entry's age starts from it
     */
    public void learn(final long mac, final int vid, final int port, final long nowNs, final boolean locked) {
        final Slot s = live(mac, vid, nowNs);
        if (s == null) {
            if (maxLearned != 0 && learned >= maxLearned) {
                return;                                       // fdb_create(): "FDB learning limit reached"
            }
            final int flags = FdbFlag.DYNAMIC_LEARNED.bit() | (locked ? FdbFlag.LOCKED.bit() : 0);
            entries.put(key(mac, vid), new Slot(mac, vid, port, flags, nowNs));
            learned++;
            return;
        }
        if (s.has(FdbFlag.LOCAL)) {
            return;                                           // own address seen as source: never moves
        }
        s.updatedNs = nowNs;
        if (s.port != port && !s.has(FdbFlag.STICKY)) {
            s.port = port;                                    // station move
            s.set(FdbFlag.EXTERN_LEARN, false);               // a roaming entry is taken over by software
            s.set(FdbFlag.LOCKED, false);                     // roaming to an unlocked port unlocks it
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
    public enum State { PERMANENT, STATIC, DYNAMIC }

    /**
     * {@code bridge fdb add MAC dev PORT [vlan VID] master [static|dynamic] [sticky]} (NLM_F_EXCL).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     * @throws IllegalArgumentException "File exists" when the entry is already there, as RTNETLINK answers
     */
    public void add(final long mac, final int vid, final int port, final State state, final boolean sticky,
                    final long nowNs) {
        if (live(mac, vid, nowNs) != null) {
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
        final Slot s = slotFor(mac, vid, port, nowNs);
        s.set(FdbFlag.LOCAL, state == State.PERMANENT);
        s.set(FdbFlag.STATIC, state != State.DYNAMIC);
        s.set(FdbFlag.STICKY, sticky);
        s.set(FdbFlag.ADDED_BY_USER, true);
        s.set(FdbFlag.LOCKED, false);
    }

    /**
     * {@code bridge fdb replace MAC dev PORT master extern_learn} (br_fdb_external_learn_add()).
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     */
    public void externLearn(final long mac, final int vid, final int port, final long nowNs) {
        final Slot s = slotFor(mac, vid, port, nowNs);
        s.set(FdbFlag.EXTERN_LEARN, true);
        s.set(FdbFlag.LOCKED, false);
    }

    /** The entry for a user operation: the existing one (uncounted, moved to {@code port}) or a new one. */
    private Slot slotFor(final long mac, final int vid, final int port, final long nowNs) {
        Slot s = live(mac, vid, nowNs);
        if (s == null) {
            s = new Slot(mac, vid, port, 0, nowNs);
            entries.put(key(mac, vid), s);
        } else {
            uncount(s);
            s.port = port;
            s.updatedNs = nowNs;
            s.set(FdbFlag.LOCAL, false);
        }
        return s;
    }

    /**
     * {@code bridge fdb del MAC dev PORT [vlan VID] master}: the entry must exist and point to that port.
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     * @param nowNs simulation time in nanoseconds
     * @throws IllegalArgumentException "No such file or directory" otherwise, as RTNETLINK answers
     */
    public void delete(final long mac, final int vid, final int port, final long nowNs) {
        final Slot s = live(mac, vid, nowNs);
        if (s == null || s.port != port) {
            throw new IllegalArgumentException("RTNETLINK answers: No such file or directory");
        }
        remove(s);
    }

    /** {@code bridge fdb flush dev BR}: every entry but the permanent (local) ones. */
    public void flush() {
        removeIf(s -> !s.has(FdbFlag.LOCAL));
    }

    /** br_fdb_delete_by_port(): everything pointing to {@code port} (the port left the bridge). */
    public void flushPort(final int port) {
        removeIf(s -> s.port == port);
    }

    /** br_fdb_delete_by_port(br, p, 0, 0): the port went down; static and extern_learn entries stay. */
    public void flushDynamic(final int port) {
        removeIf(s -> s.port == port && !s.has(FdbFlag.STATIC) && !s.has(FdbFlag.EXTERN_LEARN));
    }

    /**
     * br_fdb_delete_by_port(br, p, vid, 0): the VLAN was deleted from the port.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public void flushPortVlan(final int port, final int vid) {
        removeIf(s -> s.port == port && s.vid == vid && !s.has(FdbFlag.STATIC) && !s.has(FdbFlag.EXTERN_LEARN));
    }

    /** Turning MAB off flushes the port's locked entries (br_port_flags_change()). */
    public void flushLocked(final int port) {
        removeIf(s -> s.port == port && s.has(FdbFlag.LOCKED));
    }

    // ---- local entries (maintained by the bridge) --------------------------------------------------------------------

    /**
     * br_fdb_add_local(): a permanent entry for an own MAC; it replaces whatever non-local entry was there, and the
     * first owner of a MAC keeps it ("it is okay to have multiple ports with same address, just use the first one").
     *
     * @param vid the VLAN ID, 1-4094, or 0 for the entry without a VLAN
     */
    public void addLocal(final long mac, final int vid, final int port) {
        final Slot old = entries.get(key(mac, vid));
        if (old != null) {
            if (old.has(FdbFlag.LOCAL)) {
                return;
            }
            remove(old);
        }
        entries.put(key(mac, vid), new Slot(mac, vid, port, FdbFlag.LOCAL.bit() | FdbFlag.STATIC.bit(), 0));
    }

    /** Removes the bridge's own local entries (it re-adds the current set after a configuration change). */
    public void clearLocal() {
        removeIf(s -> s.has(FdbFlag.LOCAL) && !s.has(FdbFlag.ADDED_BY_USER));
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

    /** {@code ip link set BR type bridge fdb_max_learned N}; 0 means no limit. */
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
        final List<FdbEntry> rows = new ArrayList<>(entries.size());
        for (final Slot s : entries.values()) {
            final EnumSet<FdbFlag> flags = EnumSet.noneOf(FdbFlag.class);
            for (final FdbFlag f : FdbFlag.values()) {
                if (s.has(f)) {
                    flags.add(f);
                }
            }
            rows.add(new FdbEntry(s.mac, s.vid, s.port, flags, nowNs - s.updatedNs));
        }
        rows.sort(Comparator.comparingLong(FdbEntry::mac).thenComparingInt(FdbEntry::vid));
        return rows;
    }

    /** Entries other than the bridge's own (local) ones, expired ones included until collected. */
    public int size() {
        int n = 0;
        for (final Slot s : entries.values()) {
            n += s.has(FdbFlag.LOCAL) ? 0 : 1;
        }
        return n;
    }

    /** Cold start: learned and user entries go, local entries stay (they belong to the configuration). */
    public void clear() {
        removeIf(s -> !s.has(FdbFlag.LOCAL));
    }

    /** A table with the same settings and the entries that are configuration (local and user-added), nothing learned. */
    public BridgeFdb configurationCopy() {
        final BridgeFdb copy = new BridgeFdb(ageingNs);
        copy.maxLearned = maxLearned;
        for (final Slot s : entries.values()) {
            if (s.has(FdbFlag.LOCAL) || s.has(FdbFlag.ADDED_BY_USER)) {
                copy.entries.put(key(s.mac, s.vid), new Slot(s.mac, s.vid, s.port, s.flags, s.updatedNs));
            }
        }
        return copy;
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private Slot live(final long mac, final int vid, final long nowNs) {
        final Slot s = entries.get(key(mac, vid));
        if (s != null && expired(s, nowNs)) {
            remove(s);
            return null;
        }
        return s;
    }

    /** has_expired(): static (and so local) and extern_learn entries never expire. */
    private boolean expired(final Slot s, final long nowNs) {
        return !s.has(FdbFlag.STATIC) && !s.has(FdbFlag.EXTERN_LEARN) && s.updatedNs + ageingNs <= nowNs;
    }

    private void collect(final long nowNs) {
        removeIf(s -> expired(s, nowNs));
    }

    private void removeIf(final java.util.function.Predicate<Slot> which) {
        final List<Slot> doomed = new ArrayList<>();
        for (final Slot s : entries.values()) {
            if (which.test(s)) {
                doomed.add(s);
            }
        }
        doomed.forEach(this::remove);
    }

    private void remove(final Slot s) {
        entries.remove(key(s.mac, s.vid));
        uncount(s);
    }

    private void uncount(final Slot s) {
        if (s.has(FdbFlag.DYNAMIC_LEARNED)) {
            s.set(FdbFlag.DYNAMIC_LEARNED, false);
            learned--;
        }
    }

    private static long key(final long mac, final int vid) {
        return ((long) vid << 48) | mac;
    }
}

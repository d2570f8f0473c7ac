package vnetsim.device.l3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.collections.Long2LongHashMap;
import vnetsim.frame.Frame;

/**
 * An IPv4 neighbour table (ARP cache) with the pending queue Linux keeps while an entry is INCOMPLETE: packets
 * wait, the stack probes {@link #MAX_PROBES} times {@link #PROBE_INTERVAL_NS} apart, then gives up and drops
 * them ({@code src/docs/forwarding-rules.md} section 5). The cache is a primitive map; the pending queue is only
 * touched when a neighbour is unknown, never in steady state.
 */
public final class Neighbors {
    /** What {@link #lookup} returns for an address with no entry (no MAC is all ones in 64 bits). */
    public static final long UNKNOWN = -1L;
    /** ARP requests sent for one address before giving up (Linux mcast_solicit, 3). */
    public static final int MAX_PROBES = 3;
    /** Time between two ARP requests for one address, in nanoseconds (Linux retrans_time_ms, 1 s). */
    public static final long PROBE_INTERVAL_NS = 1_000_000_000L;

    private final Long2LongHashMap cache = new Long2LongHashMap(UNKNOWN);
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();

    /** The MAC for this IPv4 address, or {@link #UNKNOWN}. */
    public long lookup(final int ip) {
        return cache.get(ip & 0xffffffffL);
    }

    /**
     * Records (or replaces) the MAC of {@code ip}: an ARP packet's sender, or {@code ip neigh add}.
     *
     * @param ip an IPv4 address
     * @param mac its 48-bit MAC
     */
    public void learn(final int ip, final long mac) {
        cache.put(ip & 0xffffffffL, mac);
    }

    /**
     * Queues a packet until {@code ip} resolves.
     * @return true when this is the first packet waiting for that address: the caller sends the first probe
     */
    public boolean enqueue(final int ip, final Frame frame) {
        final Pending p = pending.computeIfAbsent(ip, k -> new Pending());
        p.frames.add(frame);
        return p.frames.size() == 1;
    }

    /** Counts a probe sent; false when {@link #MAX_PROBES} were already sent (give up). */
    public boolean countProbe(final int ip) {
        final Pending p = pending.get(ip);
        if (p == null) {
            return false;
        }
        return ++p.probes <= MAX_PROBES;
    }

    /** Whether packets wait for {@code ip}; without boxing ip when nothing waits at all (the common case). */
    public boolean isPending(final int ip) {
        return !pending.isEmpty() && pending.containsKey(ip);
    }

    /** Removes and returns the packets that waited for {@code ip} (resolved or given up), in arrival order. */
    public List<Frame> release(final int ip) {
        if (pending.isEmpty()) {
            return List.of();                 // the common case, without boxing ip for the map
        }
        final Pending p = pending.remove(ip);
        return p == null ? List.of() : p.frames;
    }

    /** How many addresses have a MAC in the cache (pending ones not counted). */
    public int size() {
        return cache.size();
    }

    /**
     * Forgets every entry and every waiting packet ({@code ip neigh flush all}, a cold start); waiting packets are not
     * dropped, just forgotten.
     */
    public void clear() {
        cache.clear();
        pending.clear();
    }

    private static final class Pending {
        final List<Frame> frames = new ArrayList<>(2);
        int probes;
    }
}

package vnetsim.device.l2;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.Arrays;

/**
 * An immutable set of VLAN IDs (0-4095). The data-path view is a bitmap (one shift and mask) only as long as the
 * highest VID needs; the readable model (a Guava {@link RangeSet}, printed "2003-2005") is rebuilt from it on the
 * configuration paths that need it. Instances are canonical: equal sets built anywhere are one object (a 1,000-node
 * topology has hundreds of thousands of ports but a handful of distinct VLAN sets), held weakly so nothing is kept
 * alive by the canonicalising table.
 */
public final class VlanSet {
    /** Equal sets are one instance; weak, so a set no port uses any more can go. */
    private static final Interner<VlanSet> CANONICAL = Interners.newWeakInterner();

    public static final VlanSet NONE = canonical(ImmutableRangeSet.of());
    /** Every assignable VLAN (1-4094): an NX-OS trunk's default allowed list. */
    public static final VlanSet ALL = canonical(ImmutableRangeSet.of(Range.closed(1, 4094)));

    /** Bit {@code v & 63} of word {@code v >>> 6} is VID v; no trailing zero words (so equal sets, equal arrays). */
    private final long[] bits;

    private VlanSet(final long[] bits) {
        this.bits = bits;
    }

    private static VlanSet canonical(final RangeSet<Integer> ranges) {
        final long[] words = new long[64];
        for (final Range<Integer> r : ranges.asRanges()) {
            final int lo = r.lowerBoundType() == BoundType.CLOSED ? r.lowerEndpoint() : r.lowerEndpoint() + 1;
            final int hi = r.upperBoundType() == BoundType.CLOSED ? r.upperEndpoint() : r.upperEndpoint() - 1;
            setBits(words, lo, hi);
        }
        return canonical(words);
    }

    private static void setBits(final long[] words, final int lo, final int hi) {
        for (int v = lo; v <= hi; v++) {
            words[v >>> 6] |= 1L << (v & 63);
        }
    }

    /** The shared instance for this bitmap ({@code words} may have trailing zero words; it is not kept). */
    private static VlanSet canonical(final long[] words) {
        int used = words.length;
        while (used > 0 && words[used - 1] == 0) {
            used--;
        }
        return CANONICAL.intern(new VlanSet(Arrays.copyOf(words, used)));
    }

    /** The readable model, rebuilt from the bitmap (configuration paths only: allocates). */
    private RangeSet<Integer> ranges() {
        final TreeRangeSet<Integer> set = TreeRangeSet.create();
        int v = 0;
        final int end = bits.length * 64;
        while (v < end) {
            if (!contains(v)) {
                v++;
                continue;
            }
            final int lo = v;
            while (v < end && contains(v)) {
                v++;
            }
            set.add(Range.closed(lo, v - 1));
        }
        return set;
    }

    /**
     * The set of the given VIDs.
     *
     * @param vids each 1-4094
     * @throws IllegalArgumentException naming the VID when one is outside 1-4094
     */
    public static VlanSet of(final int... vids) {
        int max = 0;
        for (final int v : vids) {
            checkVid(v, String.valueOf(v));
            max = Math.max(max, v);
        }
        final long[] words = new long[(max >>> 6) + 1];     // no range set: topology builds call this per port
        for (final int v : vids) {
            words[v >>> 6] |= 1L << (v & 63);
        }
        return canonical(words);
    }

    /**
     * The VIDs {@code lo} to {@code hi}, both included.
     *
     * @param lo the first VID, 1-4094
     * @param hi the last VID, 1-4094, not below {@code lo}
     * @throws IllegalArgumentException when a bound is outside 1-4094 or the range is reversed
     */
    public static VlanSet range(final int lo, final int hi) {
        checkVid(lo, lo + "-" + hi);
        checkVid(hi, lo + "-" + hi);
        if (lo > hi) {
            throw new IllegalArgumentException("VLAN range '" + lo + "-" + hi + "' is reversed");
        }
        final long[] words = new long[(hi >>> 6) + 1];
        setBits(words, lo, hi);
        return canonical(words);
    }

    /** Parses NX-OS list syntax: "2003-2005", "10,20,30-40", "none", "all". */
    public static VlanSet parse(final String text) {
        final String t = text.trim();
        if (t.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        final TreeRangeSet<Integer> set = TreeRangeSet.create();
        for (final String part : t.split(",")) {
            final String p = part.trim();
            final String[] ends = p.split("-", -1);
            try {
                if (ends.length == 1) {
                    final int v = Integer.parseInt(ends[0].trim());
                    checkVid(v, p);
                    set.add(Range.closed(v, v));
                } else if (ends.length == 2) {
                    final int lo = Integer.parseInt(ends[0].trim());
                    final int hi = Integer.parseInt(ends[1].trim());
                    checkVid(lo, p);
                    checkVid(hi, p);
                    if (lo > hi) {
                        throw new IllegalArgumentException("VLAN range '" + p + "' is reversed");
                    }
                    set.add(Range.closed(lo, hi));
                } else {
                    throw new IllegalArgumentException("'" + p + "' is not a VLAN ID or range");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a VLAN ID (1-4094)", e);
            }
        }
        return canonical(set);
    }

    private static void checkVid(final int v, final String text) {
        if (v < 1 || v > 4094) {
            throw new IllegalArgumentException("'" + text + "' is not a VLAN ID (1-4094)");
        }
    }

    /**
     * Whether {@code vid} is in the set; any int may be asked (outside 0-4095: false). One shift and mask, for the data
     * path.
     *
     * @param vid any int
     */
    public boolean contains(final int vid) {
        final int word = vid >>> 6; // a negative vid gives a word far beyond the array
        return word < bits.length && (bits[word] & (1L << (vid & 63))) != 0;
    }

    /** The union of this set and {@code other} (configuration paths only: allocates). */
    public VlanSet plus(final VlanSet other) {
        final RangeSet<Integer> set = ranges();
        set.addAll(other.ranges());
        return canonical(set);
    }

    /** This set without the VIDs of {@code other} (configuration paths only: allocates). */
    public VlanSet minus(final VlanSet other) {
        final RangeSet<Integer> set = ranges();
        set.removeAll(other.ranges());
        return canonical(set);
    }

    /** The VIDs in ascending order (configuration paths only: allocates). */
    public int[] toArray() {
        int n = 0;
        for (final long word : bits) {
            n += Long.bitCount(word);
        }
        final int[] out = new int[n];
        int i = 0;
        for (int v = 0; v < bits.length * 64; v++) {
            if (contains(v)) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** Whether the set holds no VID. */
    public boolean isEmpty() {
        return bits.length == 0;
    }

    /** NX-OS style: "2003-2005", "10,20", "none". */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "none";
        }
        final StringBuilder sb = new StringBuilder();
        for (final Range<Integer> r : ranges().asRanges()) {
            final int lo = r.lowerBoundType() == BoundType.CLOSED ? r.lowerEndpoint() : r.lowerEndpoint() + 1;
            final int hi = r.upperBoundType() == BoundType.CLOSED ? r.upperEndpoint() : r.upperEndpoint() - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(lo);
            if (hi > lo) {
                sb.append('-').append(hi);
            }
        }
        return sb.toString();
    }

    /** Equal when they hold the same VIDs, however the ranges were written ([10..10] and [10..11) alike). */
    @Override
    public boolean equals(final Object o) {
        return o instanceof VlanSet other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }
}

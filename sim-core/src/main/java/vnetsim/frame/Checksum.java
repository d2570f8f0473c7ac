package vnetsim.frame;

/** The Internet checksum (RFC 1071) and its incremental update (RFC 1624). */
public final class Checksum {
    private Checksum() {
    }

    /**
     * One's-complement sum folded to 16 bits, not inverted. Adds 32-bit words into a 64-bit accumulator and folds
     * once at the end (RFC 1071 section 2: the sum is independent of word size and byte order of the adds), half
     * the loads of a 16-bit loop.
     */
    public static int sum(final byte[] b, final int off, final int len) {
        long sum = 0;
        int i = off;
        final int words = off + (len & ~3);
        while (i < words) {
            sum += Bytes.i32(b, i) & 0xffff_ffffL;
            i += 4;
        }
        if ((len & 2) != 0) {
            sum += Bytes.u16(b, i);
            i += 2;
        }
        if ((len & 1) != 0) {
            sum += (b[i] & 0xff) << 8;
        }
        return fold(sum);
    }

    /**
     * Folds a sum of 16-bit words (any number of them, as long as the sum does not overflow) to 16 bits with
     * end-around carry, as {@link #sum} does at its end: 0 only when {@code sum} is 0, else 1-0xffff.
     *
     * @param sum a non-negative sum of 16-bit words
     * @return the folded one's-complement sum, 0-0xffff, not inverted
     */
    public static int fold(final long sum) {
        long s = (sum & 0xffff_ffffL) + (sum >>> 32);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return (int) ((s & 0xffff) + (s >>> 16));
    }

    /** The checksum to store: the inverted one's-complement sum. */
    public static int compute(final byte[] b, final int off, final int len) {
        return ~sum(b, off, len) & 0xffff;
    }

    /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), for one 16-bit word changing from m to m'. */
    public static int update(final int checksum, final int oldWord, final int newWord) {
        int sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }
}

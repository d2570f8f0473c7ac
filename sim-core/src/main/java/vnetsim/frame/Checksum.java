package vnetsim.frame;

/** The Internet checksum (RFC 1071) and its incremental update (RFC 1624). */
public final class Checksum {
    private Checksum() {
    }

    /** One's-complement sum folded to 16 bits, not inverted. */
    public static int sum(final byte[] b, final int off, final int len) {
        long sum = 0;
        int i = off;
        final int stop = off + (len & ~1);
        while (i < stop) {
            sum += Bytes.u16(b, i);
            i += 2;
        }
        if ((len & 1) != 0) {
            sum += (b[stop] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
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

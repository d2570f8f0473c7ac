package vnetsim.frame;

/**
 * UDP header (RFC 768).
 * <pre>
 *  0            2                 4          6            8
 *  | source port | destination port | length | checksum   | data ...
 * </pre>
 */
public final class Udp {
    /** UDP header length. */
    public static final int HEADER_LENGTH = 8;

    private Udp() {
    }

    /** The source port of the UDP header at offset {@code udp}. */
    public static int sourcePort(final byte[] b, final int udp) {
        return Bytes.u16(b, udp);
    }

    /** The destination port of the UDP header at offset {@code udp}. */
    public static int destinationPort(final byte[] b, final int udp) {
        return Bytes.u16(b, udp + 2);
    }
}

package vnetsim.frame;

/**
 * UDP header (RFC 768).
 * <pre>
 *  0            2                 4          6            8
 *  | source port | destination port | length | checksum   | data ...
 * </pre>
 */
public final class Udp {
    public static final int HEADER_LENGTH = 8;

    private Udp() {
    }

    public static int sourcePort(final byte[] b, final int udp) {
        return Bytes.u16(b, udp);
    }

    public static int destinationPort(final byte[] b, final int udp) {
        return Bytes.u16(b, udp + 2);
    }
}

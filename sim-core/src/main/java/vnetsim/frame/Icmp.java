package vnetsim.frame;

/**
 * ICMP (RFC 792); {@code icmp} is the message offset (after the IPv4 header).
 * <pre>
 *  0      1      2          4                    8
 *  | type | code | checksum | identifier/unused  | sequence/next-hop MTU | data ...
 * </pre>
 */
public final class Icmp {
    /** ICMP header length: type, code, checksum and four bytes of rest-of-header. */
    public static final int HEADER_LENGTH = 8;
    /** ICMP type: echo reply. */
    public static final int ECHO_REPLY = 0;
    /** ICMP type: destination unreachable. */
    public static final int DESTINATION_UNREACHABLE = 3;
    /** ICMP type: echo request. */
    public static final int ECHO_REQUEST = 8;
    /** ICMP type: time exceeded. */
    public static final int TIME_EXCEEDED = 11;
    /** Destination unreachable code: host unreachable. */
    public static final int CODE_HOST_UNREACHABLE = 1;
    /** Destination unreachable code: port unreachable. */
    public static final int CODE_PORT_UNREACHABLE = 3;
    /** Destination unreachable code: fragmentation needed and DF set (RFC 1191). */
    public static final int CODE_FRAGMENTATION_NEEDED = 4;

    private Icmp() {
    }

    /** The ICMP type of the message at offset {@code icmp}. */
    public static int type(final byte[] b, final int icmp) {
        return b[icmp] & 0xff;
    }

    /** The ICMP code of the message at offset {@code icmp}. */
    public static int code(final byte[] b, final int icmp) {
        return b[icmp + 1] & 0xff;
    }

    /** The echo identifier of the message at offset {@code icmp}. */
    public static int identifier(final byte[] b, final int icmp) {
        return Bytes.u16(b, icmp + 4);
    }

    /** The echo sequence number of the message at offset {@code icmp}. */
    public static int sequence(final byte[] b, final int icmp) {
        return Bytes.u16(b, icmp + 6);
    }

    /** True when this ICMP type is an error (never answered with another error, RFC 1122 3.2.2). */
    public static boolean isError(final int type) {
        return type == DESTINATION_UNREACHABLE || type == TIME_EXCEEDED || type == 4 || type == 5 || type == 12;
    }
}

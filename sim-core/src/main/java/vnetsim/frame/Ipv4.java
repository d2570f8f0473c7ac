package vnetsim.frame;

/**
 * IPv4 header (RFC 791) read and written in place; {@code ip} is the header's offset in the frame bytes
 * ({@link Frame#l3Offset()}).
 * <pre>
 *  0       4       8               16      19              31
 *  |version| IHL   |  DSCP/ECN     |         total length  |
 *  |        identification         |flags|  fragment offset|
 *  |   TTL         |  protocol     |     header checksum   |
 *  |                     source address                    |
 *  |                   destination address                 |
 * </pre>
 */
public final class Ipv4 {
    /** Length in bytes of a header without options (IHL 5). */
    public static final int HEADER_LENGTH = 20;
    /** Protocol number of ICMP (IANA). */
    public static final int PROTOCOL_ICMP = 1;
    /** Protocol number of TCP (IANA). */
    public static final int PROTOCOL_TCP = 6;
    /** Protocol number of UDP (IANA). */
    public static final int PROTOCOL_UDP = 17;
    /** The TTL Linux sends with (net.ipv4.ip_default_ttl). */
    public static final int DEFAULT_TTL = 64;
    static final int TOTAL_LENGTH_OFFSET = 2;
    static final int FLAGS_OFFSET = 6;
    static final int TTL_OFFSET = 8;
    static final int PROTOCOL_OFFSET = 9;
    static final int CHECKSUM_OFFSET = 10;
    static final int SOURCE_OFFSET = 12;
    static final int DESTINATION_OFFSET = 16;
    /** Don't Fragment flag in the flags/fragment word. */
    public static final int FLAG_DF = 0x4000;

    private Ipv4() {
    }

    /**
     * The header length in bytes: IHL times 4, 20-60 in a valid header.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the header length in bytes
     */
    public static int headerLength(final byte[] b, final int ip) {
        return (b[ip] & 0x0f) * 4;
    }

    /**
     * The total length field: header and payload in bytes, excluding link-layer padding.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the total length in bytes, 0-65535
     */
    public static int totalLength(final byte[] b, final int ip) {
        return Bytes.u16(b, ip + TOTAL_LENGTH_OFFSET);
    }

    /**
     * The time-to-live field.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the TTL, 0-255
     */
    public static int ttl(final byte[] b, final int ip) {
        return b[ip + TTL_OFFSET] & 0xff;
    }

    /**
     * The protocol field (ICMP 1, TCP 6, UDP 17).
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the protocol number, 0-255
     */
    public static int protocol(final byte[] b, final int ip) {
        return b[ip + PROTOCOL_OFFSET] & 0xff;
    }

    /**
     * The source address.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the source address as an int (first octet in the high byte)
     */
    public static int source(final byte[] b, final int ip) {
        return Bytes.i32(b, ip + SOURCE_OFFSET);
    }

    /**
     * The destination address.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the destination address as an int (first octet in the high byte)
     */
    public static int destination(final byte[] b, final int ip) {
        return Bytes.i32(b, ip + DESTINATION_OFFSET);
    }

    /**
     * The header checksum field as stored.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return the checksum, 0-65535
     */
    public static int checksum(final byte[] b, final int ip) {
        return Bytes.u16(b, ip + CHECKSUM_OFFSET);
    }

    /**
     * Whether the Don't Fragment flag is set.
     *
     * @param b  the frame bytes
     * @param ip the IPv4 header's offset in them
     * @return true when DF is set
     */
    public static boolean dontFragment(final byte[] b, final int ip) {
        return (Bytes.u16(b, ip + FLAGS_OFFSET) & FLAG_DF) != 0;
    }

    /**
     * Version 4, IHL at least 5, a header checksum that verifies, and a total length that holds the header and
     * fits in the {@code available} bytes the link layer delivered (RFC 1812 5.2.2; ip_rcv_core() drops a packet
     * whose total length is below its header length or above the frame's; bytes past it are Ethernet padding).
     */
    public static boolean isValidHeader(final byte[] b, final int ip, final int available) {
        if (available < HEADER_LENGTH || (b[ip] & 0xf0) != 0x40) {
            return false;
        }
        final int ihl = headerLength(b, ip);
        final int total = totalLength(b, ip);
        return ihl >= HEADER_LENGTH && ihl <= available && total >= ihl && total <= available
                && Checksum.sum(b, ip, ihl) == 0xffff;
    }

    /** Bytes after the header, as the total length says (valid once {@link #isValidHeader} holds). */
    public static int payloadLength(final byte[] b, final int ip) {
        return totalLength(b, ip) - headerLength(b, ip);
    }

    /** TTL minus one with the header checksum patched incrementally, as ip_decrease_ttl() does. */
    public static void decrementTtl(final byte[] b, final int ip) {
        final int oldWord = Bytes.u16(b, ip + TTL_OFFSET);
        final int newWord = oldWord - 0x0100;
        Bytes.u16(b, ip + TTL_OFFSET, newWord);
        Bytes.u16(b, ip + CHECKSUM_OFFSET, Checksum.update(checksum(b, ip), oldWord, newWord));
    }

    /**
     * Writes a 20-byte header (no options) with a fresh checksum. The checksum is the RFC 1071 sum of the ten
     * 16-bit words being written, added from the values themselves rather than read back from the bytes just
     * stored (a 32-bit load over two 16-bit stores cannot be forwarded from the store buffer): the same words, the
     * same sum, as {@link Checksum#compute} over the written header gives (PacketsTest checks both ways).
     */
    public static void writeHeader(final byte[] b, final int ip, final int payloadLength, final int identification,
                                   final boolean dontFragment, final int ttl, final int protocol,
                                   final int source, final int destination) {
        final int word0 = 0x4500_0000 | ((HEADER_LENGTH + payloadLength) & 0xffff);   // version 4, IHL 5, TOS 0
        final int word1 = (identification << 16) | (dontFragment ? FLAG_DF : 0);
        final int ttlProtocol = ((ttl & 0xff) << 8) | (protocol & 0xff);
        final long sum = (word0 >>> 16) + (word0 & 0xffff) + (word1 >>> 16) + (word1 & 0xffff) + ttlProtocol
                + (source >>> 16) + (source & 0xffff) + (destination >>> 16) + (destination & 0xffff);
        Bytes.i32(b, ip, word0);
        Bytes.i32(b, ip + 4, word1);
        Bytes.i32(b, ip + TTL_OFFSET, (ttlProtocol << 16) | (~Checksum.fold(sum) & 0xffff));
        Bytes.i32(b, ip + SOURCE_OFFSET, source);
        Bytes.i32(b, ip + DESTINATION_OFFSET, destination);
    }
}

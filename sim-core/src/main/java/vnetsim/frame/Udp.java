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

    /** The length field (header and data, in bytes) of the UDP header at offset {@code udp}. */
    public static int length(final byte[] b, final int udp) {
        return Bytes.u16(b, udp + 4);
    }

    /** The checksum field of the UDP header at offset {@code udp}: 0 when the sender computed none (RFC 768). */
    public static int checksum(final byte[] b, final int udp) {
        return Bytes.u16(b, udp + 6);
    }

    /**
     * The one's-complement sum (RFC 1071) of the pseudo-header (the IPv4 source and destination, protocol 17, the UDP
     * length) and the whole datagram with its checksum field as stored, folded to 16 bits, not inverted (RFC 768).
     * With the field 0 its inverse is the checksum to write; with the field written the sum is 0xffff.
     *
     * @param ip offset of the IPv4 header the datagram travels in
     * @param udp offset of the UDP header
     * @param udpLength the UDP length field, already checked to lie within the frame
     */
    public static int sum(final byte[] b, final int ip, final int udp, final int udpLength) {
        return Checksum.fold(pseudoHeaderSum(Ipv4.source(b, ip), Ipv4.destination(b, ip), udpLength)
                + Checksum.sum(b, udp, udpLength));
    }

    /**
     * The pseudo-header's 16-bit words added up, not folded (RFC 768): the IPv4 source and destination, protocol 17
     * and the UDP length. A sender that knows its header words adds them to this without reading the bytes back.
     */
    public static long pseudoHeaderSum(final int srcIp, final int dstIp, final int udpLength) {
        return (srcIp >>> 16) + (srcIp & 0xffff) + (dstIp >>> 16) + (dstIp & 0xffff) + Ipv4.PROTOCOL_UDP
                + udpLength;
    }

    /**
     * Whether the datagram's checksum verifies: its {@link #sum} is 0xffff. A checksum of 0 means none was sent and
     * is not checked here; the caller decides.
     *
     * @param ip offset of the IPv4 header the datagram travels in
     * @param udp offset of the UDP header
     * @param udpLength the UDP length field, already checked to lie within the frame
     */
    public static boolean checksumVerifies(final byte[] b, final int ip, final int udp, final int udpLength) {
        return sum(b, ip, udp, udpLength) == 0xffff;
    }
}

package vnetsim.frame;

/**
 * Geneve encapsulation as OVN uses it between chassis (RFC 8926; OVN: ovn-architecture(7) "Tunnel Encapsulations",
 * {@code controller/physical.c}): outer Ethernet, IPv4 with DF, UDP to port 6081 (checksum 0, as OVS sends by
 * default), an 8-byte Geneve header whose VNI is the logical datapath's tunnel key, and one 8-byte option of class
 * 0x0102 (OVN), type 0x80, carrying the logical ingress port key (15 bits) and egress port key (16 bits).
 *
 * <pre>
 *   outer Ethernet 14 | IPv4 20 | UDP 8 | Geneve 8 | OVN option 8 | inner Ethernet frame ...
 * </pre>
 *
 * <p>Encapsulation adds {@link #OVERHEAD} = 58 bytes in front of the inner frame; counted against the underlay's IP
 * MTU that is the inner IP packet plus 58 (the inner Ethernet header, 14, is inside the outer packet): ovn-kubernetes
 * {@code go-controller/pkg/types/const.go GeneveHeaderLengthIPv4 = 58}. Encapsulating and decapsulating move the
 * inner bytes inside the frame's own buffer: no allocation.
 */
public final class Geneve {
    /** IANA-assigned Geneve port. */
    public static final int UDP_PORT = 6081;
    /** OVN's option class (RFC 8926 registry: "Open Virtual Networking (OVN)"). */
    public static final int OVN_OPTION_CLASS = 0x0102;
    /** OVN's option type: the critical bit set, type 0 ({@code OVN_GENEVE_TYPE} in ovn/lib/ovn-util.h). */
    public static final int OVN_OPTION_TYPE = 0x80;
    /** Transparent Ethernet bridging: the payload is an Ethernet frame. */
    public static final int PROTOCOL_ETHERNET = 0x6558;
    /** Geneve base header plus OVN's one option. */
    public static final int HEADER_LENGTH = 16;
    /** Bytes added in front of the inner frame: outer Ethernet + IPv4 + UDP + Geneve with OVN's option. */
    public static final int OVERHEAD = Ethernet.HEADER_LENGTH + Ipv4.HEADER_LENGTH + Udp.HEADER_LENGTH + HEADER_LENGTH;
    /** What the underlay IP MTU must exceed the inner IP packet by: 58 over IPv4 (ovn-kubernetes types/const.go). */
    public static final int IPV4_MTU_OVERHEAD = OVERHEAD;

    private static final int IP = Ethernet.HEADER_LENGTH;
    private static final int UDP = IP + Ipv4.HEADER_LENGTH;
    private static final int GENEVE = UDP + Udp.HEADER_LENGTH;

    private Geneve() {
    }

    /** The outer IPv4 packet's length once {@code frame} (an inner Ethernet frame) is encapsulated. */
    public static int outerIpLength(final Frame frame) {
        return frame.length() + OVERHEAD - Ethernet.HEADER_LENGTH;
    }

    /** Whether the frame can hold the encapsulated packet at all (the buffer's jumbo limit). */
    public static boolean fits(final Frame frame) {
        return frame.start() + frame.length() + OVERHEAD <= frame.bytes().length;
    }

    /**
     * Wraps the inner frame in outer headers, in place. The UDP source port is a hash of the inner frame's
     * addresses in 32768-65535, as OVS picks it for ECMP entropy. Callers check {@link #fits} first.
     */
    public static void encapsulate(final Frame frame, final long outerSrcMac, final long outerDstMac,
                                   final int srcIp, final int dstIp, final int vni, final int ingressKey,
                                   final int egressKey, final int ipIdentification) {
        final byte[] b = frame.bytes();
        final int s = frame.start();
        final int innerLength = frame.length();
        System.arraycopy(b, s, b, s + OVERHEAD, innerLength);
        final int entropy = 0x8000 | (Long.hashCode(Bytes.mac(b, s + OVERHEAD) * 31 + Bytes.mac(b, s + OVERHEAD + 6))
                & 0x7fff);
        frame.setLength(innerLength + OVERHEAD);
        Bytes.mac(b, s, outerDstMac);
        Bytes.mac(b, s + 6, outerSrcMac);
        Bytes.u16(b, s + 12, EtherType.IPV4);
        final int udpLength = Udp.HEADER_LENGTH + HEADER_LENGTH + innerLength;
        Ipv4.writeHeader(b, s + IP, udpLength, ipIdentification, true, Ipv4.DEFAULT_TTL, Ipv4.PROTOCOL_UDP,
                srcIp, dstIp);
        Bytes.u16(b, s + UDP, entropy);
        Bytes.u16(b, s + UDP + 2, UDP_PORT);
        Bytes.u16(b, s + UDP + 4, udpLength);
        Bytes.u16(b, s + UDP + 6, 0);
        final int g = s + GENEVE;
        b[g] = 2;                                   // version 0, option length 2 words (8 bytes)
        b[g + 1] = 0;                               // no O or C flag
        Bytes.u16(b, g + 2, PROTOCOL_ETHERNET);
        Bytes.i32(b, g + 4, (vni & 0xffffff) << 8);
        Bytes.u16(b, g + 8, OVN_OPTION_CLASS);
        b[g + 10] = (byte) OVN_OPTION_TYPE;
        b[g + 11] = 1;                              // option data length 1 word
        Bytes.i32(b, g + 12, ((ingressKey & 0x7fff) << 16) | (egressKey & 0xffff));
    }

    /**
     * Whether the frame is an untagged IPv4/UDP Geneve packet to port 6081 with OVN's option in place, all within
     * the frame's bytes (never trusts a length field beyond them).
     */
    public static boolean isOvnGeneve(final Frame frame) {
        final byte[] b = frame.bytes();
        final int s = frame.start();
        if (frame.length() < OVERHEAD + Ethernet.HEADER_LENGTH || frame.outerType() != EtherType.IPV4
                || !Ipv4.isValidHeader(b, s + IP, frame.length() - IP) || Ipv4.headerLength(b, s + IP) != Ipv4.HEADER_LENGTH
                || Ipv4.protocol(b, s + IP) != Ipv4.PROTOCOL_UDP || Udp.destinationPort(b, s + UDP) != UDP_PORT) {
            return false;
        }
        final int g = s + GENEVE;
        return (b[g] & 0xff) == 2 && Bytes.u16(b, g + 2) == PROTOCOL_ETHERNET
                && Bytes.u16(b, g + 8) == OVN_OPTION_CLASS && (b[g + 10] & 0xff) == OVN_OPTION_TYPE;
    }

    /** The VNI (24 bits) of the Geneve header of an encapsulated frame. */
    public static int vni(final Frame frame) {
        return Bytes.i32(frame.bytes(), frame.start() + GENEVE + 4) >>> 8;
    }

    /** The ingress logical port key from the OVN Geneve option of an encapsulated frame. */
    public static int ingressKey(final Frame frame) {
        return Bytes.u16(frame.bytes(), frame.start() + GENEVE + 12) & 0x7fff;
    }

    /** The egress logical port key from the OVN Geneve option of an encapsulated frame. */
    public static int egressKey(final Frame frame) {
        return Bytes.u16(frame.bytes(), frame.start() + GENEVE + 14);
    }

    /** The outer IPv4 source address (the sending tunnel endpoint) of an encapsulated frame. */
    public static int outerSource(final Frame frame) {
        return Ipv4.source(frame.bytes(), frame.start() + IP);
    }

    /** Removes the outer headers in place; the frame is the inner Ethernet frame again. */
    public static void decapsulate(final Frame frame) {
        final byte[] b = frame.bytes();
        final int s = frame.start();
        final int innerLength = frame.length() - OVERHEAD;
        System.arraycopy(b, s + OVERHEAD, b, s, innerLength);
        frame.setLength(innerLength);
    }
}

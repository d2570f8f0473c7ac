package vnetsim.frame;

/**
 * Writes complete frames (Ethernet + ARP, or Ethernet + IPv4 + ICMP/UDP) into a {@link Frame}, the way a host's
 * stack builds them: real headers, real checksums, padded to the Ethernet minimum. Frames are written untagged;
 * tags are pushed by the devices they cross.
 */
public final class Packets {
    private static final int ECHO_DATA_START = 0x10;
    /**
     * Zero bytes to copy as UDP data: the arraycopy stub stores them in wide words, where a fill loop of a few
     * dozen bytes (C2's OptimizeFill is off) runs byte by byte. Never written.
     */
    private static final byte[] ZEROS = new byte[Frame.MAX_LENGTH];

    private Packets() {
    }

    /** ARP request (RFC 826): broadcast, THA zero as Linux sends it. */
    public static Frame arpRequest(final Frame f, final long senderMac, final int senderIp, final int targetIp) {
        return arp(f, Arp.REQUEST, senderMac, senderIp, MacAddress.BROADCAST, 0L, targetIp);
    }

    /** ARP reply, unicast to the requester. */
    public static Frame arpReply(final Frame f, final long senderMac, final int senderIp, final long targetMac,
                                 final int targetIp) {
        return arp(f, Arp.REPLY, senderMac, senderIp, targetMac, targetMac, targetIp);
    }

    private static Frame arp(final Frame f, final int operation, final long senderMac, final int senderIp,
                             final long ethernetDestination, final long targetMac, final int targetIp) {
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        ethernet(b, s, ethernetDestination, senderMac, EtherType.ARP);
        Arp.write(b, s + Ethernet.HEADER_LENGTH, operation, senderMac, senderIp, targetMac, targetIp);
        f.setLength(Ethernet.HEADER_LENGTH + Arp.LENGTH);
        f.padToMinimum();
        return f;
    }

    /**
     * ICMP echo request or reply with {@code dataLength} bytes of data (ping's default is 56: "56(84) bytes").
     * DF is set, as Linux ping does with path-MTU discovery.
     */
    public static Frame icmpEcho(final Frame f, final long srcMac, final long dstMac, final int srcIp, final int dstIp,
                                 final int ttl, final int type, final int identifier, final int sequence,
                                 final int dataLength, final int ipIdentification) {
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        ethernet(b, s, dstMac, srcMac, EtherType.IPV4);
        final int ip = s + Ethernet.HEADER_LENGTH;
        final int icmp = ip + Ipv4.HEADER_LENGTH;
        final int icmpLength = Icmp.HEADER_LENGTH + dataLength;
        b[icmp] = (byte) type;
        b[icmp + 1] = 0;
        Bytes.u16(b, icmp + 2, 0);
        Bytes.u16(b, icmp + 4, identifier);
        Bytes.u16(b, icmp + 6, sequence);
        for (int i = 0; i < dataLength; i++) {
            b[icmp + Icmp.HEADER_LENGTH + i] = (byte) (ECHO_DATA_START + i);
        }
        return finishIcmp(f, icmpLength, ipIdentification, true, ttl, srcIp, dstIp);
    }

    /**
     * Echo reply to the request in {@code request}: identifier, sequence and data echoed, checksum recomputed,
     * TTL the replier's default (RFC 792).
     */
    public static Frame icmpEchoReply(final Frame f, final Frame request, final long srcMac, final int srcIp,
                                      final int ttl, final int ipIdentification) {
        final byte[] rb = request.bytes();
        final int rip = request.l3Offset();
        final int ihl = Ipv4.headerLength(rb, rip);
        final int ricmp = rip + ihl;
        final int icmpLength = Ipv4.totalLength(rb, rip) - ihl;
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        ethernet(b, s, request.sourceMac(), srcMac, EtherType.IPV4);
        final int ip = s + Ethernet.HEADER_LENGTH;
        final int icmp = ip + Ipv4.HEADER_LENGTH;
        System.arraycopy(rb, ricmp, b, icmp, icmpLength);
        b[icmp] = (byte) Icmp.ECHO_REPLY;
        Bytes.u16(b, icmp + 2, 0);
        return finishIcmp(f, icmpLength, ipIdentification, true, ttl, srcIp, Ipv4.source(rb, rip));
    }

    /**
     * ICMP error (destination unreachable, time exceeded) about {@code original}: its IP header plus the first 8
     * bytes of its payload (RFC 792). {@code rest} is the word after the checksum (next-hop MTU for code 4).
     */
    public static Frame icmpError(final Frame f, final Frame original, final long srcMac, final long dstMac,
                                  final int srcIp, final int type, final int code, final int rest,
                                  final int ipIdentification) {
        final byte[] ob = original.bytes();
        final int oip = original.l3Offset();
        final int quoted = Math.min(Ipv4.headerLength(ob, oip) + 8, Ipv4.totalLength(ob, oip));
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        ethernet(b, s, dstMac, srcMac, EtherType.IPV4);
        final int ip = s + Ethernet.HEADER_LENGTH;
        final int icmp = ip + Ipv4.HEADER_LENGTH;
        final int icmpLength = Icmp.HEADER_LENGTH + quoted;
        b[icmp] = (byte) type;
        b[icmp + 1] = (byte) code;
        Bytes.u16(b, icmp + 2, 0);
        Bytes.i32(b, icmp + 4, rest);
        System.arraycopy(ob, oip, b, icmp + Icmp.HEADER_LENGTH, quoted);
        return finishIcmp(f, icmpLength, ipIdentification, false, Ipv4.DEFAULT_TTL, srcIp, Ipv4.source(ob, oip));
    }

    /**
     * UDP datagram with {@code dataLength} zero bytes and a real UDP checksum over the pseudo-header (RFC 768).
     * The checksum adds the pseudo-header's and the UDP header's 16-bit words from the values being written, not
     * read back from the bytes just stored; the data are zero bytes, which add nothing to a one's-complement sum
     * (RFC 1071), so the result is the checksum of the whole datagram (PacketsTest recomputes it over the bytes).
     */
    public static Frame udp(final Frame f, final long srcMac, final long dstMac, final int srcIp, final int dstIp,
                            final int ttl, final int srcPort, final int dstPort, final int dataLength,
                            final int ipIdentification) {
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        ethernet(b, s, dstMac, srcMac, EtherType.IPV4);
        final int ip = s + Ethernet.HEADER_LENGTH;
        final int udp = ip + Ipv4.HEADER_LENGTH;
        final int udpLength = Udp.HEADER_LENGTH + dataLength;
        Ipv4.writeHeader(b, ip, udpLength, ipIdentification, true, ttl, Ipv4.PROTOCOL_UDP, srcIp, dstIp);
        System.arraycopy(ZEROS, 0, b, udp + Udp.HEADER_LENGTH, dataLength);   // wide stores, any length
        // pseudo-header: source, destination, zero + protocol, UDP length; then the header with checksum 0
        final int ports = (srcPort << 16) | (dstPort & 0xffff);
        final long sum = Udp.pseudoHeaderSum(srcIp, dstIp, udpLength) + (ports >>> 16) + (ports & 0xffff) + udpLength;
        final int checksum = ~Checksum.fold(sum) & 0xffff;
        Bytes.i32(b, udp, ports);
        Bytes.i32(b, udp + 4, (udpLength << 16) | (checksum == 0 ? 0xffff : checksum));
        f.setLength(Ethernet.HEADER_LENGTH + Ipv4.HEADER_LENGTH + udpLength);
        f.padToMinimum();
        return f;
    }

    /** ICMP checksum over the message, then the IPv4 header (with its checksum), length and padding. */
    private static Frame finishIcmp(final Frame f, final int icmpLength, final int ipIdentification,
                                    final boolean dontFragment, final int ttl, final int srcIp, final int dstIp) {
        final byte[] b = f.bytes();
        final int ip = f.start() + Ethernet.HEADER_LENGTH;
        final int icmp = ip + Ipv4.HEADER_LENGTH;
        Bytes.u16(b, icmp + 2, Checksum.compute(b, icmp, icmpLength));
        Ipv4.writeHeader(b, ip, icmpLength, ipIdentification, dontFragment, ttl, Ipv4.PROTOCOL_ICMP, srcIp, dstIp);
        f.setLength(Ethernet.HEADER_LENGTH + Ipv4.HEADER_LENGTH + icmpLength);
        f.padToMinimum();
        return f;
    }

    private static void ethernet(final byte[] b, final int s, final long dst, final long src, final int type) {
        Bytes.mac(b, s, dst);
        Bytes.mac(b, s + Ethernet.SOURCE_OFFSET, src);
        Bytes.u16(b, s + Ethernet.TYPE_OFFSET, type);
    }
}

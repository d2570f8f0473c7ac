package vnetsim.device;

import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;

/**
 * When an IPv4 stack may answer a packet with an ICMP error (RFC 1122 section 3.2.2, Linux icmp_send()): never about
 * an ICMP error message, nor about an ICMP message too short to tell (a truncated header), so two routers never
 * answer each other's errors forever. The rules each device adds (a route back, no broadcast) stay with the device.
 * Rules and sources: {@code src/docs/forwarding-rules.md} sections 5 and 8.
 */
final class IcmpErrors {
    private IcmpErrors() {
    }

    /** Whether the IPv4 packet in {@code original} may be the subject of an ICMP error; reads, allocates nothing. */
    static boolean mayAnswer(final Frame original) {
        final byte[] b = original.bytes();
        final int ip = original.l3Offset();
        return Ipv4.protocol(b, ip) != Ipv4.PROTOCOL_ICMP || (Ipv4.payloadLength(b, ip) >= Icmp.HEADER_LENGTH
                && !Icmp.isError(Icmp.type(b, ip + Ipv4.headerLength(b, ip))));
    }
}

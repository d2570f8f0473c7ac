package vnetsim.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.device.Frames;

/** Frames the stack writes are byte-correct: RFC 826 ARP, RFC 791 IPv4, RFC 792 ICMP echo (semantics.md section 8). */
class PacketsTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long GW = mac("00:1b:17:00:01:13");
    private static final int VM1_IP = ip("172.16.4.10");
    private static final int GW_IP = ip("172.16.4.1");

    @Test
    void arp_request_is_broadcast_with_rfc_826_fields_and_padded_to_60_bytes() {
        final Frame f = Frames.arpRequest(VM1, VM1_IP, GW_IP);
        final byte[] b = f.bytes();
        final int s = f.start();

        assertThat(f.length()).isEqualTo(60);
        assertThat(f.destinationMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(f.sourceMac()).isEqualTo(VM1);
        assertThat(f.outerType()).isEqualTo(0x0806);
        assertThat(Bytes.u16(b, s + 14)).as("HTYPE").isEqualTo(1);
        assertThat(Bytes.u16(b, s + 16)).as("PTYPE").isEqualTo(0x0800);
        assertThat(Bytes.u8(b, s + 18)).as("HLEN").isEqualTo(6);
        assertThat(Bytes.u8(b, s + 19)).as("PLEN").isEqualTo(4);
        assertThat(Bytes.u16(b, s + 20)).as("OPER").isEqualTo(1);
        assertThat(Bytes.mac(b, s + 22)).as("SHA").isEqualTo(VM1);
        assertThat(Bytes.i32(b, s + 28)).as("SPA").isEqualTo(VM1_IP);
        assertThat(Bytes.mac(b, s + 32)).as("THA").isZero();
        assertThat(Bytes.i32(b, s + 38)).as("TPA").isEqualTo(GW_IP);
        assertThat(Arrays.copyOfRange(b, s + 42, s + 60)).as("padding").containsOnly(0);
        assertThat(Arp.isEthernetIpv4(b, f.l3Offset(), Arp.LENGTH)).isTrue();
    }

    @Test
    void arp_reply_is_unicast_to_the_requester_with_target_fields_filled() {
        final Frame f = Frames.arpReply(GW, GW_IP, VM1, VM1_IP);
        final byte[] b = f.bytes();
        final int arp = f.l3Offset();

        assertThat(f.length()).isEqualTo(60);
        assertThat(f.destinationMac()).isEqualTo(VM1);
        assertThat(f.sourceMac()).isEqualTo(GW);
        assertThat(Arp.operation(b, arp)).isEqualTo(Arp.REPLY);
        assertThat(Arp.senderMac(b, arp)).isEqualTo(GW);
        assertThat(Arp.senderIp(b, arp)).isEqualTo(GW_IP);
        assertThat(Arp.targetMac(b, arp)).isEqualTo(VM1);
        assertThat(Arp.targetIp(b, arp)).isEqualTo(VM1_IP);
    }

    @Test
    void tagged_arp_is_64_bytes() {
        final Frame f = Frames.tagged(Frames.arpRequest(VM1, VM1_IP, GW_IP), 2003);
        assertThat(f.length()).isEqualTo(64);
        assertThat(Arp.targetIp(f.bytes(), f.l3Offset())).isEqualTo(GW_IP);
    }

    @Test
    void icmp_echo_request_has_valid_ipv4_and_icmp_checksums() {
        final Frame f = Frames.icmpEcho(VM1, GW, VM1_IP, ip("172.16.5.10"), 64, 56);
        final byte[] b = f.bytes();
        final int ip = f.l3Offset();
        final int icmp = ip + 20;

        assertThat(f.length()).isEqualTo(14 + 84);                     // "56(84) bytes"
        assertThat(f.outerType()).isEqualTo(0x0800);
        assertThat(Bytes.u8(b, ip)).isEqualTo(0x45);
        assertThat(Ipv4.totalLength(b, ip)).isEqualTo(84);
        assertThat(Ipv4.dontFragment(b, ip)).isTrue();
        assertThat(Ipv4.ttl(b, ip)).isEqualTo(64);
        assertThat(Ipv4.protocol(b, ip)).isEqualTo(1);
        assertThat(Ipv4.source(b, ip)).isEqualTo(VM1_IP);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(ip("172.16.5.10"));
        assertThat(Checksum.sum(b, ip, 20)).as("IPv4 header verifies").isEqualTo(0xffff);
        assertThat(Ipv4.checksum(b, ip)).isEqualTo(recomputed(b, ip, 20, 10));

        assertThat(Icmp.type(b, icmp)).isEqualTo(Icmp.ECHO_REQUEST);
        assertThat(Icmp.code(b, icmp)).isZero();
        assertThat(Icmp.identifier(b, icmp)).isEqualTo(Frames.PING_ID);
        assertThat(Icmp.sequence(b, icmp)).isEqualTo(1);
        assertThat(Checksum.sum(b, icmp, 64)).as("ICMP header + data verifies").isEqualTo(0xffff);
        assertThat(Bytes.u16(b, icmp + 2)).isEqualTo(recomputed(b, icmp, 64, 2));
    }

    @Test
    void short_echo_is_padded_to_60_bytes_but_the_icmp_checksum_covers_only_the_ip_payload() {
        final Frame f = Frames.icmpEcho(VM1, GW, VM1_IP, GW_IP, 64, 0);
        final int ip = f.l3Offset();
        assertThat(f.length()).isEqualTo(60);
        assertThat(Ipv4.totalLength(f.bytes(), ip)).isEqualTo(28);
        assertThat(Checksum.sum(f.bytes(), ip + 20, 8)).isEqualTo(0xffff);
    }

    @Test
    void echo_reply_echoes_identifier_sequence_and_data_with_a_fresh_checksum() {
        final Frame request = Packets.icmpEcho(new Frame(), VM1, GW, VM1_IP, GW_IP, 64, Icmp.ECHO_REQUEST, 0xbeef,
                4094, 56, 1);
        request.pushVlanTag(EtherType.VLAN_8021Q, 2003);                 // the reply must read past the tag
        final Frame reply = Packets.icmpEchoReply(new Frame(), request, GW, GW_IP, 64, 99);
        final byte[] b = reply.bytes();
        final int ip = reply.l3Offset();
        final int icmp = ip + 20;
        final int ricmp = request.l3Offset() + 20;

        assertThat(reply.isTagged()).isFalse();
        assertThat(reply.destinationMac()).isEqualTo(VM1);
        assertThat(reply.sourceMac()).isEqualTo(GW);
        assertThat(Ipv4.source(b, ip)).isEqualTo(GW_IP);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM1_IP);
        assertThat(Ipv4.ttl(b, ip)).isEqualTo(64);
        assertThat(Ipv4.totalLength(b, ip)).isEqualTo(84);
        assertThat(Checksum.sum(b, ip, 20)).isEqualTo(0xffff);
        assertThat(Icmp.type(b, icmp)).isEqualTo(Icmp.ECHO_REPLY);
        assertThat(Icmp.code(b, icmp)).isZero();
        assertThat(Icmp.identifier(b, icmp)).isEqualTo(0xbeef);
        assertThat(Icmp.sequence(b, icmp)).isEqualTo(4094);
        assertThat(Arrays.copyOfRange(b, icmp + 8, icmp + 64))
                .isEqualTo(Arrays.copyOfRange(request.bytes(), ricmp + 8, ricmp + 64));
        assertThat(Checksum.sum(b, icmp, 64)).isEqualTo(0xffff);
    }

    @Test
    void icmp_error_quotes_the_original_header_and_8_bytes() {
        final Frame original = Frames.icmpEcho(VM1, GW, VM1_IP, ip("172.16.5.10"), 1, 56);
        final Frame error = Packets.icmpError(new Frame(), original, GW, VM1, GW_IP, Icmp.DESTINATION_UNREACHABLE,
                Icmp.CODE_FRAGMENTATION_NEEDED, 1400, 5);
        final byte[] b = error.bytes();
        final int ip = error.l3Offset();
        final int icmp = ip + 20;
        assertThat(Ipv4.totalLength(b, ip)).isEqualTo(20 + 8 + 28);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM1_IP);
        assertThat(Icmp.type(b, icmp)).isEqualTo(3);
        assertThat(Icmp.code(b, icmp)).isEqualTo(4);
        assertThat(Bytes.u16(b, icmp + 4)).as("unused").isZero();
        assertThat(Bytes.u16(b, icmp + 6)).as("next-hop MTU").isEqualTo(1400);
        assertThat(Arrays.copyOfRange(b, icmp + 8, icmp + 36))
                .isEqualTo(Arrays.copyOfRange(original.bytes(), original.l3Offset(), original.l3Offset() + 28));
        assertThat(Checksum.sum(b, icmp, 36)).isEqualTo(0xffff);
    }

    @Test
    void udp_checksums_summed_from_the_values_equal_the_sums_over_the_written_bytes() {
        // RFC 768: the UDP checksum covers the pseudo-header (source, destination, zero + protocol 17, UDP length),
        // the header and the data; a computed 0 is sent as 0xffff. Every source port (so every checksum value,
        // 0 included) and data lengths odd and even, with a frame reused dirty as the pool hands them out.
        final Frame f = new Frame();
        Arrays.fill(f.bytes(), (byte) 0xab);
        final int dst = ip("10.0.4.103");
        int sentAsFfff = 0;
        for (final int dataLength : new int[] {0, 1, 17, 32, 1454}) {
            for (int port = 0; port <= 0xffff; port += dataLength == 32 ? 1 : 251) {
                Packets.udp(f, VM1, GW, VM1_IP, dst, 64, port, 33434, dataLength, port ^ 0x5a5a);
                final byte[] b = f.bytes();
                final int ip = f.l3Offset();
                final int udp = ip + 20;
                final int udpLength = 8 + dataLength;
                assertThat(Checksum.sum(b, ip, 20)).as("IPv4 header verifies").isEqualTo(0xffff);
                assertThat(Bytes.u16(b, ip + 10)).isEqualTo(recomputed(b, ip, 20, 10));
                assertThat(Bytes.u16(b, ip + 4)).as("identification").isEqualTo(port ^ 0x5a5a);
                assertThat(Ipv4.totalLength(b, ip)).isEqualTo(20 + udpLength);
                assertThat(Udp.sourcePort(b, udp)).isEqualTo(port);
                assertThat(Udp.destinationPort(b, udp)).isEqualTo(33434);
                assertThat(Bytes.u16(b, udp + 4)).isEqualTo(udpLength);
                assertThat(Arrays.copyOfRange(b, udp + 8, udp + udpLength)).isEqualTo(new byte[dataLength]);
                final long pseudo = Checksum.sum(b, ip + 12, 8) + 17 + udpLength;
                final int stored = Bytes.u16(b, udp + 6);
                Bytes.u16(b, udp + 6, 0);
                final int computed = ~Checksum.fold(pseudo + Checksum.sum(b, udp, udpLength)) & 0xffff;
                Bytes.u16(b, udp + 6, stored);
                assertThat(stored).isEqualTo(computed == 0 ? 0xffff : computed);
                sentAsFfff += computed == 0 ? 1 : 0;
                assertThat(f.length()).isEqualTo(Math.max(60, 14 + 20 + udpLength));
            }
        }
        assertThat(sentAsFfff).as("the case of a computed 0 was met").isPositive();
    }

    /** The checksum a fresh computation gives with the checksum field at {@code field} zeroed. */
    private static int recomputed(final byte[] b, final int off, final int len, final int field) {
        final byte[] copy = Arrays.copyOfRange(b, off, off + len);
        Bytes.u16(copy, field, 0);
        return Checksum.compute(copy, 0, len);
    }
}

package vnetsim.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.device.Action;
import vnetsim.frame.Bytes;
import vnetsim.frame.Checksum;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;
import vnetsim.topology.PortRef;
import vnetsim.trace.Outcome;
import vnetsim.trace.Trace;

/**
 * Frames nobody's stack would send, injected through the library: every one ends as a drop naming the device, the
 * interface and the reason, never as an exception, and never depends on what an earlier packet left in a buffer.
 */
class MalformedFrameTest {
    private static final long VM1_MAC = MacAddress.parse("02:00:ac:10:04:d0");
    private static final long VM3_MAC = MacAddress.parse("02:00:ac:10:05:0a");
    private static final int VM1_IP = Ipv4Address.parse("172.16.4.208");
    private static final int VM3_IP = Ipv4Address.parse("172.16.5.10");
    private static final int IP = Ethernet.HEADER;

    /** A ping from vm1 to vm3 as it arrives at vm3 (after the firewall), {@code data} bytes of ICMP data. */
    private static byte[] echoRequestToVm3(final int data) {
        final Frame f = Packets.icmpEcho(new Frame(), VM1_MAC, VM3_MAC, VM1_IP, VM3_IP, 63, Icmp.ECHO_REQUEST, 1, 1,
                data, 7);
        return Arrays.copyOfRange(f.bytes(), f.start(), f.end());
    }

    private static void setTotalLength(final byte[] frame, final int totalLength) {
        Bytes.u16(frame, IP + 2, totalLength);
        Bytes.u16(frame, IP + 10, 0);
        Bytes.u16(frame, IP + 10, Checksum.compute(frame, IP, Ipv4.HEADER_LENGTH));
    }

    private static Trace injectAtVm3(final Injection sim, final byte[] frame) {
        final PortRef vm3 = new PortRef(sim.topology().findEndpoint("vm3").orElseThrow(), 0);
        return sim.inject(vm3, frame);
    }

    @Test
    void ipv4TotalLengthLargerThanTheFrameIsABadHeaderNotACrash() {
        final byte[] frame = echoRequestToVm3(56);
        setTotalLength(frame, 65535);

        final Trace t = injectAtVm3(new Injection(), frame);

        assertThat(t.outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(t.drop().device()).isEqualTo("Virtual Machine 3");
        assertThat(t.drop().reason()).isEqualTo("invalid IPv4 header or checksum");
    }

    @Test
    void ipv4TotalLengthShorterThanItsHeaderIsABadHeader() {
        final byte[] frame = echoRequestToVm3(56);
        setTotalLength(frame, 12);

        final Trace t = injectAtVm3(new Injection(), frame);

        assertThat(t.drop().reason()).isEqualTo("invalid IPv4 header or checksum");
    }

    @Test
    void echoRequestTruncatedInsideItsDataGetsNoReplyMadeOfAnEarlierPacketsBytes() {
        final byte[] frame = Arrays.copyOf(echoRequestToVm3(56), 60);    // IPv4 says 84 bytes, 46 arrive

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.events()).noneMatch(s -> s.action() == Action.REPLIED);
        assertThat(t.drop().device()).isEqualTo("Virtual Machine 3");
        assertThat(t.drop().reason()).isEqualTo("invalid IPv4 header or checksum");
    }

    @Test
    void icmpMessageShorterThanItsHeaderIsDroppedNotAnswered() {
        final byte[] frame = Arrays.copyOf(echoRequestToVm3(0), 60);
        setTotalLength(frame, Ipv4.HEADER_LENGTH + 4);                   // type, code, checksum: no id, no seq

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.events()).noneMatch(s -> s.action() == Action.REPLIED);
        assertThat(t.drop().reason()).isEqualTo("ICMP message of 4 bytes is shorter than its 8-byte header");
    }

    /** A UDP datagram from vm1 to vm3 as it arrives at vm3, with a real checksum over {@code data} zero bytes. */
    private static byte[] udpToVm3(final int data) {
        final Frame f = Packets.udp(new Frame(), VM1_MAC, VM3_MAC, VM1_IP, VM3_IP, 63, 40000, 33434, data, 7);
        return Arrays.copyOfRange(f.bytes(), f.start(), f.end());
    }

    private static final int UDP = IP + Ipv4.HEADER_LENGTH;

    @Test
    void udpDatagramWithItsRealChecksumIsDelivered() {
        final Trace t = injectAtVm3(new Injection().warm(), udpToVm3(32));

        assertThat(t.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void udpDatagramWithOneDataByteFlippedFailsItsChecksumAtTheReceiver() {
        // __udp4_lib_rcv() (net/ipv4/udp.c): a checksum that does not verify goes to csum_error and is dropped
        final byte[] frame = udpToVm3(32);
        frame[UDP + 8 + 5] ^= 0x40;

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(t.drop().device()).isEqualTo("Virtual Machine 3");
        assertThat(t.drop().reason())
                .isEqualTo("UDP checksum error: the receiving stack drops the datagram (InCsumErrors)");
    }

    @Test
    void udpDatagramWithoutAChecksumIsAccepted() {
        // RFC 768: an all-zero checksum field means the sender computed none; Linux accepts it over IPv4
        final byte[] frame = udpToVm3(32);
        frame[UDP + 8 + 5] ^= 0x40;
        Bytes.u16(frame, UDP + 6, 0);

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void udpLengthPastTheIpv4PayloadIsAShortPacket() {
        final byte[] frame = udpToVm3(32);
        Bytes.u16(frame, UDP + 4, 41);                                    // the IPv4 payload holds 40 bytes

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.drop().reason()).isEqualTo("UDP length field disagrees with the 40-byte IPv4 payload");
    }

    private static byte[] tagsToTheEnd(final int length) {
        final byte[] frame = new byte[length];
        Bytes.mac(frame, 0, MacAddress.BROADCAST);
        Bytes.mac(frame, 6, VM1_MAC);
        for (int off = 12; off + 2 <= frame.length; off += 4) {
            Bytes.u16(frame, off, EtherType.VLAN_8021Q);
            if (off + 4 <= frame.length) {
                Bytes.u16(frame, off + 2, 2003);
            }
        }
        return frame;
    }

    @Test
    void jumboFrameOfStackedTagsEndsInADrop() {
        final byte[] frame = tagsToTheEnd(Frame.MAX_LENGTH);
        final Injection sim = new Injection();

        final Trace[] t = new Trace[1];
        assertThatCode(() -> t[0] = sim.inject(sim.port("node0", "enp4s0f0"), frame)).doesNotThrowAnyException();
        assertThat(t[0].outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(t[0].drop().reason()).startsWith("truncated frame: 9238 bytes");
    }

    @Test
    void stackOfTagsCutShortIsATruncatedFrame() {
        final byte[] frame = tagsToTheEnd(62);                         // the last TPID has no TCI
        final Injection sim = new Injection().warm();

        final Trace t = sim.inject(sim.port("node0", "enp4s0f0"), frame);

        assertThat(t.drop().reason()).isEqualTo("truncated frame: 62 bytes end inside the Ethernet or 802.1Q header");
    }

    @Test
    void stackOfTwoHundredTagsEndingInIpv4IsDroppedWhereNoStackTakesIt() {
        final byte[] frame = new byte[14 + 200 * 4 + 46];
        Bytes.mac(frame, 0, MacAddress.BROADCAST);
        Bytes.mac(frame, 6, VM1_MAC);
        int off = 12;
        for (int i = 0; i < 200; i++, off += 4) {
            Bytes.u16(frame, off, EtherType.VLAN_8021Q);
            Bytes.u16(frame, off + 2, 2003);
        }
        Bytes.u16(frame, off, EtherType.IPV4);
        final Injection sim = new Injection();

        final Trace t = sim.inject(sim.port("node0", "enp4s0f0"), frame);

        assertThat(t.outcome()).isEqualTo(Outcome.DROPPED);
    }

    @Test
    void truncatedVlanHeaderIsDroppedAtTheFirstPortWhateverRanBefore() {
        final byte[] frame = new byte[14];
        Bytes.mac(frame, 0, MacAddress.BROADCAST);
        Bytes.mac(frame, 6, VM1_MAC);
        Bytes.u16(frame, 12, EtherType.VLAN_8021Q);                       // a TPID, then the frame ends

        final Injection cold = new Injection();
        final Trace first = cold.inject(cold.port("node0", "enp4s0f0"), frame);
        final Injection warm = new Injection().warm();                   // recycled buffers hold VID 2003
        final Trace afterTraffic = warm.inject(warm.port("node0", "enp4s0f0"), frame);

        for (final Trace t : new Trace[] {first, afterTraffic}) {
            assertThat(t.outcome()).isEqualTo(Outcome.DROPPED);
            assertThat(t.drop().device()).isEqualTo("node0");
            assertThat(t.drop().iface()).isEqualTo("enp4s0f0");
            assertThat(t.drop().reason())
                    .isEqualTo("truncated frame: 14 bytes end inside the Ethernet or 802.1Q header");
        }
    }

    @Test
    void runtShorterThanAnEthernetHeaderIsDropped() {
        final Injection sim = new Injection().warm();

        final Trace t = sim.inject(sim.port("Switch", "Ethernet1/3"), new byte[] {1, 2, 3});

        assertThat(t.drop().reason()).isEqualTo("truncated frame: 3 bytes end inside the Ethernet or 802.1Q header");
    }

    @Test
    void arpTruncatedInsideItsAddressesIsDroppedNotAnswered() {
        final Frame f = Packets.arpRequest(new Frame(), VM1_MAC, VM1_IP, VM3_IP);
        final byte[] frame = Arrays.copyOfRange(f.bytes(), f.start(), f.start() + 14 + 20);

        final Trace t = injectAtVm3(new Injection().warm(), frame);

        assertThat(t.events()).noneMatch(s -> s.action() == Action.REPLIED);
        assertThat(t.outcome()).isEqualTo(Outcome.DROPPED);
    }

    /** Offsets of an untagged frame. */
    private static final class Ethernet {
        static final int HEADER = 14;
    }
}

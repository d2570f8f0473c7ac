package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.device.Endpoint.NIC;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.frame.Arp;
import vnetsim.frame.Checksum;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;

/** A Linux guest's minimal IPv4 stack: ARP (RFC 826), on/off-subnet next hop (RFC 1122), echo (RFC 792); section 8. */
class EndpointTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long VM3 = mac("52:54:00:00:04:0c");
    private static final long GW = mac("00:1b:17:00:01:13");
    private static final int VM1_IP = ip("172.16.4.10");
    private static final int VM3_IP = ip("172.16.4.20");
    private static final int GW_IP = ip("172.16.4.1");
    private static final int VM2_IP = ip("172.16.5.10");

    private final RecordingEgress out = new RecordingEgress();
    private final Endpoint vm1 = new Endpoint("Virtual Machine 1", "eth0", Endpoint.Workload.VM, VM1, VM1_IP, 24,
            GW_IP, 64);

    private static int arpTarget(final RecordingEgress.Transmit t) {
        final Frame f = t.asFrame();
        assertThat(f.etherType()).isEqualTo(EtherType.ARP);
        assertThat(f.destinationMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(Arp.operation(f.bytes(), f.l3Offset())).isEqualTo(Arp.REQUEST);
        return Arp.targetIp(f.bytes(), f.l3Offset());
    }

    @Test
    void ping_on_subnet_arps_for_the_destination_itself() {
        vm1.ping(VM3_IP, 1, 1, out);
        assertThat(arpTarget(out.onlyTransmit())).isEqualTo(VM3_IP);
    }

    @Test
    void ping_off_subnet_arps_for_the_gateway() {
        vm1.ping(VM2_IP, 1, 1, out);
        assertThat(arpTarget(out.onlyTransmit())).isEqualTo(GW_IP);
    }

    @Test
    void queues_packets_until_the_next_hop_resolves_then_sends_them_to_its_mac() {
        vm1.ping(VM2_IP, 1, 1, out);
        vm1.ping(VM2_IP, 1, 2, out);
        assertThat(out.transmits()).as("one ARP for both packets").hasSize(1);
        out.clear();

        vm1.receive(Frames.arpReply(GW, GW_IP, VM1, VM1_IP), NIC, out);

        assertThat(out.deliveries()).hasSize(1);
        assertThat(out.transmits()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            final Frame echo = out.transmits().get(i).asFrame();
            assertThat(out.transmits().get(i).action()).isEqualTo(Action.ORIGINATED);
            assertThat(echo.destinationMac()).isEqualTo(GW);
            assertThat(echo.sourceMac()).isEqualTo(VM1);
            assertThat(Ipv4.destination(echo.bytes(), echo.l3Offset())).isEqualTo(VM2_IP);
            assertThat(Icmp.sequence(echo.bytes(), echo.l3Offset() + 20)).isEqualTo(i + 1);
        }
        out.clear();
        out.fireAllTimers(vm1);
        assertThat(out.transmits()).isEmpty();
    }

    @Test
    void answers_an_arp_request_for_its_ip_and_learns_the_requester() {
        vm1.receive(Frames.arpRequest(VM3, VM3_IP, VM1_IP), NIC, out);

        final Frame reply = out.onlyTransmit().asFrame();
        final int arp = reply.l3Offset();
        assertThat(out.onlyTransmit().action()).isEqualTo(Action.REPLIED);
        assertThat(reply.destinationMac()).isEqualTo(VM3);
        assertThat(Arp.operation(reply.bytes(), arp)).isEqualTo(Arp.REPLY);
        assertThat(Arp.senderMac(reply.bytes(), arp)).isEqualTo(VM1);
        assertThat(Arp.senderIp(reply.bytes(), arp)).isEqualTo(VM1_IP);
        assertThat(Arp.targetMac(reply.bytes(), arp)).isEqualTo(VM3);
        assertThat(Arp.targetIp(reply.bytes(), arp)).isEqualTo(VM3_IP);
        assertThat(vm1.neighbor(VM3_IP)).isEqualTo(VM3);

        out.clear();
        vm1.ping(VM3_IP, 1, 1, out);
        assertThat(out.onlyTransmit().asFrame().etherType()).as("no ARP needed").isEqualTo(EtherType.IPV4);
    }

    @Test
    void ignores_an_arp_request_for_another_ip() {
        vm1.receive(Frames.arpRequest(VM3, VM3_IP, ip("172.16.4.99")), NIC, out);
        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.ARP_NOT_FOR_THIS_HOST);
    }

    @Test
    void answers_an_echo_request_with_a_reply_whose_ttl_is_64() {
        vm1.learnNeighbor(GW_IP, GW);
        vm1.receive(Frames.icmpEcho(GW, VM1, VM2_IP, VM1_IP, 63, 56), NIC, out);

        assertThat(out.deliveries()).hasSize(1);
        final Frame reply = out.onlyTransmit().asFrame();
        final byte[] b = reply.bytes();
        final int ip = reply.l3Offset();
        assertThat(reply.destinationMac()).as("off-subnet source: via the gateway").isEqualTo(GW);
        assertThat(Ipv4.ttl(b, ip)).isEqualTo(64);
        assertThat(Ipv4.source(b, ip)).isEqualTo(VM1_IP);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM2_IP);
        assertThat(Icmp.type(b, ip + 20)).isEqualTo(Icmp.ECHO_REPLY);
        assertThat(Icmp.identifier(b, ip + 20)).isEqualTo(Frames.PING_ID);
        assertThat(Checksum.sum(b, ip, 20)).isEqualTo(0xffff);
        assertThat(Checksum.sum(b, ip + 20, 64)).isEqualTo(0xffff);
    }

    @Test
    void drops_unicast_for_another_mac() {
        vm1.receive(Frames.icmpEcho(VM3, mac("52:54:00:00:09:99"), VM3_IP, VM1_IP), NIC, out);
        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NOT_ADDRESSED_TO_HOST);
    }

    @Test
    void drops_a_tagged_frame_because_the_guest_has_no_8021q() {
        vm1.receive(Frames.tagged(Frames.icmpEcho(VM3, VM1, VM3_IP, VM1_IP), 2003), NIC, out);
        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.UNHANDLED_PROTOCOL);
        assertThat(out.onlyDrop().detail()).isEqualTo(0x8100);
    }

    @Test
    void gives_up_after_3_arp_probes_1_second_apart() {
        vm1.ping(VM3_IP, 1, 1, out);
        out.fireAllTimers(vm1);

        assertThat(out.transmits()).hasSize(3);
        assertThat(out.transmits()).allSatisfy(t -> assertThat(arpTarget(t)).isEqualTo(VM3_IP));
        assertThat(out.transmits()).extracting(RecordingEgress.Transmit::atNs)
                .containsExactly(0L, 1_000_000_000L, 2_000_000_000L);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(out.onlyDrop().detail()).isEqualTo(VM3_IP);
        assertThat(out.onlyDrop().atNs()).isEqualTo(3_000_000_000L);
    }

    @Test
    void a_udp_datagram_larger_than_a_jumbo_frame_or_negative_is_refused_naming_the_range() {
        assertThatThrownBy(() -> vm1.sendUdp(GW_IP, 40000, 33434, Endpoint.MAX_UDP_DATA + 1, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("UDP data must be 0-9188 bytes: 9189");
        assertThatThrownBy(() -> vm1.sendUdp(GW_IP, 40000, 33434, -1, out))
                .hasMessage("UDP data must be 0-9188 bytes: -1");
        assertThat(out.transmits()).isEmpty();
    }
}

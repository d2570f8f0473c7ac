package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;
import static vnetsim.device.RoutingFirewall.UPLINK;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Arp;
import vnetsim.frame.Bytes;
import vnetsim.frame.Checksum;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/** Router on a stick with one subinterface per VLAN: semantics.md section 8 (RFC 791/792/826/1812, ip_forward()). */
class RoutingFirewallTest {
    private static final long FW = mac("00:1b:17:00:01:13");
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long VM2 = mac("52:54:00:00:05:0a");
    private static final int GW_2003 = ip("172.16.4.1");
    private static final int GW_2004 = ip("172.16.5.1");
    private static final int GW_2005 = ip("172.16.6.1");
    private static final int VM1_IP = ip("172.16.4.10");
    private static final int VM2_IP = ip("172.16.5.10");
    private static final int VM3_IP = ip("172.16.6.10");

    private final RecordingEgress out = new RecordingEgress();
    private final RoutingFirewall fw = new RoutingFirewall("Firewall", "Uplink 1", FW);

    RoutingFirewallTest() {
        fw.addInterface(new RouterInterface("Uplink 1.2003", 2003, GW_2003, 24, 1500));
        fw.addInterface(new RouterInterface("Uplink 1.2004", 2004, GW_2004, 24, 1500));
        fw.addInterface(new RouterInterface("Uplink 1.2005", 2005, GW_2005, 24, 1400));
    }

    private static Frame ping(final int dstIp, final int ttl) {
        return Frames.tagged(Frames.icmpEcho(VM1, FW, VM1_IP, dstIp, ttl, 56), 2003);
    }

    /** VM2 ARPs for its gateway: the router learns VM2 as a side effect (RFC 826). */
    private void vm2IsKnown() {
        fw.receive(Frames.tagged(Frames.arpRequest(VM2, VM2_IP, GW_2004), 2004), UPLINK, out);
        out.clear();
    }

    @Test
    void answers_arp_for_its_gateway_ip_with_a_reply_tagged_in_the_ingress_vlan() {
        fw.receive(Frames.tagged(Frames.arpRequest(VM1, VM1_IP, GW_2003), 2003), UPLINK, out);

        assertThat(out.deliveries()).hasSize(1);
        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.action()).isEqualTo(Action.REPLIED);
        final Frame reply = t.asFrame();
        final byte[] b = reply.bytes();
        final int arp = reply.l3Offset();
        assertThat(reply.length()).isEqualTo(64);
        assertThat(reply.vlanId()).isEqualTo(2003);
        assertThat(reply.destinationMac()).isEqualTo(VM1);
        assertThat(reply.sourceMac()).isEqualTo(FW);
        assertThat(reply.etherType()).isEqualTo(EtherType.ARP);
        assertThat(Arp.isEthernetIpv4(b, arp, Arp.LENGTH)).isTrue();
        assertThat(Arp.operation(b, arp)).isEqualTo(Arp.REPLY);
        assertThat(Arp.senderMac(b, arp)).isEqualTo(FW);
        assertThat(Arp.senderIp(b, arp)).isEqualTo(GW_2003);
        assertThat(Arp.targetMac(b, arp)).isEqualTo(VM1);
        assertThat(Arp.targetIp(b, arp)).isEqualTo(VM1_IP);
    }

    @Test
    void does_not_answer_arp_for_an_address_it_does_not_own() {
        fw.receive(Frames.tagged(Frames.arpRequest(VM1, VM1_IP, ip("172.16.4.99")), 2003), UPLINK, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.ARP_NOT_FOR_THIS_HOST);
        assertThat(out.onlyDrop().detail()).isEqualTo(ip("172.16.4.99"));
    }

    @Test
    void does_not_route_a_frame_not_addressed_to_its_mac() {
        vm2IsKnown();
        fw.receive(Frames.tagged(Frames.icmpEcho(VM1, VM2, VM1_IP, VM2_IP), 2003), UPLINK, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NOT_FOR_THIS_ROUTER);
    }

    @Test
    void has_no_interface_for_untagged_frames_or_unknown_vlans() {
        fw.receive(Frames.icmpEcho(VM1, FW, VM1_IP, VM2_IP), UPLINK, out);
        fw.receive(Frames.tagged(Frames.icmpEcho(VM1, FW, VM1_IP, VM2_IP), 4094), UPLINK, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.drops()).extracting(RecordingEgress.Drop::reason)
                .containsExactly(DropReason.NO_ROUTER_INTERFACE, DropReason.NO_ROUTER_INTERFACE);
        assertThat(out.drops().get(1).detail()).isEqualTo(4094);
    }

    @Test
    void routes_with_ttl_minus_one_valid_checksum_rewritten_macs_and_vid_and_unchanged_ips() {
        vm2IsKnown();
        final Frame in = ping(VM2_IP, 64);
        final int inIcmp = in.l3Offset() + 20;
        final byte[] icmpBefore = Arrays.copyOfRange(in.bytes(), inIcmp, inIcmp + 64);

        fw.receive(in, UPLINK, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.action()).isEqualTo(Action.ROUTED);
        assertThat(t.port()).isEqualTo(UPLINK);
        final Frame routed = t.asFrame();
        final byte[] b = routed.bytes();
        final int ip = routed.l3Offset();
        assertThat(routed.tagCount()).isEqualTo(1);
        assertThat(routed.vlanId()).isEqualTo(2004);
        assertThat(routed.sourceMac()).isEqualTo(FW);
        assertThat(routed.destinationMac()).isEqualTo(VM2);
        assertThat(Ipv4.ttl(b, ip)).isEqualTo(63);
        assertThat(Checksum.sum(b, ip, 20)).as("header checksum verifies").isEqualTo(0xffff);
        assertThat(Ipv4.source(b, ip)).isEqualTo(VM1_IP);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM2_IP);
        assertThat(Arrays.copyOfRange(b, ip + 20, ip + 84)).isEqualTo(icmpBefore);
    }

    @Test
    void queues_a_packet_for_an_unresolved_next_hop_arps_in_the_egress_vlan_and_sends_it_on_the_reply() {
        fw.receive(ping(VM2_IP, 64), UPLINK, out);

        final RecordingEgress.Transmit probe = out.onlyTransmit();
        assertThat(probe.action()).isEqualTo(Action.ORIGINATED);
        final Frame request = probe.asFrame();
        final int arp = request.l3Offset();
        assertThat(request.vlanId()).isEqualTo(2004);
        assertThat(request.destinationMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(Arp.operation(request.bytes(), arp)).isEqualTo(Arp.REQUEST);
        assertThat(Arp.senderMac(request.bytes(), arp)).isEqualTo(FW);
        assertThat(Arp.senderIp(request.bytes(), arp)).isEqualTo(GW_2004);
        assertThat(Arp.targetMac(request.bytes(), arp)).isZero();
        assertThat(Arp.targetIp(request.bytes(), arp)).isEqualTo(VM2_IP);
        assertThat(out.scheduled()).hasSize(1);

        out.clear();
        fw.receive(Frames.tagged(Frames.arpReply(VM2, VM2_IP, FW, GW_2004), 2004), UPLINK, out);

        final RecordingEgress.Transmit released = out.onlyTransmit();
        assertThat(released.action()).isEqualTo(Action.ROUTED);
        final Frame routed = released.asFrame();
        assertThat(routed.destinationMac()).isEqualTo(VM2);
        assertThat(routed.sourceMac()).isEqualTo(FW);
        assertThat(routed.vlanId()).isEqualTo(2004);
        assertThat(Ipv4.ttl(routed.bytes(), routed.l3Offset())).isEqualTo(63);
        assertThat(Checksum.sum(routed.bytes(), routed.l3Offset(), 20)).isEqualTo(0xffff);

        out.clear();
        out.fireAllTimers(fw);
        assertThat(out.transmits()).as("no more probes once resolved").isEmpty();
        assertThat(out.drops()).isEmpty();
    }

    @Test
    void gives_up_after_3_probes_1_second_apart_and_sends_icmp_host_unreachable_to_the_source() {
        fw.receive(ping(VM2_IP, 64), UPLINK, out);
        out.fireAllTimers(fw);

        final var probes = out.transmits().stream().filter(t -> t.asFrame().etherType() == EtherType.ARP).toList();
        assertThat(probes).extracting(RecordingEgress.Transmit::atNs)
                .containsExactly(0L, 1_000_000_000L, 2_000_000_000L);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(out.onlyDrop().detail()).isEqualTo(VM2_IP);
        assertThat(out.onlyDrop().atNs()).isEqualTo(3_000_000_000L);

        // semantics.md section 8: "failure -> queued packets dropped and ICMP Destination Unreachable type 3 code 1"
        final var errors = out.transmits().stream().filter(t -> t.asFrame().etherType() == EtherType.IPV4).toList();
        assertThat(errors).hasSize(1);
        final Frame error = errors.get(0).asFrame();
        final int ip = error.l3Offset();
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(error.destinationMac()).isEqualTo(VM1);
        assertThat(Ipv4.source(error.bytes(), ip)).isEqualTo(GW_2003);
        assertThat(Ipv4.destination(error.bytes(), ip)).isEqualTo(VM1_IP);
        assertThat(Icmp.type(error.bytes(), ip + 20)).isEqualTo(Icmp.DESTINATION_UNREACHABLE);
        assertThat(Icmp.code(error.bytes(), ip + 20)).isEqualTo(Icmp.CODE_HOST_UNREACHABLE);
        assertThat(Ipv4.destination(error.bytes(), ip + 28)).as("quoted header").isEqualTo(VM2_IP);
    }

    @Test
    void ttl_1_is_dropped_with_icmp_time_exceeded_from_the_ingress_gateway_in_the_ingress_vlan() {
        vm2IsKnown();
        fw.receive(ping(VM2_IP, 1), UPLINK, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TTL_EXPIRED);
        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.action()).isEqualTo(Action.REPLIED);
        final Frame error = t.asFrame();
        final byte[] b = error.bytes();
        final int ip = error.l3Offset();
        final int icmp = ip + 20;
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(error.sourceMac()).isEqualTo(FW);
        assertThat(error.destinationMac()).isEqualTo(VM1);
        assertThat(Ipv4.source(b, ip)).isEqualTo(GW_2003);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM1_IP);
        assertThat(Checksum.sum(b, ip, 20)).isEqualTo(0xffff);
        assertThat(Icmp.type(b, icmp)).isEqualTo(Icmp.TIME_EXCEEDED);
        assertThat(Icmp.code(b, icmp)).isZero();
        assertThat(Checksum.sum(b, icmp, Ipv4.totalLength(b, ip) - 20)).isEqualTo(0xffff);
        assertThat(Ipv4.source(b, icmp + 8)).as("quoted source").isEqualTo(VM1_IP);
    }

    @Test
    void ttl_0_is_dropped_too() {
        vm2IsKnown();
        fw.receive(ping(VM2_IP, 0), UPLINK, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TTL_EXPIRED);
    }

    @Test
    void never_sends_an_icmp_error_about_an_icmp_error() {
        vm2IsKnown();
        final Frame echo = Frames.icmpEcho(VM2, VM1, VM2_IP, VM1_IP);
        final Frame error = Packets.icmpError(new Frame(), echo, VM1, FW, VM1_IP, Icmp.DESTINATION_UNREACHABLE,
                Icmp.CODE_PORT_UNREACHABLE, 0, 9);
        final int ip = error.l3Offset();
        error.bytes()[ip + 8] = 1;                                      // TTL 1
        Bytes.u16(error.bytes(), ip + 10, 0);
        Bytes.u16(error.bytes(), ip + 10, Checksum.compute(error.bytes(), ip, 20));

        fw.receive(Frames.tagged(error, 2003), UPLINK, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(out.transmits()).isEmpty();
    }

    @Test
    void acl_first_match_wins_with_the_rule_number_and_default_permit() {
        vm2IsKnown();
        fw.addAclRule(AclRule.parse("permit 172.16.4.10/32 172.16.5.0/24 icmp"));
        fw.addAclRule(AclRule.parse("deny 172.16.4.0/24 172.16.5.0/24"));

        fw.receive(ping(VM2_IP, 64), UPLINK, out);
        assertThat(out.onlyTransmit().action()).as("rule 1 permits").isEqualTo(Action.ROUTED);

        out.clear();
        fw.receive(Frames.tagged(Frames.icmpEcho(VM1, FW, ip("172.16.4.11"), VM2_IP), 2003), UPLINK, out);
        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.ACL_DENIED);
        assertThat(out.onlyDrop().detail()).as("rule number, 1-based").isEqualTo(2);

        out.clear();
        fw.receive(Frames.tagged(Frames.icmpEcho(VM1, FW, ip("172.16.4.11"), VM3_IP), 2003), UPLINK, out);
        assertThat(out.drops()).as("no rule matches: permitted").isEmpty();
        assertThat(out.onlyTransmit().asFrame().etherType()).as("ARP for VM3").isEqualTo(EtherType.ARP);
    }

    @Test
    void ttl_is_checked_before_the_acl_as_ip_forward_runs_the_forward_filter_last() {
        vm2IsKnown();
        fw.addAclRule(AclRule.parse("deny any any"));
        fw.receive(ping(VM2_IP, 1), UPLINK, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(out.onlyTransmit().action()).as("ICMP time exceeded").isEqualTo(Action.REPLIED);
    }

    @Test
    void never_sends_an_icmp_error_about_a_broadcast_destination() {
        fw.receive(ping(ip("255.255.255.255"), 1), UPLINK, out);
        assertThat(out.drops()).hasSize(1);
        assertThat(out.transmits()).isEmpty();
    }

    @Test
    void no_route_is_dropped_with_icmp_destination_unreachable() {
        fw.receive(ping(ip("10.9.9.9"), 64), UPLINK, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_ROUTE);
        assertThat(out.onlyDrop().detail()).isEqualTo(ip("10.9.9.9"));
        final Frame error = out.onlyTransmit().asFrame();
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(Icmp.type(error.bytes(), error.l3Offset() + 20)).isEqualTo(Icmp.DESTINATION_UNREACHABLE);
        assertThat(Ipv4.destination(error.bytes(), error.l3Offset())).isEqualTo(VM1_IP);
    }

    @Test
    void df_packet_larger_than_the_egress_mtu_gets_icmp_fragmentation_needed_with_the_next_hop_mtu() {
        final Frame big = Frames.tagged(Frames.icmpEcho(VM1, FW, VM1_IP, VM3_IP, 64, 1500 - 28), 2003);

        fw.receive(big, UPLINK, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.MTU_EXCEEDED);
        assertThat(out.onlyDrop().detail()).isEqualTo(1400);
        final Frame error = out.onlyTransmit().asFrame();
        final byte[] b = error.bytes();
        final int icmp = error.l3Offset() + 20;
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(Icmp.type(b, icmp)).isEqualTo(3);
        assertThat(Icmp.code(b, icmp)).isEqualTo(4);
        assertThat(Bytes.u16(b, icmp + 6)).as("next-hop MTU").isEqualTo(1400);
        assertThat(Ipv4.source(b, error.l3Offset())).isEqualTo(GW_2003);
    }

    @Test
    void a_packet_of_exactly_the_egress_mtu_is_routed() {
        fw.receive(Frames.tagged(Frames.icmpEcho(VM1, FW, VM1_IP, VM3_IP, 64, 1400 - 28), 2003), UPLINK, out);
        assertThat(out.drops()).isEmpty();
        assertThat(out.onlyTransmit().asFrame().etherType()).as("ARP for the next hop").isEqualTo(EtherType.ARP);
    }

    @Test
    void answers_a_ping_to_its_gateway_address() {
        fw.receive(ping(GW_2003, 64), UPLINK, out);

        assertThat(out.deliveries()).hasSize(1);
        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.action()).isEqualTo(Action.REPLIED);
        final Frame reply = t.asFrame();
        final byte[] b = reply.bytes();
        final int ip = reply.l3Offset();
        assertThat(reply.vlanId()).isEqualTo(2003);
        assertThat(reply.destinationMac()).isEqualTo(VM1);
        assertThat(reply.sourceMac()).isEqualTo(FW);
        assertThat(Ipv4.source(b, ip)).isEqualTo(GW_2003);
        assertThat(Ipv4.destination(b, ip)).isEqualTo(VM1_IP);
        assertThat(Icmp.type(b, ip + 20)).isEqualTo(Icmp.ECHO_REPLY);
        assertThat(Icmp.identifier(b, ip + 20)).isEqualTo(Frames.PING_ID);
        assertThat(Checksum.sum(b, ip + 20, 64)).isEqualTo(0xffff);
    }

    @Test
    void drops_an_ipv4_packet_with_a_bad_header_checksum() {
        final Frame f = ping(VM2_IP, 64);
        f.bytes()[f.l3Offset() + 10] ^= 0x01;
        fw.receive(f, UPLINK, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.BAD_IPV4_HEADER);
        assertThat(out.transmits()).isEmpty();
    }
}

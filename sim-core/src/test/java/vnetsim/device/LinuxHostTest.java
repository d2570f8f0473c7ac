package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;

/** A Linux machine's IPv4 stack: VLAN devices on a NIC, ARP for any own address, ip_forward (semantics.md 1, 8). */
class LinuxHostTest {
    private static final long NIC_MAC = mac("00:01:02:03:04:02");
    private static final long PEER = mac("00:01:02:03:04:01");
    private final RecordingEgress out = new RecordingEgress();
    private final LinuxHost router = new LinuxHost("router");
    private final int rp1 = router.addNic("rp1", NIC_MAC, 1500);
    private final int rp2 = router.addNic("rp2", mac("00:01:02:03:04:03"), 1500);

    LinuxHostTest() {
        router.addVlanAddress(rp1, 1, ip("192.0.2.1"), 24);           // rp1.1, router_vid_1.sh
        router.addAddress(rp2, ip("198.51.100.1"), 24);
    }

    @Test
    void answers_arp_on_a_vlan_device_with_a_reply_tagged_for_that_vlan() {
        router.receive(Frames.tagged(Frames.arpRequest(PEER, ip("192.0.2.2"), ip("192.0.2.1")), 1), rp1, out);

        final Frame reply = out.onlyTransmit().asFrame();
        assertThat(reply.outerType()).isEqualTo(EtherType.VLAN_8021Q);
        assertThat(reply.vlanId()).isEqualTo(1);
        assertThat(reply.sourceMac()).isEqualTo(NIC_MAC);
    }

    @Test
    void a_tagged_frame_for_a_vid_without_vlan_device_is_dropped_and_the_drop_names_the_vid() {
        router.receive(Frames.tagged(Frames.arpRequest(PEER, ip("192.0.2.2"), ip("192.0.2.1")), 5), rp1, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_VLAN_SUBINTERFACE);
        assertThat(out.onlyDrop().detail()).isEqualTo(5);
    }

    @Test
    void without_ip_forward_a_packet_for_another_address_is_not_routed() {
        final Frame echo = Frames.tagged(Frames.icmpEcho(PEER, NIC_MAC, ip("192.0.2.2"), ip("198.51.100.2")), 1);

        router.receive(echo, rp1, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.IP_NOT_FOR_THIS_HOST);
    }

    @Test
    void with_ip_forward_a_packet_with_ttl_1_is_dropped_and_time_exceeded_goes_back_tagged() {
        router.setForwarding(true);
        router.addNeighbor(ip("192.0.2.2"), PEER);
        final Frame echo = Frames.tagged(Frames.icmpEcho(PEER, NIC_MAC, ip("192.0.2.2"), ip("198.51.100.2"), 1, 56), 1);

        router.receive(echo, rp1, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TTL_EXPIRED);
        final Frame error = out.onlyTransmit().asFrame();
        assertThat(out.onlyTransmit().port()).isEqualTo(rp1);
        assertThat(error.vlanId()).isEqualTo(1);
        assertThat(Icmp.type(error.bytes(), error.l3Offset() + Ipv4.HEADER_LENGTH)).isEqualTo(Icmp.TIME_EXCEEDED);
    }

    @Test
    void with_ip_forward_a_packet_is_routed_untagged_out_of_the_other_nic_with_ttl_decremented() {
        router.setForwarding(true);
        router.addNeighbor(ip("198.51.100.2"), mac("00:01:02:03:04:04"));
        final Frame echo = Frames.tagged(Frames.icmpEcho(PEER, NIC_MAC, ip("192.0.2.2"), ip("198.51.100.2")), 1);

        router.receive(echo, rp1, out);

        final Frame routed = out.onlyTransmit().asFrame();
        assertThat(out.onlyTransmit().port()).isEqualTo(rp2);
        assertThat(out.onlyTransmit().action()).isEqualTo(Action.ROUTED);
        assertThat(routed.isTagged()).isFalse();
        assertThat(Ipv4.ttl(routed.bytes(), routed.l3Offset())).isEqualTo(63);
        assertThat(Ipv4.isValidHeader(routed.bytes(), routed.l3Offset(), routed.end() - routed.l3Offset())).isTrue();
    }

    @Test
    void mtu_changes_are_checked_as_the_kernel_checks_them() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> router.setMtu("rp1", 67))
                .hasMessage("Error: mtu less than device minimum.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> router.setMtu("rp1", LinuxHost.MAX_MTU + 1))
                .hasMessage("Error: mtu greater than device maximum.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> router.setMtu("rp1.1", 1501))
                .hasMessage("RTNETLINK answers: Numerical result out of range");
        router.setMtu("rp1", 1400);
        assertThat(router.mtu("rp1.1")).as("a VLAN device follows its parent down").isEqualTo(1400);
    }

    // fib_lookup() (net/ipv4/fib_trie.c) picks the longest matching prefix over connected and static routes alike:
    // a /25 via a gateway beats the connected /24 that holds it. Before RouteTable, LinuxHost took a connected
    // destination first whatever the static routes said.
    @Test
    void a_static_route_longer_than_the_connected_subnet_wins_as_fib_lookup_chooses() {
        router.setForwarding(true);
        router.addRoute(ip("198.51.100.128"), 25, ip("192.0.2.254"));
        router.addNeighbor(ip("192.0.2.254"), PEER);
        final Frame echo = Frames.icmpEcho(mac("00:01:02:03:04:09"), mac("00:01:02:03:04:03"), ip("198.51.100.7"),
                ip("198.51.100.200"));

        router.receive(echo, rp2, out);

        assertThat(out.onlyTransmit().port()).as("out of rp1.1, towards the gateway").isEqualTo(rp1);
        assertThat(out.onlyTransmit().asFrame().destinationMac()).isEqualTo(PEER);
        assertThat(out.onlyTransmit().asFrame().vlanId()).isEqualTo(1);
    }

    // The kernel refuses a route whose gateway is on no connected subnet ("Nexthop has invalid gateway"), so such
    // a route never takes a packet: the shorter default route does (fib_lookup over the routes that exist).
    @Test
    void a_static_route_whose_gateway_is_not_connected_is_skipped_for_a_shorter_one() {
        router.setForwarding(true);
        router.addRoute(0, 0, ip("198.51.100.254"));
        router.addRoute(ip("203.0.113.0"), 24, ip("10.9.9.9"));             // gateway on no connected subnet
        router.addNeighbor(ip("198.51.100.254"), mac("00:01:02:03:04:04"));
        final Frame echo = Frames.tagged(Frames.icmpEcho(PEER, NIC_MAC, ip("192.0.2.2"), ip("203.0.113.5")), 1);

        router.receive(echo, rp1, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(rp2);
        assertThat(out.onlyTransmit().asFrame().destinationMac()).isEqualTo(mac("00:01:02:03:04:04"));
    }

    // neigh_resolve_output(): an unknown next hop queues the packet and sends one ARP request from the egress VLAN
    // device; the reply releases the packet to the MAC it taught.
    @Test
    void a_routed_packet_waits_for_arp_and_leaves_when_the_reply_arrives() {
        router.setForwarding(true);
        final Frame echo = Frames.tagged(Frames.icmpEcho(PEER, NIC_MAC, ip("192.0.2.2"), ip("198.51.100.2")), 1);

        router.receive(echo, rp1, out);

        final Frame request = out.onlyTransmit().asFrame();
        assertThat(out.onlyTransmit().port()).isEqualTo(rp2);
        assertThat(request.etherType()).isEqualTo(EtherType.ARP);
        assertThat(out.scheduled()).hasSize(1);
        out.clear();
        final long answer = mac("00:01:02:03:04:04");
        router.receive(Frames.arpReply(answer, ip("198.51.100.2"), mac("00:01:02:03:04:03"), ip("198.51.100.1")),
                rp2, out);

        assertThat(out.deliveries()).hasSize(1);
        assertThat(out.onlyTransmit().asFrame().destinationMac()).isEqualTo(answer);
        assertThat(router.neighbor(ip("198.51.100.2"))).isEqualTo(answer);
    }
}

package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.device.l3.RouterInterface;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;

/**
 * Static and default routes and a routed port without VLANs. Linux semantics: fib_lookup() takes the longest
 * matching prefix; the next hop of a gateway route is resolved by ARP on the egress interface (the gateway's
 * address, not the destination's); no route gives ICMP net unreachable (ip_error() for -ENETUNREACH); a route
 * whose gateway is on no connected subnet is never installed ("Nexthop has invalid gateway").
 */
class RoutingFirewallRoutesTest {
    private static final int TRUNK = 0;
    private static final int ROUTED = 1;
    private static final long FW_TRUNK = mac("00:1b:17:00:01:01");
    private static final long FW_ROUTED = mac("00:1b:17:00:01:02");
    private static final long VM1 = mac("02:00:ac:10:04:0a");
    private static final long UPSTREAM = mac("02:00:c6:33:64:01");
    private static final long BRANCH_GW = mac("02:00:ac:10:05:fe");
    private static final int VM1_IP = ip("172.16.4.10");
    private static final int FW_ROUTED_IP = ip("198.51.100.2");
    private static final int UPSTREAM_IP = ip("198.51.100.1");
    private static final int BRANCH_GW_IP = ip("172.16.5.254");
    private static final int INTERNET = ip("8.8.8.8");

    private final RecordingEgress out = new RecordingEgress();
    private final RoutingFirewall fw = new RoutingFirewall("Firewall", "eth0", FW_TRUNK);

    RoutingFirewallRoutesTest() {
        assertThat(fw.addPort("eth1", FW_ROUTED)).isEqualTo(ROUTED);
        fw.addInterface(new RouterInterface("eth0.2003", 2003, ip("172.16.4.1"), 24, 1500, TRUNK));
        fw.addInterface(new RouterInterface("eth0.2004", 2004, ip("172.16.5.1"), 24, 1500, TRUNK));
        fw.addInterface(new RouterInterface("eth1", RouterInterface.UNTAGGED, FW_ROUTED_IP, 30, 1500, ROUTED));
    }

    private void withDefaultAndBranchRoutes() {
        fw.addRoute(StaticRoute.defaultVia(UPSTREAM_IP));
        fw.addRoute(new StaticRoute(ip("10.20.0.0"), 16, BRANCH_GW_IP));
        fw.addRoute(new StaticRoute(ip("10.20.30.0"), 24, UPSTREAM_IP));
    }

    /** A neighbour ARPs for the router's address on its interface: the router learns it (RFC 826). */
    private void known(final long mac, final int address, final int target, final int port, final int vid) {
        final Frame request = Frames.arpRequest(mac, address, target);
        fw.receive(vid == 0 ? request : Frames.tagged(request, vid), port, out);
        out.clear();
    }

    private Frame pingFromVm1(final int destination) {
        return Frames.tagged(Frames.icmpEcho(VM1, FW_TRUNK, VM1_IP, destination, 64, 56), 2003);
    }

    @Test
    void a_default_route_resolves_its_gateway_by_arp_on_the_routed_port_untagged() {
        withDefaultAndBranchRoutes();

        fw.receive(pingFromVm1(INTERNET), TRUNK, out);

        final RecordingEgress.Transmit probe = out.onlyTransmit();
        assertThat(probe.port()).isEqualTo(ROUTED);
        final Frame arp = probe.asFrame();
        assertThat(arp.isTagged()).isFalse();
        assertThat(arp.sourceMac()).isEqualTo(FW_ROUTED);
        assertThat(Arp.targetIp(arp.bytes(), arp.l3Offset())).isEqualTo(UPSTREAM_IP);   // the gateway, not 8.8.8.8
        assertThat(Arp.senderIp(arp.bytes(), arp.l3Offset())).isEqualTo(FW_ROUTED_IP);
    }

    @Test
    void once_the_gateway_answers_the_queued_packet_leaves_untagged_with_the_ports_mac_and_ttl_minus_one() {
        withDefaultAndBranchRoutes();
        fw.receive(pingFromVm1(INTERNET), TRUNK, out);
        out.clear();

        fw.receive(Frames.arpReply(UPSTREAM, UPSTREAM_IP, FW_ROUTED, FW_ROUTED_IP), ROUTED, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.action()).isEqualTo(Action.ROUTED);
        assertThat(t.port()).isEqualTo(ROUTED);
        final Frame routed = t.asFrame();
        assertThat(routed.tagCount()).isZero();                          // tag 2003 popped
        assertThat(routed.sourceMac()).isEqualTo(FW_ROUTED);
        assertThat(routed.destinationMac()).isEqualTo(UPSTREAM);
        assertThat(Ipv4.destination(routed.bytes(), routed.l3Offset())).isEqualTo(INTERNET);
        assertThat(Ipv4.ttl(routed.bytes(), routed.l3Offset())).isEqualTo(63);
        assertThat(Ipv4.isValidHeader(routed.bytes(), routed.l3Offset(), routed.end() - routed.l3Offset())).isTrue();
    }

    @Test
    void the_longest_matching_prefix_wins_over_shorter_static_routes_and_the_default() {
        withDefaultAndBranchRoutes();
        known(UPSTREAM, UPSTREAM_IP, FW_ROUTED_IP, ROUTED, 0);
        known(BRANCH_GW, BRANCH_GW_IP, ip("172.16.5.1"), TRUNK, 2004);

        fw.receive(pingFromVm1(ip("10.20.1.5")), TRUNK, out);             // 10.20.0.0/16 via 172.16.5.254
        fw.receive(pingFromVm1(ip("10.20.30.5")), TRUNK, out);            // 10.20.30.0/24 via 198.51.100.1
        fw.receive(pingFromVm1(ip("10.99.0.1")), TRUNK, out);             // default

        assertThat(out.transmits()).extracting(RecordingEgress.Transmit::port)
                .containsExactly(TRUNK, ROUTED, ROUTED);
        final Frame branch = out.transmits().get(0).asFrame();
        assertThat(branch.vlanId()).isEqualTo(2004);
        assertThat(branch.destinationMac()).isEqualTo(BRANCH_GW);
        assertThat(out.transmits().get(1).asFrame().destinationMac()).isEqualTo(UPSTREAM);
        assertThat(out.transmits().get(2).asFrame().destinationMac()).isEqualTo(UPSTREAM);
    }

    @Test
    void a_connected_subnet_is_reached_directly_even_with_a_default_route() {
        withDefaultAndBranchRoutes();
        final int vm2 = ip("172.16.5.10");

        fw.receive(pingFromVm1(vm2), TRUNK, out);

        final Frame probe = out.onlyTransmit().asFrame();
        assertThat(probe.vlanId()).isEqualTo(2004);
        assertThat(Arp.targetIp(probe.bytes(), probe.l3Offset())).isEqualTo(vm2);
    }

    @Test
    void without_a_route_it_answers_icmp_net_unreachable_in_the_ingress_vlan_and_names_the_destination() {
        fw.receive(pingFromVm1(INTERNET), TRUNK, out);

        final RecordingEgress.Drop drop = out.onlyDrop();
        assertThat(drop.reason()).isEqualTo(DropReason.NO_ROUTE);
        assertThat(drop.detail()).isEqualTo(INTERNET);
        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.port()).isEqualTo(TRUNK);
        final Frame error = t.asFrame();
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(error.destinationMac()).isEqualTo(VM1);
        final int icmp = error.l3Offset() + 20;
        assertThat(Icmp.type(error.bytes(), icmp)).isEqualTo(Icmp.DESTINATION_UNREACHABLE);
        assertThat(Icmp.code(error.bytes(), icmp)).isZero();                     // net unreachable
    }

    @Test
    void a_route_whose_gateway_is_on_no_connected_subnet_is_not_used() {
        fw.addRoute(StaticRoute.defaultVia(ip("203.0.113.1")));

        fw.receive(pingFromVm1(INTERNET), TRUNK, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_ROUTE);
    }

    @Test
    void an_untagged_packet_on_the_routed_port_is_routed_onto_a_subinterface_with_the_tag_pushed() {
        known(VM1, VM1_IP, ip("172.16.4.1"), TRUNK, 2003);

        fw.receive(Frames.icmpEcho(UPSTREAM, FW_ROUTED, INTERNET, VM1_IP, 64, 56), ROUTED, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.port()).isEqualTo(TRUNK);
        final Frame routed = t.asFrame();
        assertThat(routed.tagCount()).isEqualTo(1);
        assertThat(routed.vlanId()).isEqualTo(2003);
        assertThat(routed.etherType()).isEqualTo(EtherType.IPV4);
        assertThat(routed.sourceMac()).isEqualTo(FW_TRUNK);
        assertThat(routed.destinationMac()).isEqualTo(VM1);
    }

    @Test
    void the_routed_port_answers_arp_untagged_from_its_own_mac() {
        fw.receive(Frames.arpRequest(UPSTREAM, UPSTREAM_IP, FW_ROUTED_IP), ROUTED, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.port()).isEqualTo(ROUTED);
        assertThat(t.asFrame().isTagged()).isFalse();
        assertThat(t.asFrame().sourceMac()).isEqualTo(FW_ROUTED);
    }

    @Test
    void each_port_takes_only_frames_for_its_own_mac_and_its_own_vlans() {
        fw.receive(Frames.icmpEcho(UPSTREAM, FW_TRUNK, INTERNET, VM1_IP, 64, 56), ROUTED, out);
        fw.receive(Frames.tagged(Frames.icmpEcho(UPSTREAM, FW_ROUTED, INTERNET, VM1_IP, 64, 56), 7), ROUTED, out);
        fw.receive(Frames.icmpEcho(VM1, FW_TRUNK, VM1_IP, INTERNET, 64, 56), TRUNK, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.drops()).extracting(RecordingEgress.Drop::reason).containsExactly(
                DropReason.NOT_FOR_THIS_ROUTER, DropReason.NO_ROUTER_INTERFACE, DropReason.NO_ROUTER_INTERFACE);
        assertThat(out.drops()).extracting(RecordingEgress.Drop::detail).containsExactly(0, 7, 0);
    }

    @Test
    void a_gateway_that_never_answers_gives_host_unreachable_to_the_source_and_names_the_gateway() {
        withDefaultAndBranchRoutes();
        fw.receive(pingFromVm1(INTERNET), TRUNK, out);
        out.fireAllTimers(fw);

        assertThat(out.transmits()).filteredOn(t -> t.port() == ROUTED).hasSize(3);   // three ARP probes
        final RecordingEgress.Drop drop = out.onlyDrop();
        assertThat(drop.reason()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(drop.detail()).isEqualTo(UPSTREAM_IP);
        final Frame error = out.transmits().stream().filter(t -> t.port() == TRUNK).findFirst().orElseThrow()
                .asFrame();
        assertThat(error.vlanId()).isEqualTo(2003);
        assertThat(Icmp.code(error.bytes(), error.l3Offset() + 20)).isEqualTo(Icmp.CODE_HOST_UNREACHABLE);
    }

    @Test
    void a_second_interface_for_one_vlan_on_one_port_is_refused_but_the_same_vid_on_another_port_is_not() {
        fw.addInterface(new RouterInterface("eth1.2003", 2003, ip("10.0.0.1"), 24, 1500, ROUTED));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                fw.addInterface(new RouterInterface("again", 2003, ip("10.1.0.1"), 24, 1500, TRUNK)))
                .hasMessage("Firewall already has a subinterface for VLAN 2003 on eth0");
    }

    @Test
    void a_shut_interface_takes_no_frames_and_its_subnet_and_the_routes_through_it_are_gone() {
        withDefaultAndBranchRoutes();
        fw.setInterfaceUp("eth1", false);

        fw.receive(Frames.arpRequest(UPSTREAM, UPSTREAM_IP, FW_ROUTED_IP), ROUTED, out);
        fw.receive(pingFromVm1(ip("198.51.100.1")), TRUNK, out);     // its connected subnet: withdrawn
        fw.receive(pingFromVm1(INTERNET), TRUNK, out);               // the default route's gateway: unreachable

        assertThat(out.drops()).extracting(RecordingEgress.Drop::reason).containsExactly(
                DropReason.LINK_DOWN, DropReason.NO_ROUTE, DropReason.NO_ROUTE);
    }
}

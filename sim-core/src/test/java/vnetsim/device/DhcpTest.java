package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.frame.Dhcp;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;

/** DHCPv4 (RFC 2131 section 4.3, 4.4) between an endpoint's client and the server device, one frame at a time. */
class DhcpTest {
    private static final long CLIENT = mac("02:00:00:19:28:0a");
    private static final long SERVER_MAC = mac("02:00:c0:a8:1c:02");
    private static final int SERVER = ip("192.168.28.2");

    private final RecordingEgress out = new RecordingEgress();
    private final DhcpServer server = new DhcpServer("dhcp", "eth0", SERVER_MAC, SERVER, 24, ip("192.168.28.100"),
            ip("192.168.28.101"), ip("192.168.28.1"), 3600);
    private final Endpoint client = new Endpoint("vm", "eth0", Endpoint.Workload.VM, CLIENT, 0, 0, 0, 64);

    private static Dhcp.Message message(final RecordingEgress.Transmit t, final int port) {
        return Dhcp.read(t.asFrame(), port);
    }

    @Test
    void discover_is_a_broadcast_bootrequest_from_0_0_0_0_to_port_67() {
        client.startDhcp(out);

        final Frame f = out.onlyTransmit().asFrame();
        assertThat(f.destinationMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(Ipv4.source(f.bytes(), f.l3Offset())).isZero();
        assertThat(Ipv4.destination(f.bytes(), f.l3Offset())).isEqualTo(-1);
        final Dhcp.Message m = message(out.onlyTransmit(), Dhcp.SERVER_PORT);
        assertThat(m.type()).isEqualTo(Dhcp.DISCOVER);
        assertThat(m.chaddr()).isEqualTo(CLIENT);
        assertThat(m.broadcast()).isFalse();
        assertThat(f.length()).isGreaterThanOrEqualTo(14 + 20 + 8 + 300);       // BOOTP minimum (RFC 1542)
    }

    @Test
    void the_server_offers_the_first_free_address_by_unicast_to_chaddr_with_mask_router_and_lease() {
        client.startDhcp(out);
        final Frame discover = out.onlyTransmit().asFrame();
        out.clear();

        server.receive(discover, DhcpServer.PORT, out);

        assertThat(out.deliveries()).hasSize(1);
        final Frame offer = out.onlyTransmit().asFrame();
        assertThat(offer.destinationMac()).isEqualTo(CLIENT);
        assertThat(Ipv4.destination(offer.bytes(), offer.l3Offset())).isEqualTo(ip("192.168.28.100"));
        final Dhcp.Message m = message(out.onlyTransmit(), Dhcp.CLIENT_PORT);
        assertThat(m.type()).isEqualTo(Dhcp.OFFER);
        assertThat(m.yiaddr()).isEqualTo(ip("192.168.28.100"));
        assertThat(m.serverId()).isEqualTo(SERVER);
        assertThat(m.mask()).isEqualTo(ip("255.255.255.0"));
        assertThat(m.router()).isEqualTo(ip("192.168.28.1"));
        assertThat(m.leaseSeconds()).isEqualTo(3600);
    }

    @Test
    void the_full_exchange_binds_the_lease_on_the_interface() {
        client.startDhcp(out);
        server.receive(out.onlyTransmit().asFrame(), DhcpServer.PORT, out);
        final Frame offer = out.transmits().get(1).asFrame();
        out.clear();

        client.receive(offer, Endpoint.NIC, out);
        final Dhcp.Message request = message(out.onlyTransmit(), Dhcp.SERVER_PORT);
        assertThat(request.type()).isEqualTo(Dhcp.REQUEST);
        assertThat(request.requestedIp()).isEqualTo(ip("192.168.28.100"));
        assertThat(request.serverId()).isEqualTo(SERVER);
        final Frame requestFrame = out.onlyTransmit().asFrame();
        out.clear();

        server.receive(requestFrame, DhcpServer.PORT, out);
        final Frame ack = out.onlyTransmit().asFrame();
        assertThat(Dhcp.read(ack, Dhcp.CLIENT_PORT).type()).isEqualTo(Dhcp.ACK);
        assertThat(client.ip()).isZero();
        out.clear();

        client.receive(ack, Endpoint.NIC, out);
        assertThat(client.ip()).isEqualTo(ip("192.168.28.100"));
        assertThat(client.prefixLength()).isEqualTo(24);
        assertThat(client.gateway()).isEqualTo(ip("192.168.28.1"));
    }

    @Test
    void without_an_answer_the_client_retransmits_after_4_8_16_s_and_gives_up_after_60_s() {
        client.startDhcp(out);
        out.fireAllTimers(client);

        assertThat(out.transmits()).extracting(RecordingEgress.Transmit::atNs)
                .containsExactly(0L, 4_000_000_000L, 12_000_000_000L, 28_000_000_000L);
        assertThat(out.now()).isEqualTo(60_000_000_000L);
        assertThat(client.ip()).isZero();
    }

    @Test
    void a_reply_for_another_transaction_is_ignored() {
        client.startDhcp(out);
        final Dhcp.Message foreign = new Dhcp.Message(Dhcp.OFFER, 0x1234, false, 0, ip("192.168.28.100"), 0, CLIENT,
                SERVER, 0, 3600, 0, 0);
        out.clear();

        client.receive(Dhcp.write(new Frame(), SERVER_MAC, CLIENT, SERVER, ip("192.168.28.100"), foreign, 1),
                Endpoint.NIC, out);

        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.DHCP_REPLY_IGNORED);
        assertThat(out.transmits()).isEmpty();
    }

    @Test
    void a_request_for_an_address_the_server_did_not_offer_gets_a_broadcast_nak_and_the_client_starts_over() {
        final Dhcp.Message request = new Dhcp.Message(Dhcp.REQUEST, 7, false, 0, 0, 0, CLIENT, 0,
                ip("192.168.28.150"), 0, 0, 0);

        server.receive(Dhcp.write(new Frame(), CLIENT, MacAddress.BROADCAST, 0, -1, request, 1), DhcpServer.PORT, out);

        final Frame nak = out.onlyTransmit().asFrame();
        assertThat(nak.destinationMac()).isEqualTo(MacAddress.BROADCAST);
        assertThat(Dhcp.read(nak, Dhcp.CLIENT_PORT).type()).isEqualTo(Dhcp.NAK);
    }

    @Test
    void a_request_naming_another_server_withdraws_the_offer() {
        final Dhcp.Message request = new Dhcp.Message(Dhcp.REQUEST, 7, false, 0, 0, 0, CLIENT, ip("192.168.28.3"),
                ip("192.168.28.100"), 0, 0, 0);

        server.receive(Dhcp.write(new Frame(), CLIENT, MacAddress.BROADCAST, 0, -1, request, 1), DhcpServer.PORT, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.DHCP_REQUEST_NOT_FOR_THIS_SERVER);
        assertThat(out.onlyDrop().reason().describe(out.onlyDrop().detail())).isEqualTo(
                "DHCPREQUEST selects server 192.168.28.3, not this one");
    }

    @Test
    void an_exhausted_pool_sends_no_offer() {
        for (final long chaddr : new long[] {mac("02:00:00:00:00:01"), mac("02:00:00:00:00:02"),
                mac("02:00:00:00:00:03")}) {
            final Dhcp.Message d = new Dhcp.Message(Dhcp.DISCOVER, 1, false, 0, 0, 0, chaddr, 0, 0, 0, 0, 0);
            server.receive(Dhcp.write(new Frame(), chaddr, MacAddress.BROADCAST, 0, -1, d, 1), DhcpServer.PORT, out);
        }

        assertThat(out.transmits()).hasSize(2);                       // a pool of two addresses
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.DHCP_POOL_EXHAUSTED);
    }

    @Test
    void the_server_answers_arp_for_its_address() {
        server.receive(Frames.arpRequest(mac("02:00:00:00:00:01"), ip("192.168.28.100"), SERVER), DhcpServer.PORT,
                out);

        assertThat(out.onlyTransmit().action()).isEqualTo(Action.REPLIED);
    }

    @Test
    void lease_state_belongs_to_one_simulation() {
        final Dhcp.Message d = new Dhcp.Message(Dhcp.DISCOVER, 1, false, 0, 0, 0, CLIENT, 0, 0, 0, 0, 0);
        server.instantiate().receive(Dhcp.write(new Frame(), CLIENT, MacAddress.BROADCAST, 0, -1, d, 1),
                DhcpServer.PORT, out);
        final Dhcp.Message other = new Dhcp.Message(Dhcp.DISCOVER, 1, false, 0, 0, 0, mac("02:00:00:00:00:09"), 0, 0,
                0, 0, 0);
        out.clear();

        server.instantiate().receive(Dhcp.write(new Frame(), mac("02:00:00:00:00:09"), MacAddress.BROADCAST, 0, -1,
                other, 1), DhcpServer.PORT, out);

        assertThat(message(out.onlyTransmit(), Dhcp.CLIENT_PORT).yiaddr()).isEqualTo(ip("192.168.28.100"));
    }
}

package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.Packets;

/**
 * The CNI bridge plugin's ipMasq on a node's stack (containernetworking/plugins pkg/ip/ipmasq_linux.go
 * SetupIPMasq(): nat POSTROUTING {@code -s 10.1.1.0/24 -j CHAIN}; CHAIN {@code -d 10.1.1.0/24 -j ACCEPT},
 * {@code ! -d 224.0.0.0/4 -j MASQUERADE}); replies are un-NATed by conntrack (nf_nat_ipv4_fn()).
 */
class LinuxHostIpMasqTest {
    private static final long POD = mac("0a:58:0a:01:01:05");
    private static final long NODE_PODS = mac("02:00:00:00:01:01");
    private static final long NODE_UPLINK = mac("02:00:00:00:02:01");
    private static final long PEER = mac("02:00:00:00:02:02");
    private final RecordingEgress out = new RecordingEgress();
    private final LinuxHost node = new LinuxHost("node");
    private final int pods = node.addNic("cni0", NODE_PODS, 1500);
    private final int uplink = node.addNic("ens3", NODE_UPLINK, 1500);

    LinuxHostIpMasqTest() {
        node.addAddress(pods, ip("10.1.1.1"), 24);
        node.addAddress(uplink, ip("198.51.100.1"), 24);
        node.setForwarding(true);
        node.addMasquerade(ip("10.1.1.0"), 24);
        node.addNeighbor(ip("10.1.1.5"), POD);
        node.addNeighbor(ip("198.51.100.2"), PEER);
    }

    private static String source(final Frame f) {
        return Ipv4Address.format(Ipv4.source(f.bytes(), f.l3Offset()));
    }

    private static String destination(final Frame f) {
        return Ipv4Address.format(Ipv4.destination(f.bytes(), f.l3Offset()));
    }

    private static boolean checksumsValid(final Frame f) {
        final int ip = f.l3Offset();
        final int icmpLength = Ipv4.totalLength(f.bytes(), ip) - Ipv4.headerLength(f.bytes(), ip);
        return Ipv4.isValidHeader(f.bytes(), ip, f.end() - ip)
                && vnetsim.frame.Checksum.sum(f.bytes(), ip + Ipv4.headerLength(f.bytes(), ip), icmpLength) == 0xffff;
    }

    @Test
    void a_pod_packet_leaving_the_subnet_gets_the_uplink_address_and_the_reply_comes_back_to_the_pod() {
        final Frame request = Frames.icmpEcho(POD, NODE_PODS, ip("10.1.1.5"), ip("198.51.100.2"));
        node.receive(request, pods, out);

        final Frame masqueraded = out.onlyTransmit().asFrame();
        assertThat(out.onlyTransmit().port()).isEqualTo(uplink);
        assertThat(source(masqueraded)).isEqualTo("198.51.100.1");
        assertThat(checksumsValid(masqueraded)).isTrue();

        final RecordingEgress back = new RecordingEgress();
        final Frame reply = Packets.icmpEchoReply(new Frame(), masqueraded, PEER, ip("198.51.100.2"), 64, 7);
        reply.setDestinationMac(NODE_UPLINK);
        node.receive(reply, uplink, back);

        final Frame unNatted = back.onlyTransmit().asFrame();
        assertThat(back.onlyTransmit().port()).isEqualTo(pods);
        assertThat(destination(unNatted)).isEqualTo("10.1.1.5");
        assertThat(checksumsValid(unNatted)).isTrue();
        assertThat(back.deliveries()).as("not consumed by the node").isEmpty();
    }

    @Test
    void traffic_from_outside_the_subnet_is_routed_with_its_own_source() {
        node.receive(Frames.icmpEcho(PEER, NODE_UPLINK, ip("198.51.100.2"), ip("10.1.1.5")), uplink, out);

        assertThat(source(out.onlyTransmit().asFrame())).isEqualTo("198.51.100.2");
    }

    @Test
    void without_the_rule_the_pod_packet_keeps_its_source() {
        final LinuxHost plain = new LinuxHost("plain");
        plain.addNic("cni0", NODE_PODS, 1500);
        plain.addNic("ens3", NODE_UPLINK, 1500);
        plain.addAddress(0, ip("10.1.1.1"), 24);
        plain.addAddress(1, ip("198.51.100.1"), 24);
        plain.setForwarding(true);
        plain.addNeighbor(ip("198.51.100.2"), PEER);
        plain.receive(Frames.icmpEcho(POD, NODE_PODS, ip("10.1.1.5"), ip("198.51.100.2")), 0, out);

        assertThat(source(out.onlyTransmit().asFrame())).isEqualTo("10.1.1.5");
    }

    @Test
    void an_echo_request_to_the_node_with_a_tracked_identifier_is_answered_by_the_node() {
        node.receive(Frames.icmpEcho(POD, NODE_PODS, ip("10.1.1.5"), ip("198.51.100.2")), pods, out);
        final RecordingEgress in = new RecordingEgress();

        node.receive(Frames.icmpEcho(PEER, NODE_UPLINK, ip("198.51.100.2"), ip("198.51.100.1")), uplink, in);

        assertThat(in.deliveries()).hasSize(1);
        final Frame answer = in.onlyTransmit().asFrame();
        assertThat(Icmp.type(answer.bytes(), answer.l3Offset() + Ipv4.HEADER_LENGTH)).isEqualTo(Icmp.ECHO_REPLY);
        assertThat(destination(answer)).isEqualTo("198.51.100.2");
    }

    @Test
    void a_fresh_instance_remembers_no_connection() {
        node.receive(Frames.icmpEcho(POD, NODE_PODS, ip("10.1.1.5"), ip("198.51.100.2")), pods, out);
        final Frame masqueraded = out.onlyTransmit().asFrame();
        final LinuxHost fresh = node.instantiate();
        final RecordingEgress back = new RecordingEgress();
        final Frame reply = Packets.icmpEchoReply(new Frame(), masqueraded, PEER, ip("198.51.100.2"), 64, 7);
        reply.setDestinationMac(NODE_UPLINK);

        fresh.receive(reply, uplink, back);

        assertThat(back.transmits()).isEmpty();
        assertThat(back.deliveries()).as("an echo reply for the node itself").hasSize(1);
    }
}

package vnetsim.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.MasqueradePod;
import vnetsim.engine.FrameObserver;
import vnetsim.engine.Simulator;
import vnetsim.frame.Bytes;
import vnetsim.frame.Checksum;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Packets;
import vnetsim.topology.Topology;

/**
 * An ICMP error the guest itself sends about a packet that reached it DNATed: the web pod sends UDP to the pod IP,
 * the masquerade pod DNATs it to 10.0.2.2, the guest answers "port unreachable" quoting the packet as it saw it
 * (destination 10.0.2.2). Leaving the pod, conntrack translates the quoted header back to what the web pod sent
 * (linux net/netfilter/nf_nat_proto.c nf_nat_icmp_reply_translation(): the inner tuple is manipulated with the
 * inverse of the connection's NAT, the ICMP checksum recomputed), so the web pod can match the error to its socket.
 */
class MasqueradeGuestIcmpErrorTest {
    private static final int UDP_PORT = 33434;            // Simulator.sendUdp's destination port

    @Test
    @DisplayName("the guest's port unreachable leaves the pod quoting the pod IP, every checksum valid")
    void quoted_destination_is_translated_back_to_the_pod_ip() {
        final Topology t = PodNetworkLab.topology(List.of(new MasqueradePod.ForwardedPort(Ipv4.PROTOCOL_UDP,
                UDP_PORT)));
        final Simulator sim = new Simulator(t);
        final int web = Network.endpoint(t, "web");
        final List<byte[]> atVm = new ArrayList<>();
        final List<byte[]> atWeb = new ArrayList<>();
        final List<byte[]> sentByWeb = new ArrayList<>();
        sim.observe(new FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final Frame frame) {
                if (frame.etherType() != 0x0800) {
                    return;
                }
                final byte[] packet = Arrays.copyOfRange(frame.bytes(), frame.l3Offset(), frame.end());
                if (device == 0 && direction == Direction.IN) {
                    atVm.add(Arrays.copyOfRange(frame.bytes(), frame.start(), frame.end()));
                } else if (device == web && direction == Direction.IN) {
                    atWeb.add(packet);
                } else if (device == web && direction == Direction.OUT) {
                    sentByWeb.add(packet);
                }
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
            }
        });
        sim.sendUdp(web, PodNetworkLab.POD_IP);
        sim.run();
        assertThat(atVm).hasSize(1);
        final Frame received = new Frame().load(atVm.get(0), 0, atVm.get(0).length);
        assertThat(Ipv4.destination(received.bytes(), received.l3Offset())).isEqualTo(MasqueradePod.GUEST);

        // the guest's kernel answers: ICMP destination unreachable, port unreachable, quoting what it received
        final Frame error = Packets.icmpError(new Frame(), received, PodNetworkLab.VM_MAC, MasqueradePod.BRIDGE_MAC,
                MasqueradePod.GUEST, Icmp.DESTINATION_UNREACHABLE, Icmp.CODE_PORT_UNREACHABLE, 0, 7);
        sim.inject(1, MasqueradePod.K6T, error.bytes(), error.start(), error.length());
        sim.run();

        final byte[] b = atWeb.stream().filter(p -> Ipv4.protocol(p, 0) == Ipv4.PROTOCOL_ICMP).findFirst()
                .orElseThrow();
        final int icmp = Ipv4.headerLength(b, 0);
        final int quoted = icmp + Icmp.HEADER_LENGTH;
        assertThat(Icmp.type(b, icmp)).isEqualTo(Icmp.DESTINATION_UNREACHABLE);
        assertThat(Ipv4.source(b, 0)).as("outer source masqueraded").isEqualTo(PodNetworkLab.POD_IP);
        assertThat(Ipv4.destination(b, quoted)).as("quoted destination as the web pod sent it")
                .isEqualTo(PodNetworkLab.POD_IP);
        assertThat(Ipv4.isValidHeader(b, 0, b.length)).as("outer IPv4 checksum").isTrue();
        assertThat(Checksum.sum(b, quoted, Ipv4.headerLength(b, quoted))).as("quoted IPv4 checksum").isEqualTo(0xffff);
        assertThat(Checksum.sum(b, icmp, Ipv4.totalLength(b, 0) - icmp)).as("ICMP checksum").isEqualTo(0xffff);
        // the quoted UDP header is the web pod's own again, checksum included
        final byte[] sent = sentByWeb.stream().filter(p -> Ipv4.protocol(p, 0) == Ipv4.PROTOCOL_UDP).findFirst()
                .orElseThrow();
        final int udp = quoted + Ipv4.headerLength(b, quoted);
        assertThat(Bytes.u16(b, udp + 6)).as("quoted UDP checksum").isEqualTo(Bytes.u16(sent, 20 + 6));
        assertThat(Bytes.u16(b, udp + 2)).isEqualTo(UDP_PORT);
    }
}

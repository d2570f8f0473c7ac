package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;
import static vnetsim.device.VlanSubinterface.LOWER;
import static vnetsim.device.VlanSubinterface.UPPER;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.frame.Bytes;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;

/** Linux 802.1Q subinterface enp4s0f0.2003: semantics.md section 1 (vlan_dev_hard_start_xmit, vlan_do_receive). */
class VlanSubinterfaceTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long GW = mac("00:1b:17:00:01:13");

    private final RecordingEgress out = new RecordingEgress();
    private final VlanSubinterface sub = VlanSubinterface.dot1q("node0", "enp4s0f0.2003", 2003, 1500);

    private static Frame echo() {
        return Frames.icmpEcho(VM1, GW, ip("172.16.4.10"), ip("172.16.5.10"));
    }

    @Test
    void transmit_pushes_exactly_one_tag_with_its_vid_and_pcp_0() {
        final Frame f = echo();
        final byte[] untagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        sub.receive(f, UPPER, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.port()).isEqualTo(LOWER);
        assertThat(t.action()).isEqualTo(Action.TAG_PUSHED);
        final byte[] wire = t.bytes();
        assertThat(wire).hasSize(untagged.length + 4);
        assertThat(Bytes.u16(wire, 12)).isEqualTo(0x8100);
        assertThat(Bytes.u16(wire, 14)).as("TCI: PCP 0, DEI 0, VID 2003").isEqualTo(2003);
        assertThat(Bytes.u16(wire, 16)).as("inner EtherType").isEqualTo(0x0800);
        assertThat(Arrays.copyOfRange(wire, 0, 12)).isEqualTo(Arrays.copyOfRange(untagged, 0, 12));
        assertThat(Arrays.copyOfRange(wire, 16, wire.length)).isEqualTo(Arrays.copyOfRange(untagged, 12,
                untagged.length));
    }

    @Test
    void transmit_of_an_already_tagged_frame_with_reorder_hdr_on_pushes_a_second_tag() {
        sub.receive(Frames.tagged(echo(), 4094), UPPER, out);

        final Frame wire = out.onlyTransmit().asFrame();
        assertThat(wire.tagCount()).isEqualTo(2);
        assertThat(wire.vlanId()).as("outer").isEqualTo(2003);
        assertThat(Bytes.u16(wire.bytes(), wire.start() + 18) & 0xfff).as("inner").isEqualTo(4094);
        assertThat(wire.etherType()).isEqualTo(EtherType.IPV4);
    }

    @Test
    void transmit_of_an_already_tagged_frame_with_reorder_hdr_off_keeps_the_existing_tag() {
        final VlanSubinterface noReorder = new VlanSubinterface("node0", "enp4s0f0.2003", 2003,
                EtherType.VLAN_8021Q, false, 1500);
        final Frame f = Frames.tagged(echo(), 4094);
        final byte[] before = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        noReorder.receive(f, UPPER, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(LOWER);
        assertThat(out.onlyTransmit().bytes()).isEqualTo(before);
    }

    @Test
    void reorder_hdr_off_still_tags_an_untagged_frame() {
        final VlanSubinterface noReorder = new VlanSubinterface("node0", "enp4s0f0.2003", 2003,
                EtherType.VLAN_8021Q, false, 1500);
        noReorder.receive(echo(), UPPER, out);
        final Frame wire = out.onlyTransmit().asFrame();
        assertThat(wire.tagCount()).isEqualTo(1);
        assertThat(wire.vlanId()).isEqualTo(2003);
    }

    @Test
    void receive_from_the_parent_pops_the_tag_and_hands_the_frame_up_untagged() {
        final Frame f = echo();
        final byte[] untagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        sub.receive(Frames.tagged(f, 2003), LOWER, out);

        final RecordingEgress.Transmit t = out.onlyTransmit();
        assertThat(t.port()).isEqualTo(UPPER);
        assertThat(t.action()).isEqualTo(Action.TAG_POPPED);
        assertThat(t.bytes()).isEqualTo(untagged);
    }

    @Test
    void down_subinterface_drops_received_frames_as_vlan_device_down_with_its_vid() {
        sub.setUp(false);
        sub.receive(Frames.tagged(echo(), 2003), LOWER, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_DEVICE_DOWN);
        assertThat(out.onlyDrop().detail()).isEqualTo(2003);
        assertThat(out.onlyDrop().port()).isEqualTo(LOWER);
    }

    @Test
    void down_subinterface_drops_transmitted_frames_as_link_down() {
        sub.setUp(false);
        sub.receive(echo(), UPPER, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_DOWN);
        assertThat(out.onlyDrop().port()).isEqualTo(UPPER);
    }

    @Test
    void mtu_excludes_the_tag_a_1500_byte_payload_passes_at_mtu_1500() {
        sub.receive(Frames.icmpEchoOfIpLength(VM1, GW, 1500), UPPER, out);

        assertThat(out.drops()).isEmpty();
        assertThat(out.onlyTransmit().bytes()).hasSize(14 + 4 + 1500);      // 1518 on the wire without FCS
    }

    @Test
    void mtu_1501_byte_payload_is_dropped_as_mtu_exceeded() {
        sub.receive(Frames.icmpEchoOfIpLength(VM1, GW, 1501), UPPER, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.MTU_EXCEEDED);
        assertThat(out.onlyDrop().detail()).isEqualTo(1500);
    }
}

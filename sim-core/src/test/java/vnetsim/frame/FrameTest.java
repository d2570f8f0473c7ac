package vnetsim.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.device.Frames;
import vnetsim.frame.internal.FrameBookkeeping;

/** The frame buffer with headroom: tags are pushed and popped by moving the 12 address bytes only (Style 8.3). */
class FrameTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long GW = mac("00:1b:17:00:01:13");

    private static Frame echo() {
        return Frames.icmpEcho(VM1, GW, ip("172.16.4.10"), ip("172.16.5.10"));
    }

    @Test
    void push_tag_moves_only_the_12_mac_bytes_and_leaves_the_payload_where_it_was() {
        final Frame f = echo();
        final int oldStart = f.start();
        final byte[] before = f.bytes().clone();

        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);

        assertThat(f.start()).isEqualTo(oldStart - VlanTag.LENGTH);
        assertThat(f.end()).isEqualTo(oldStart + echoLength());
        // the addresses moved into the headroom, unchanged
        assertThat(Arrays.copyOfRange(f.bytes(), f.start(), f.start() + 12))
                .isEqualTo(Arrays.copyOfRange(before, oldStart, oldStart + 12));
        // type and payload did not move at all: same array positions, same bytes
        assertThat(Arrays.copyOfRange(f.bytes(), oldStart + 12, f.end()))
                .isEqualTo(Arrays.copyOfRange(before, oldStart + 12, f.end()));
        assertThat(f.outerType()).isEqualTo(EtherType.VLAN_8021Q);
        assertThat(f.etherType()).isEqualTo(EtherType.IPV4);
        assertThat(f.length()).isEqualTo(echoLength() + 4);
    }

    @Test
    void pop_tag_restores_the_untagged_frame_byte_for_byte() {
        final Frame f = echo();
        final byte[] untagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        f.pushVlanTag(EtherType.VLAN_8021Q, 4094);
        f.popVlanTag();

        assertThat(Arrays.copyOfRange(f.bytes(), f.start(), f.end())).isEqualTo(untagged);
        assertThat(f.isTagged()).isFalse();
    }

    @Test
    void vids_above_255_read_back_exactly_and_are_written_big_endian() {
        for (final int vid : new int[] {2003, 4094, 256, 1}) {
            final Frame f = echo();
            f.pushVlanTag(EtherType.VLAN_8021Q, vid);
            assertThat(f.vlanId()).as("VID %d", vid).isEqualTo(vid);
            assertThat(f.outerVlanOrUntagged()).isEqualTo(vid);
            assertThat(Bytes.u8(f.bytes(), f.start() + 12)).isEqualTo(0x81);
            assertThat(Bytes.u8(f.bytes(), f.start() + 13)).isEqualTo(0x00);
            assertThat(Bytes.u8(f.bytes(), f.start() + 14)).isEqualTo(vid >>> 8);   // PCP 0, DEI 0
            assertThat(Bytes.u8(f.bytes(), f.start() + 15)).isEqualTo(vid & 0xff);
        }
    }

    @Test
    void set_vlan_id_rewrites_the_vid_and_keeps_pcp_and_dei() {
        final Frame f = echo();
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);
        Bytes.u16(f.bytes(), f.start() + VlanTag.TCI_OFFSET, (5 << 13) | (1 << 12) | 2003);   // PCP 5, DEI 1

        f.setVlanId(4094);

        assertThat(f.vlanId()).isEqualTo(4094);
        assertThat(Bytes.u16(f.bytes(), f.start() + VlanTag.TCI_OFFSET)).isEqualTo((5 << 13) | (1 << 12) | 4094);
    }

    @Test
    void double_tag_with_an_802_1ad_outer_tag_reads_as_qinq() {
        final Frame f = echo();
        final int untaggedStart = f.start();
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);      // C-tag
        f.pushVlanTag(EtherType.VLAN_8021AD, 4094);     // S-tag outside

        assertThat(f.start()).isEqualTo(untaggedStart - 8);
        assertThat(f.tagCount()).isEqualTo(2);
        assertThat(f.outerType()).isEqualTo(EtherType.VLAN_8021AD);
        assertThat(f.vlanId()).isEqualTo(4094);
        assertThat(Bytes.u16(f.bytes(), f.start() + 16)).isEqualTo(EtherType.VLAN_8021Q);
        assertThat(Bytes.u16(f.bytes(), f.start() + 18) & VlanTag.VID_MASK).isEqualTo(2003);
        assertThat(f.etherType()).isEqualTo(EtherType.IPV4);
        assertThat(f.destinationMac()).isEqualTo(GW);
        assertThat(f.sourceMac()).isEqualTo(VM1);

        f.popVlanTag();
        assertThat(f.outerType()).isEqualTo(EtherType.VLAN_8021Q);
        assertThat(f.vlanId()).isEqualTo(2003);
        assertThat(f.tagCount()).isEqualTo(1);
    }

    @Test
    void l3_offset_skips_every_tag() {
        final Frame f = echo();
        assertThat(f.l3Offset()).isEqualTo(f.start() + 14);
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);
        assertThat(f.l3Offset()).isEqualTo(f.start() + 18);
        f.pushVlanTag(EtherType.VLAN_8021AD, 4094);
        assertThat(f.l3Offset()).isEqualTo(f.start() + 22);
        assertThat(Ipv4.destination(f.bytes(), f.l3Offset())).isEqualTo(ip("172.16.5.10"));
    }

    @Test
    void untagged_frame_reports_untagged_and_cannot_be_popped() {
        final Frame f = echo();
        assertThat(f.isTagged()).isFalse();
        assertThat(f.tagCount()).isZero();
        assertThat(f.outerVlanOrUntagged()).isEqualTo(VlanTag.UNTAGGED);
        assertThatThrownBy(f::popVlanTag).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejects_a_vid_that_does_not_fit_in_12_bits() {
        final Frame f = echo();
        assertThatThrownBy(() -> f.pushVlanTag(EtherType.VLAN_8021Q, 4096))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
    }

    @Test
    void a_third_tag_moves_the_frame_back_to_make_headroom() {
        final Frame f = echo();
        final byte[] before = java.util.Arrays.copyOfRange(f.bytes(), f.start(), f.end());
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);
        f.pushVlanTag(EtherType.VLAN_8021AD, 2004);
        f.pushVlanTag(EtherType.VLAN_8021Q, 2005);
        assertThat(f.tagCount()).isEqualTo(3);
        assertThat(f.length()).isEqualTo(before.length + 12);
        f.popVlanTag();
        f.popVlanTag();
        f.popVlanTag();
        assertThat(java.util.Arrays.copyOfRange(f.bytes(), f.start(), f.end())).isEqualTo(before);
    }

    @Test
    void header_reads_past_the_frame_end_see_nothing() {
        final Frame f = new Frame();
        f.load(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte) 0x81, 0x00}, 0, 14);
        assertThat(f.isTagged()).isTrue();
        assertThat(f.vlanId()).isZero();
        assertThat(f.etherType()).isEqualTo(EtherType.NONE);
        assertThat(f.hasCompleteHeader()).isFalse();
        assertThatThrownBy(f::popVlanTag).isInstanceOf(IllegalStateException.class);
        f.load(new byte[] {1, 2, 3}, 0, 3);
        assertThat(f.outerType()).isEqualTo(EtherType.NONE);
        assertThat(f.hasCompleteHeader()).isFalse();
    }

    @Test
    void a_header_is_complete_exactly_when_the_type_after_every_tag_lies_inside_the_frame() {
        // eth_type_trans() needs 14 bytes; skb_vlan_untag() drops a frame whose tag (or the type after it) is cut
        final byte[] qinq = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, (byte) 0x88, (byte) 0xa8, 0, 100,
            (byte) 0x81, 0x00, 0, 10, 0x08, 0x00, 0x45, 0};
        final Frame f = new Frame();
        for (int tags = 0; tags <= 2; tags++) {
            final byte[] b = Arrays.copyOf(qinq, qinq.length);
            System.arraycopy(qinq, 12 + 4 * (2 - tags), b, 12, qinq.length - 12 - 4 * (2 - tags));
            for (int length = 0; length <= b.length - 4 * (2 - tags); length++) {
                f.load(b, 0, length);
                assertThat(f.hasCompleteHeader()).as("%d tags, %d bytes", tags, length)
                        .isEqualTo(length >= 14 + 4 * tags);
            }
        }
    }

    @Test
    void copy_from_keeps_bytes_and_bookkeeping() {
        final Frame f = echo();
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);
        FrameBookkeeping.access().setPacketId(f, 7);
        final Frame copy = new Frame().copyFrom(f);
        assertThat(Arrays.copyOfRange(copy.bytes(), copy.start(), copy.end()))
                .isEqualTo(Arrays.copyOfRange(f.bytes(), f.start(), f.end()));
        assertThat(FrameBookkeeping.access().packetId(copy)).isEqualTo(7);
        assertThat(copy.vlanId()).isEqualTo(2003);
    }

    private static int echoLength() {
        return 14 + 20 + 8 + Frames.PING_DATA;
    }
}

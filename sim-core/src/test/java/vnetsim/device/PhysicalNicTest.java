package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;
import static vnetsim.device.PhysicalNic.WIRE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/** Parent NIC enp4s0f0: the RX demux of __netif_receive_skb_core(), semantics.md section 1 and 0.3. */
class PhysicalNicTest {
    private static final long NIC_MAC = mac("b8:ce:f6:00:00:01");
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long OTHER = mac("52:54:00:00:09:09");

    private final RecordingEgress out = new RecordingEgress();
    private final PhysicalNic nic = new PhysicalNic("node0", "enp4s0f0", NIC_MAC, 1500);

    private static Frame echoTo(final long dst) {
        return Frames.icmpEcho(VM1, dst, ip("172.16.4.10"), ip("172.16.4.20"));
    }

    @Test
    void tagged_frame_goes_to_the_subinterface_for_its_vid_still_tagged() {
        nic.addSubinterface(2003, "enp4s0f0.2003");
        final int port4094 = nic.addSubinterface(4094, "enp4s0f0.4094");
        final Frame f = Frames.tagged(echoTo(NIC_MAC), 4094);
        final byte[] tagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        nic.receive(f, WIRE, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(port4094);
        assertThat(out.onlyTransmit().bytes()).as("the subinterface pops, not the NIC").isEqualTo(tagged);
    }

    @Test
    void tagged_frame_for_a_vid_without_subinterface_is_dropped_naming_the_vid() {
        nic.addSubinterface(2003, "enp4s0f0.2003");

        nic.receive(Frames.tagged(echoTo(NIC_MAC), 2004), WIRE, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_VLAN_SUBINTERFACE);
        assertThat(out.onlyDrop().detail()).isEqualTo(2004);
        assertThat(out.onlyDrop().port()).isEqualTo(WIRE);
    }

    @Test
    void priority_tagged_frame_is_treated_as_untagged_on_the_parent() {
        nic.addSubinterface(2003, "enp4s0f0.2003");
        final int master = nic.setMaster("br0");
        final Frame f = echoTo(NIC_MAC);
        final byte[] untagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        nic.receive(Frames.tagged(f, 0), WIRE, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(master);
        assertThat(out.onlyTransmit().bytes()).isEqualTo(untagged);
    }

    @Test
    void priority_tagged_frame_on_a_nic_without_upper_device_is_no_upper_device() {
        nic.addSubinterface(2003, "enp4s0f0.2003");
        nic.receive(Frames.tagged(echoTo(NIC_MAC), 0), WIRE, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_UPPER_DEVICE);
    }

    @Test
    void untagged_frame_never_goes_to_a_subinterface_and_with_no_master_is_no_upper_device() {
        nic.addSubinterface(2003, "enp4s0f0.2003");

        nic.receive(echoTo(NIC_MAC), WIRE, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_UPPER_DEVICE);
    }

    @Test
    void enslaved_nic_hands_tagged_frames_for_unknown_vids_to_its_bridge_with_the_tag() {
        nic.addSubinterface(2003, "enp4s0f0.2003");
        final int master = nic.setMaster("br0");
        final Frame f = Frames.tagged(echoTo(OTHER), 4094);
        final byte[] tagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        nic.receive(f, WIRE, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(master);
        assertThat(out.onlyTransmit().action()).isEqualTo(Action.RECEIVED);
        assertThat(out.onlyTransmit().bytes()).isEqualTo(tagged);
    }

    @Test
    void enslaved_nic_still_demuxes_its_own_subinterface_vids_first() {
        final int sub = nic.addSubinterface(2003, "enp4s0f0.2003");
        nic.setMaster("br0");
        nic.receive(Frames.tagged(echoTo(NIC_MAC), 2003), WIRE, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(sub);
    }

    @Test
    void not_promiscuous_nic_drops_unicast_for_a_foreign_mac() {
        nic.addSubinterface(2003, "enp4s0f0.2003");

        nic.receive(Frames.tagged(echoTo(OTHER), 2003), WIRE, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NOT_ADDRESSED_TO_HOST);
    }

    @Test
    void promiscuous_nic_accepts_foreign_unicast_and_everyone_accepts_broadcast() {
        final int sub = nic.addSubinterface(2003, "enp4s0f0.2003");
        nic.receive(Frames.tagged(echoTo(MacAddress.BROADCAST), 2003), WIRE, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(sub);

        out.clear();
        nic.setPromiscuous(true);                      // an enslaved subinterface makes its parent promiscuous
        nic.receive(Frames.tagged(echoTo(OTHER), 2003), WIRE, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(sub);
    }

    @Test
    void transmit_puts_the_frame_on_the_wire_unchanged() {
        final int sub = nic.addSubinterface(2003, "enp4s0f0.2003");
        final Frame f = Frames.tagged(echoTo(OTHER), 2003);
        final byte[] tagged = Arrays.copyOfRange(f.bytes(), f.start(), f.end());

        nic.receive(f, sub, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(WIRE);
        assertThat(out.onlyTransmit().action()).isEqualTo(Action.TRANSMITTED);
        assertThat(out.onlyTransmit().bytes()).isEqualTo(tagged);
    }

    @Test
    void transmit_of_a_double_tagged_frame_counts_no_tag_against_the_mtu() {
        final int sub = nic.addSubinterface(2003, "enp4s0f0.2003");
        final Frame f = Frames.icmpEchoOfIpLength(VM1, OTHER, 1500);
        f.pushVlanTag(EtherType.VLAN_8021Q, 4094);
        f.pushVlanTag(EtherType.VLAN_8021Q, 2003);
        nic.receive(f, sub, out);
        assertThat(out.onlyTransmit().bytes()).hasSize(14 + 8 + 1500);
    }

    @Test
    void down_nic_drops_as_link_down() {
        nic.addSubinterface(2003, "enp4s0f0.2003");
        nic.setUp(false);
        nic.receive(Frames.tagged(echoTo(NIC_MAC), 2003), WIRE, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_DOWN);
    }
}

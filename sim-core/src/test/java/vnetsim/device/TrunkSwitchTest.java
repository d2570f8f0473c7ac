package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/** NX-OS switchports, semantics.md section 5: "switchport trunk allowed vlan 2003-2005", access ports, MAC table per VLAN. */
class TrunkSwitchTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long VM2 = mac("52:54:00:00:05:0a");
    private static final long FW = mac("00:1b:17:00:01:13");
    private static final long UNKNOWN = mac("52:54:00:00:09:99");

    private final RecordingEgress out = new RecordingEgress();
    private final TrunkSwitch sw = new TrunkSwitch("Switch", TrunkSwitch.DEFAULT_AGEING_NS);
    private final int node0 = sw.addPort("Ethernet1/1", SwitchportMode.Trunk.allowing(VlanSet.parse("2003-2005")));
    private final int node1 = sw.addPort("Ethernet1/2", SwitchportMode.Trunk.allowing(VlanSet.parse("2003-2005")));
    private final int firewall = sw.addPort("Ethernet1/3", SwitchportMode.Trunk.allowing(VlanSet.parse("2003-2005")));
    private final int access2003 = sw.addPort("Ethernet1/4", new SwitchportMode.Access(2003));
    private final int nativeTrunk = sw.addPort("Ethernet1/5", SwitchportMode.Trunk.allowing(VlanSet.parse("1,2003")));

    private static Frame frame(final long src, final long dst) {
        return Frames.icmpEcho(src, dst, ip("172.16.4.10"), ip("172.16.5.10"));
    }

    private static Frame tagged(final long src, final long dst, final int vid) {
        return Frames.tagged(frame(src, dst), vid);
    }

    private static byte[] bytes(final Frame f) {
        return Arrays.copyOfRange(f.bytes(), f.start(), f.end());
    }

    @Test
    void trunk_admits_an_allowed_vlan_and_floods_it_tagged_to_trunks_carrying_it() {
        final Frame f = tagged(VM1, MacAddress.BROADCAST, 2004);
        final byte[] sent = bytes(f);

        sw.receive(f, node0, out);

        assertThat(out.transmittedPorts()).containsExactly(node1, firewall);
        assertThat(out.transmits()).extracting(RecordingEgress.Transmit::bytes).containsOnly(sent);
        assertThat(out.transmits()).extracting(RecordingEgress.Transmit::action).containsOnly(Action.FLOODED);
        assertThat(out.copies()).isEqualTo(1);
    }

    @Test
    void trunk_drops_a_vlan_that_is_not_allowed_without_learning_it() {
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2006), node0, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_NOT_ALLOWED_INGRESS);
        assertThat(out.onlyDrop().detail()).isEqualTo(2006);
        assertThat(sw.macTable().size()).isZero();
    }

    @Test
    void allowed_vlan_that_was_never_created_carries_nothing() {
        sw.setCreatedVlans(vnetsim.device.l2.VlanSet.of(1, 2003, 2005));
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2004), node0, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_NOT_CREATED);
        assertThat(out.onlyDrop().detail()).isEqualTo(2004);
        assertThat(DropReason.VLAN_NOT_CREATED.describe(2004)).isEqualTo(
                "VLAN 2004 is allowed on this port but does not exist on the switch (no 'vlan 2004' line)");
        assertThat(sw.macTable().size()).isZero();
    }

    @Test
    void untagged_frame_on_a_trunk_whose_native_vlan_1_is_not_allowed_is_dropped() {
        sw.receive(frame(VM1, MacAddress.BROADCAST), node0, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.UNTAGGED_NOT_ALLOWED);
        assertThat(out.onlyDrop().detail()).isEqualTo(1);
        assertThat(sw.macTable().size()).isZero();
    }

    @Test
    void native_vlan_allowed_untagged_in_and_untagged_out_on_trunks_other_vlans_tagged() {
        final int otherNative = sw.addPort("Ethernet1/6", SwitchportMode.Trunk.allowing(VlanSet.parse("1,2003-2005")));
        final Frame f = frame(VM1, MacAddress.BROADCAST);
        final byte[] untagged = bytes(f);

        sw.receive(f, nativeTrunk, out);

        assertThat(out.transmittedPorts()).as("VLAN 1 only where allowed").containsExactly(otherNative);
        assertThat(out.onlyTransmit().bytes()).isEqualTo(untagged);

        out.clear();
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2003), nativeTrunk, out);
        assertThat(out.transmitOn(otherNative).asFrame().vlanId()).isEqualTo(2003);
        assertThat(out.transmitOn(node0).asFrame().vlanId()).isEqualTo(2003);
    }

    @Test
    void native_vlan_tagged_on_the_wire_is_accepted_and_leaves_other_trunks_untagged() {
        final int otherNative = sw.addPort("Ethernet1/6", SwitchportMode.Trunk.allowing(VlanSet.parse("1,2003-2005")));
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 1), nativeTrunk, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(otherNative);
        assertThat(out.onlyTransmit().asFrame().isTagged()).isFalse();
    }

    @Test
    void access_port_puts_untagged_frames_in_its_vlan_and_trunks_carry_them_tagged() {
        sw.receive(frame(VM1, MacAddress.BROADCAST), access2003, out);

        assertThat(out.transmittedPorts()).containsExactly(node0, node1, firewall, nativeTrunk);
        assertThat(out.transmits()).allSatisfy(t -> assertThat(t.asFrame().vlanId()).isEqualTo(2003));
    }

    @Test
    void access_port_drops_a_frame_tagged_with_another_vlan_without_learning() {
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2004), access2003, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.TAGGED_ON_ACCESS_PORT);
        assertThat(out.onlyDrop().detail()).isEqualTo(2004);
        assertThat(sw.macTable().size()).isZero();
    }

    @Test
    void access_port_sends_its_vlan_untagged() {
        final Frame f = frame(FW, MacAddress.BROADCAST);
        final byte[] untagged = bytes(f);
        sw.receive(Frames.tagged(f, 2003), firewall, out);

        assertThat(out.transmitOn(access2003).bytes()).isEqualTo(untagged);
    }

    @Test
    void learns_per_vlan_the_same_mac_on_different_ports() {
        sw.receive(tagged(VM1, UNKNOWN, 2003), node0, out);
        sw.receive(tagged(VM1, UNKNOWN, 2004), node1, out);
        out.clear();

        sw.receive(tagged(FW, VM1, 2003), firewall, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(node0);
        assertThat(out.onlyTransmit().action()).isEqualTo(Action.SWITCHED);

        out.clear();
        sw.receive(tagged(FW, VM1, 2004), firewall, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(node1);

        out.clear();
        sw.receive(tagged(FW, VM1, 2005), firewall, out);
        assertThat(out.transmittedPorts()).as("unknown in 2005").containsExactly(node0, node1);
    }

    @Test
    void router_on_a_stick_reply_in_another_vlan_goes_back_out_the_same_trunk() {
        sw.receive(tagged(VM2, UNKNOWN, 2004), node0, out);            // VM2 on node0 in 2004
        sw.receive(tagged(FW, UNKNOWN, 2003), firewall, out);
        out.clear();

        sw.receive(tagged(FW, VM2, 2004), firewall, out);              // routed from 2003 into 2004
        assertThat(out.onlyTransmit().port()).isEqualTo(node0);
        assertThat(out.onlyTransmit().asFrame().vlanId()).isEqualTo(2004);
    }

    @Test
    void known_destination_on_the_ingress_port_is_dropped() {
        sw.receive(tagged(VM1, UNKNOWN, 2003), node0, out);
        out.clear();

        sw.receive(tagged(VM2, VM1, 2003), node0, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.DESTINATION_ON_INGRESS_PORT);
    }

    @Test
    void learned_mac_on_a_port_that_no_longer_carries_the_vlan_is_vlan_not_allowed_egress() {
        sw.receive(tagged(VM1, UNKNOWN, 2003), node0, out);
        sw.setMode(node0, SwitchportMode.Trunk.allowing(VlanSet.parse("2004-2005")));
        out.clear();

        sw.receive(tagged(FW, VM1, 2003), firewall, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_NOT_ALLOWED_EGRESS);
        assertThat(out.onlyDrop().detail()).isEqualTo(2003);
    }

    @Test
    void a_down_port_receives_nothing_and_is_left_out_of_floods() {
        sw.setPortUp(node1, false);
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2004), node1, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_DOWN);

        out.clear();
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 2004), node0, out);
        assertThat(out.transmittedPorts()).containsExactly(firewall);
    }

    @Test
    void a_learned_destination_behind_a_down_port_is_dropped_as_link_down() {
        sw.receive(tagged(VM1, UNKNOWN, 2003), node0, out);
        sw.setPortUp(node0, false);
        out.clear();

        sw.receive(tagged(FW, VM1, 2003), firewall, out);

        assertThat(out.transmits()).isEmpty();
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_DOWN);
    }

    @Test
    void a_vlan_no_other_port_carries_is_dropped_as_no_egress_port() {
        sw.receive(tagged(VM1, MacAddress.BROADCAST, 1), nativeTrunk, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_EGRESS_PORT);
    }
}

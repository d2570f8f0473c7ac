package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/** Linux bridge with STP off: the br_handle_frame() pipeline of semantics.md section 2. */
class LinuxBridgeTest {
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long VM2 = mac("52:54:00:00:04:0b");
    private static final long VM3 = mac("52:54:00:00:04:0c");
    private static final long UNKNOWN = mac("52:54:00:00:09:99");

    private final RecordingEgress out = new RecordingEgress();

    private static Frame unicast(final long src, final long dst) {
        return Frames.icmpEcho(src, dst, ip("172.16.4.10"), ip("172.16.4.20"));
    }

    private static byte[] bytes(final Frame f) {
        return Arrays.copyOfRange(f.bytes(), f.start(), f.end());
    }

    /** vlan_filtering 0 (nmstate "vlan: {}"): tags pass unchanged, FDB on MAC only. */
    @Nested
    class VlanUnaware {
        private static final int VM1_PORT = 0;
        private static final int VM3_PORT = 1;
        private static final int UPLINK = 2;
        private final LinuxBridge bridge = new LinuxBridge("node0", "bridge2003", false,
                LinuxBridge.DEFAULT_AGEING_NS);

        VlanUnaware() {
            bridge.addPort(BridgePort.withDefaults("vnet-vm1", 1500));
            bridge.addPort(BridgePort.withDefaults("vnet-vm3", 1500));
            bridge.addPort(BridgePort.withDefaults("enp4s0f0.2003", 1500));
        }

        @Test
        void drops_a_frame_whose_source_mac_is_multicast_or_zero_without_learning_it() {
            bridge.receive(unicast(mac("01:00:5e:00:00:01"), VM1), VM3_PORT, out);
            bridge.receive(unicast(MacAddress.ZERO, VM1), VM3_PORT, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.drops()).extracting(RecordingEgress.Drop::reason)
                    .containsExactly(DropReason.INVALID_SOURCE_MAC, DropReason.INVALID_SOURCE_MAC);
            assertThat(bridge.fdb().size()).isZero();
        }

        @Test
        void floods_unknown_unicast_to_every_other_port_but_not_back_out_the_ingress_port() {
            final Frame original = unicast(VM3, VM1);

            bridge.receive(original, VM3_PORT, out);

            assertThat(out.transmittedPorts()).containsExactly(VM1_PORT, UPLINK);
            assertThat(out.transmits()).extracting(RecordingEgress.Transmit::action).containsOnly(Action.FLOODED);
            assertThat(out.copies()).as("one copy for two ports").isEqualTo(1);
            assertThat(out.transmitOn(UPLINK).frame()).as("the last port gets the original").isSameAs(original);
            assertThat(out.transmitOn(VM1_PORT).frame()).isNotSameAs(original);
            assertThat(out.transmitOn(VM1_PORT).bytes()).isEqualTo(out.transmitOn(UPLINK).bytes());
        }

        @Test
        void floods_broadcast_to_every_other_port() {
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), VM1_PORT, out);
            assertThat(out.transmittedPorts()).containsExactly(VM3_PORT, UPLINK);
            assertThat(out.copies()).isEqualTo(1);
        }

        @Test
        void floods_multicast_even_to_a_learned_port() {
            bridge.receive(unicast(VM1, VM3), VM1_PORT, out);
            out.clear();
            bridge.receive(unicast(VM3, mac("01:00:5e:00:00:fb")), VM3_PORT, out);
            assertThat(out.transmittedPorts()).containsExactly(VM1_PORT, UPLINK);
        }

        @Test
        void learns_the_source_then_sends_known_unicast_to_that_one_port() {
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            out.clear();

            final Frame reply = unicast(VM3, VM1);
            final byte[] sent = bytes(reply);
            bridge.receive(reply, VM3_PORT, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(VM1_PORT);
            assertThat(out.onlyTransmit().action()).isEqualTo(Action.SWITCHED);
            assertThat(out.onlyTransmit().bytes()).isEqualTo(sent);
            assertThat(out.copies()).isZero();
        }

        @Test
        void drops_a_known_destination_learned_on_the_ingress_port_instead_of_sending_it_back() {
            bridge.receive(unicast(VM1, UNKNOWN), UPLINK, out);
            out.clear();

            bridge.receive(unicast(VM3, VM1), UPLINK, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.DESTINATION_ON_INGRESS_PORT);
        }

        @Test
        void hairpin_port_gets_a_known_destination_back_out_the_ingress_port() {
            bridge.setPort(UPLINK, new BridgePort("enp4s0f0.2003", VlanSet.of(1), VlanSet.of(1), 1, true, 1500));
            bridge.receive(unicast(VM1, UNKNOWN), UPLINK, out);
            out.clear();

            bridge.receive(unicast(VM3, VM1), UPLINK, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(UPLINK);
        }

        @Test
        void hairpin_port_is_included_in_a_flood_from_itself() {
            bridge.setPort(UPLINK, new BridgePort("enp4s0f0.2003", VlanSet.of(1), VlanSet.of(1), 1, true, 1500));
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), UPLINK, out);
            assertThat(out.transmittedPorts()).containsExactly(VM1_PORT, VM3_PORT, UPLINK);
        }

        @Test
        void forgets_an_entry_after_the_300_second_ageing_time() {
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);

            out.clear();
            out.setNow(299_000_000_000L);
            bridge.receive(unicast(VM3, VM1), VM3_PORT, out);
            assertThat(out.transmittedPorts()).as("still known at 299 s").containsExactly(VM1_PORT);

            // VM3 refreshed nothing for VM1; 300 s after VM1 was last seen the entry is gone: the kernel's
            // has_expired() is updated + ageing_time <= now
            out.clear();
            out.setNow(300_000_000_000L);
            bridge.receive(unicast(VM3, VM1), VM3_PORT, out);
            assertThat(out.transmittedPorts()).as("flooded at exactly 300 s").containsExactly(VM1_PORT, UPLINK);
        }

        @Test
        void a_station_that_moves_is_found_on_its_new_port() {
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            bridge.receive(unicast(VM1, UNKNOWN), UPLINK, out);          // VM1 live-migrated behind the uplink
            out.clear();

            bridge.receive(unicast(VM3, VM1), VM3_PORT, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(UPLINK);
        }

        @Test
        void floods_the_stp_group_address_because_stp_is_off() {
            bridge.receive(unicast(VM1, mac("01:80:c2:00:00:00")), VM1_PORT, out);
            assertThat(out.transmittedPorts()).containsExactly(VM3_PORT, UPLINK);
        }

        @Test
        void never_forwards_lldp_pause_or_other_link_local_group_addresses() {
            for (final String group : new String[] {"01:80:c2:00:00:0e", "01:80:c2:00:00:01", "01:80:c2:00:00:03"}) {
                out.clear();
                bridge.receive(unicast(VM1, mac(group)), VM1_PORT, out);
                assertThat(out.transmits()).as(group).isEmpty();
                assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_LOCAL_NOT_FORWARDED);
            }
        }

        @Test
        void forwards_tagged_frames_unchanged_and_learns_on_mac_only() {
            final Frame tagged = Frames.tagged(unicast(VM1, UNKNOWN), 4094);
            final byte[] sent = bytes(tagged);
            bridge.receive(tagged, VM1_PORT, out);
            assertThat(out.transmits()).extracting(RecordingEgress.Transmit::bytes).containsOnly(sent);

            out.clear();
            final Frame back = Frames.tagged(unicast(VM3, VM1), 2003);      // another VID, same MAC
            final byte[] backBytes = bytes(back);
            bridge.receive(back, VM3_PORT, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(VM1_PORT);
            assertThat(out.onlyTransmit().bytes()).isEqualTo(backBytes);
        }

        @Test
        void drops_at_egress_a_frame_larger_than_the_port_mtu_plus_header_and_one_tag() {
            // is_skb_forwardable(): limit = MTU + 14 + 4, so an untagged 1404-byte payload still passes MTU 1400
            bridge.setPort(VM1_PORT, BridgePort.withDefaults("vnet-vm1", 1400));
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            out.clear();

            bridge.receive(Frames.icmpEchoOfIpLength(VM3, VM1, 1405), VM3_PORT, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.MTU_EXCEEDED);
            assertThat(out.onlyDrop().detail()).isEqualTo(1400);
        }

        @Test
        void a_frame_at_the_is_skb_forwardable_limit_passes() {
            bridge.setPort(VM1_PORT, BridgePort.withDefaults("vnet-vm1", 1400));
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            out.clear();
            bridge.receive(Frames.icmpEchoOfIpLength(VM3, VM1, 1404), VM3_PORT, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(VM1_PORT);
        }

        @Test
        void a_port_going_down_forgets_what_it_learned_so_its_destinations_are_flooded_to_the_ports_still_up() {
            // br_stp_disable_port() -> br_fdb_delete_by_port(): the learned entry goes with the port
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            bridge.setPortUp(VM1_PORT, false);
            out.clear();

            bridge.receive(unicast(VM3, VM1), VM3_PORT, out);

            assertThat(out.transmittedPorts()).containsExactly(UPLINK);
            assertThat(out.onlyTransmit().action()).isEqualTo(Action.FLOODED);
        }

        @Test
        void a_flood_skips_ports_that_are_down_and_a_down_port_receives_nothing() {
            bridge.setPortUp(UPLINK, false);
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), VM1_PORT, out);
            assertThat(out.transmittedPorts()).containsExactly(VM3_PORT);

            out.clear();
            bridge.receive(unicast(VM2, MacAddress.BROADCAST), UPLINK, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.LINK_DOWN);
        }
    }

    /** vlan_filtering 1: __allowed_ingress(), br_allowed_egress(), br_handle_vlan(), FDB keyed (MAC, VID). */
    @Nested
    class VlanFiltering {
        private static final int VM1_PORT = 0;      // access 2003 (CNI "vlan": 2003)
        private static final int VM3_PORT = 1;      // access 2003
        private static final int VM2_PORT = 2;      // access 2004
        private static final int UPLINK = 3;        // trunk 2003-2005, native VID 1 untagged
        private static final int BOND = 4;          // trunk 2003-2005, no PVID
        private final LinuxBridge bridge = new LinuxBridge("node0", "br-trunk", true, LinuxBridge.DEFAULT_AGEING_NS);

        VlanFiltering() {
            bridge.addPort(BridgePort.access("vnet-vm1", 2003, 1500));
            bridge.addPort(BridgePort.access("vnet-vm3", 2003, 1500));
            bridge.addPort(BridgePort.access("vnet-vm2", 2004, 1500));
            bridge.addPort(BridgePort.trunk("enp4s0f0", VlanSet.parse("2003-2005"), 1, 1500));
            bridge.addPort(BridgePort.trunk("bond0", VlanSet.parse("2003-2005"), BridgePort.NO_PVID, 1500));
        }

        @Test
        void untagged_ingress_takes_the_pvid_and_floods_only_to_ports_carrying_that_vlan() {
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), VM1_PORT, out);

            assertThat(out.transmittedPorts()).containsExactly(VM3_PORT, UPLINK, BOND);
            assertThat(out.transmitOn(VM3_PORT).asFrame().isTagged()).as("untagged flag").isFalse();
            assertThat(out.transmitOn(UPLINK).asFrame().vlanId()).as("tagged on the trunk").isEqualTo(2003);
            assertThat(out.transmitOn(BOND).asFrame().vlanId()).isEqualTo(2003);
            assertThat(out.copies()).isEqualTo(2);
        }

        @Test
        void untagged_ingress_on_a_port_without_pvid_is_dropped_in_the_bridge_own_words() {
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), BOND, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_PVID);
            assertThat(out.onlyDrop().reason().describe(out.onlyDrop().detail()))
                    .isEqualTo("untagged frame: this bridge port has no PVID (bridge vlan ... pvid), so it belongs to"
                            + " no VLAN")
                    .doesNotContain("native");
            assertThat(bridge.fdb().size()).isZero();
        }

        @Test
        void tagged_ingress_with_a_vid_the_port_does_not_carry_is_dropped_and_not_learned() {
            bridge.receive(Frames.tagged(unicast(VM1, MacAddress.BROADCAST), 2006), UPLINK, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_NOT_ALLOWED_INGRESS);
            assertThat(out.onlyDrop().detail()).isEqualTo(2006);
            assertThat(bridge.fdb().size()).isZero();
        }

        @Test
        void tagged_ingress_pops_the_tag_toward_an_untagged_port_and_keeps_it_toward_a_tagged_one() {
            final Frame f = unicast(VM2, MacAddress.BROADCAST);
            final byte[] untagged = bytes(f);
            bridge.receive(Frames.tagged(f, 2004), UPLINK, out);

            assertThat(out.transmittedPorts()).containsExactly(VM2_PORT, BOND);
            assertThat(out.transmitOn(VM2_PORT).bytes()).isEqualTo(untagged);
            assertThat(out.transmitOn(BOND).asFrame().vlanId()).isEqualTo(2004);
        }

        @Test
        void native_vlan_leaves_the_trunk_untagged() {
            bridge.setPort(VM1_PORT, BridgePort.access("vnet-vm1", 1, 1500));
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), VM1_PORT, out);
            assertThat(out.transmittedPorts()).containsExactly(UPLINK);
            assertThat(out.onlyTransmit().asFrame().isTagged()).isFalse();
        }

        @Test
        void fdb_is_keyed_per_vlan() {
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);               // VM1 learned in 2003 on port 0
            out.clear();

            bridge.receive(Frames.tagged(unicast(VM2, VM1), 2004), UPLINK, out); // same MAC asked for in 2004
            assertThat(out.transmittedPorts()).as("unknown in 2004: flooded in 2004")
                    .containsExactly(VM2_PORT, BOND);

            out.clear();
            bridge.receive(Frames.tagged(unicast(VM2, VM1), 2003), UPLINK, out);
            assertThat(out.onlyTransmit().port()).as("known in 2003").isEqualTo(VM1_PORT);
            assertThat(out.onlyTransmit().asFrame().isTagged()).isFalse();
        }

        @Test
        void a_flood_that_reaches_no_port_in_the_vlan_is_dropped_as_no_egress_port() {
            bridge.receive(Frames.tagged(unicast(VM1, MacAddress.BROADCAST), 2005), UPLINK, out);
            assertThat(out.transmittedPorts()).containsExactly(BOND);

            out.clear();
            bridge.setPort(BOND, BridgePort.trunk("bond0", VlanSet.parse("2003-2004"), BridgePort.NO_PVID, 1500));
            bridge.receive(Frames.tagged(unicast(VM1, MacAddress.BROADCAST), 2005), UPLINK, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_EGRESS_PORT);
        }

        @Test
        void known_destination_whose_port_no_longer_carries_the_vlan_is_dropped_at_egress() {
            bridge.receive(unicast(VM1, UNKNOWN), VM1_PORT, out);
            bridge.setPort(VM1_PORT, BridgePort.access("vnet-vm1", 2004, 1500));
            out.clear();

            bridge.receive(Frames.tagged(unicast(VM3, VM1), 2003), UPLINK, out);

            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.VLAN_NOT_ALLOWED_EGRESS);
            assertThat(out.onlyDrop().detail()).isEqualTo(2003);
        }

        @Test
        void mtu_counts_the_tag_the_bridge_adds_as_allowed_overhead() {
            bridge.receive(Frames.icmpEchoOfIpLength(VM1, MacAddress.BROADCAST, 1500), VM1_PORT, out);
            assertThat(out.drops()).isEmpty();
            assertThat(out.transmitOn(UPLINK).bytes()).hasSize(1518);

            out.clear();
            bridge.setPort(UPLINK, BridgePort.trunk("enp4s0f0", VlanSet.parse("2003-2005"), 1, 1400));
            bridge.receive(Frames.icmpEchoOfIpLength(VM1, MacAddress.BROADCAST, 1500), VM1_PORT, out);
            assertThat(out.drops()).extracting(RecordingEgress.Drop::reason).containsExactly(DropReason.MTU_EXCEEDED);
            assertThat(out.drops().get(0).port()).isEqualTo(UPLINK);
        }
    }

    /** The bridge's own port, local FDB entries, the bridge MAC, STP and the per-port flags (br_input.c, br_fdb.c). */
    @Nested
    class OwnPortAndFlags {
        private static final long PORT_A_MAC = mac("00:00:5e:00:00:0a");
        private static final long PORT_B_MAC = mac("00:00:5e:00:00:05");
        private final LinuxBridge bridge = new LinuxBridge("node0", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        private final int a = bridge.addPort(BridgePort.withDefaults("eth1", 1500), PORT_A_MAC);
        private final int b = bridge.addPort(BridgePort.withDefaults("eth2", 1500), PORT_B_MAC);
        private final int host = bridge.addHostPort();

        @Test
        void the_bridge_mac_is_the_lowest_port_mac_until_one_is_set() {
            assertThat(bridge.mac()).isEqualTo(PORT_B_MAC);
            bridge.setPortMac(b, mac("00:00:5e:00:00:0f"));
            assertThat(bridge.mac()).isEqualTo(PORT_A_MAC);
            bridge.setMac(mac("02:00:00:00:00:01"));
            bridge.setPortMac(a, mac("00:00:00:00:00:01"));
            assertThat(bridge.mac()).isEqualTo(mac("02:00:00:00:00:01"));
        }

        @Test
        void a_frame_for_a_ports_own_mac_goes_up_to_the_bridge_device_not_out_of_that_port() {
            bridge.receive(unicast(VM1, PORT_A_MAC), b, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(host);
        }

        @Test
        void a_broadcast_is_flooded_and_a_copy_goes_up_to_the_bridge_device() {
            bridge.receive(unicast(VM1, MacAddress.BROADCAST), a, out);

            assertThat(out.transmittedPorts()).containsExactly(b, host);
        }

        @Test
        void unknown_unicast_is_flooded_but_not_passed_up() {
            bridge.receive(unicast(VM1, UNKNOWN), a, out);

            assertThat(out.transmittedPorts()).containsExactly(b);
        }

        @Test
        void the_fdb_lists_local_entries_for_port_and_bridge_macs() {
            assertThat(bridge.fdbShowLines(0)).contains(
                    "00:00:5e:00:00:05 dev eth2 master br0 permanent",
                    "00:00:5e:00:00:05 dev eth2 vlan 1 master br0 permanent",
                    "00:00:5e:00:00:0a dev eth1 master br0 permanent");
        }

        @Test
        void with_flood_off_on_every_other_port_unknown_unicast_is_dropped_and_the_drop_says_so() {
            bridge.setPortFlag(b, vnetsim.device.bridge.PortFlag.FLOOD, false);

            bridge.receive(unicast(VM1, UNKNOWN), a, out);

            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.FLOOD_DISABLED);
            assertThat(out.onlyDrop().reason().describe(out.onlyDrop().detail()))
                    .isEqualTo("not flooded: flood is off on every other port");
        }

        @Test
        void with_stp_on_a_bpdu_is_not_forwarded_and_a_new_port_listens_then_learns() {
            bridge.setStp(true, LinuxBridge.DEFAULT_FORWARD_DELAY_NS);
            bridge.receive(unicast(VM1, mac("01:80:c2:00:00:00")), a, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.STP_BPDU_CONSUMED);

            out.clear();
            bridge.receive(unicast(VM1, UNKNOWN), a, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PORT_NOT_FORWARDING);
            assertThat(bridge.fdb().size()).as("listening: nothing learned").isZero();

            out.clear();
            out.setNow(LinuxBridge.DEFAULT_FORWARD_DELAY_NS);
            bridge.receive(unicast(VM1, UNKNOWN), a, out);
            assertThat(out.onlyDrop().reason().describe(out.onlyDrop().detail()))
                    .isEqualTo("bridge port is in STP state learning, not forwarding");
            assertThat(bridge.fdb().size()).as("learning: the source is learned").isEqualTo(1);
        }

        @Test
        void with_stp_off_the_stp_group_address_is_flooded_like_multicast() {
            bridge.receive(unicast(VM1, mac("01:80:c2:00:00:00")), a, out);
            assertThat(out.transmittedPorts()).containsExactly(b, host);
        }
    }

    /** ip link set br0 type bridge vlan_default_pvid N (br_vlan_set_default_pvid()). */
    @Nested
    class DefaultPvidChange {
        private final LinuxBridge bridge = new LinuxBridge("node0", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        private final int onDefault = bridge.addPort(bridge.defaultPort("eth1", 1500));
        private final int customised = bridge.addPort(bridge.defaultPort("eth2", 1500));

        @Test
        void ports_still_on_the_old_default_move_to_the_new_one_and_user_configuration_stays() {
            bridge.vlanAdd(customised, 30, true, true);           // the user made 30 the PVID of eth2

            bridge.setDefaultPvid(10);

            assertThat(bridge.port(onDefault).pvid()).isEqualTo(10);
            assertThat(bridge.port(onDefault).carries(1)).isFalse();
            assertThat(bridge.port(onDefault).sendsUntagged(10)).isTrue();
            assertThat(bridge.port(customised).pvid()).isEqualTo(30);
            assertThat(bridge.selfVlans().pvid()).isEqualTo(10);
            assertThat(bridge.defaultPort("eth3", 1500).pvid()).as("a new port gets the new default").isEqualTo(10);
        }

        @Test
        void default_pvid_0_removes_the_default_vlan_where_it_is_still_the_default() {
            bridge.setDefaultPvid(0);

            assertThat(bridge.port(onDefault).pvid()).isEqualTo(BridgePort.NO_PVID);
            assertThat(bridge.port(onDefault).vids().isEmpty()).isTrue();
        }

        @Test
        void the_kernel_refuses_the_change_while_vlan_filtering_is_on() {
            bridge.setVlanFiltering(true);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> bridge.setDefaultPvid(10))
                    .hasMessageContaining("Operation not permitted");
        }
    }
}

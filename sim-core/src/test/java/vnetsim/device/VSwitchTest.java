package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.SecurityPolicy;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * The vSphere vSwitch, rule by rule (semantics.md section 6; vSphere Networking "VLAN Configuration" and Security
 * "Securing Standard Switches"): VLAN ID 0 / 1-4094 / 4095 / a distributed trunk range, Promiscuous mode, MAC
 * address changes, Forged transmits, MAC learning, uplinks.
 */
class VSwitchTest {
    private static final long NODE_A = mac("00:50:56:8a:00:01");      // .vmx MACs
    private static final long NODE_B = mac("00:50:56:8a:00:02");
    private static final long LAB = mac("00:50:56:8a:00:10");
    private static final long NESTED = mac("02:00:c0:a8:1c:0a");      // a KubeVirt VM inside node A
    private static final long ROUTER = mac("00:1b:17:00:00:01");

    private final RecordingEgress out = new RecordingEgress();

    private static Frame frame(final long src, final long dst) {
        return Frames.icmpEcho(src, dst, ip("192.168.28.10"), ip("192.168.28.1"));
    }

    private static Frame tagged(final long src, final long dst, final int vid) {
        return Frames.tagged(frame(src, dst), vid);
    }

    private static int vid(final RecordingEgress.Transmit t) {
        final Frame f = t.asFrame();
        return f.outerType() == EtherType.VLAN_8021Q ? f.vlanId() : -1;
    }

    private static byte[] bytes(final Frame f) {
        return Arrays.copyOfRange(f.bytes(), f.start(), f.end());
    }

    /** An ESXi host: uplink vmnic0, two node VMs on "Trunk", a VM on a VLAN 0 port group. */
    private static final class Host {
        final VSwitch vswitch = new VSwitch("esxi-01", "vSwitch0");
        final int uplink = vswitch.addUplink("vmnic0");
        final int nodeA;
        final int nodeB;
        final int lab;

        Host(final PortGroup trunk) {
            nodeA = vswitch.addVnic(trunk, "node-a", "Network adapter 2", NODE_A);
            nodeB = vswitch.addVnic(trunk, "node-b", "Network adapter 2", NODE_B);
            lab = vswitch.addVnic(PortGroup.standard("lab-192-168-4-0-b24", 0), "node-a", "Network adapter 1", LAB);
        }
    }

    private static PortGroup trunk(final SecurityPolicy security) {
        return new PortGroup("Trunk", VlanPolicy.ofVlanId(4095), security, false);
    }

    @Test
    void a_built_vswitch_refuses_reconfiguration_so_a_what_if_builds_a_new_topology() {
        final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));
        final vnetsim.topology.TopologyBuilder b = new vnetsim.topology.TopologyBuilder();
        b.add(h.vswitch);
        b.build();

        assertThatThrownBy(() -> h.vswitch.setPortGroup(trunk(SecurityPolicy.STANDARD_DEFAULT.withPromiscuous(true))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("esxi-01 vSwitch0 is part of a built "
                        + "topology");
        assertThatThrownBy(() -> h.vswitch.setEffectiveMac(h.nodeA, mac("00:50:56:8a:00:99")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> h.vswitch.addUplink("vmnic1")).isInstanceOf(IllegalStateException.class);
        assertThat(h.vswitch.instantiate().portGroup(h.nodeA).security()).isEqualTo(SecurityPolicy.STANDARD_DEFAULT);
    }

    @Nested
    class Promiscuous_mode {
        @Test
        void reject_default_drops_a_frame_from_the_uplink_for_a_nested_mac_naming_the_policy() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));

            h.vswitch.receive(tagged(ROUTER, NESTED, 1928), h.uplink, out);

            assertThat(out.transmits()).isEmpty();
            final RecordingEgress.Drop drop = out.onlyDrop();
            assertThat(drop.reason()).isEqualTo(DropReason.PROMISCUOUS_MODE_REJECT);
            assertThat(drop.port()).isEqualTo(h.uplink);
            assertThat(drop.reason().describe(drop.detail(), ROUTER, NESTED)).isEqualTo(
                    "Promiscuous mode Reject: 02:00:c0:a8:1c:0a is not a vNIC MAC of a port group carrying VLAN 1928,"
                            + " and no port there is promiscuous");
        }

        @Test
        void reject_still_delivers_frames_addressed_to_the_vnic_mac() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));

            h.vswitch.receive(tagged(ROUTER, NODE_A, 1928), h.uplink, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(h.nodeA);
            assertThat(out.onlyTransmit().action()).isEqualTo(Action.SWITCHED);
            assertThat(vid(out.onlyTransmit())).isEqualTo(1928);      // VLAN 4095: the guest sees the tag
        }

        @Test
        void accept_gives_every_promiscuous_vnic_of_the_vlan_a_copy_duplicates_included() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withPromiscuous(true)));
            final Frame f = tagged(ROUTER, NESTED, 1928);
            final byte[] sent = bytes(f);

            h.vswitch.receive(f, h.uplink, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeA, h.nodeB);   // never the VLAN 0 group
            assertThat(out.transmits()).extracting(RecordingEgress.Transmit::bytes).containsOnly(sent);
            assertThat(out.copies()).isEqualTo(1);
        }

        @Test
        void accept_copies_a_vnic_to_vnic_frame_to_the_other_promiscuous_ports() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withPromiscuous(true)));
            final int third = h.vswitch.addVnic(h.vswitch.portGroup(h.nodeA), "node-c", "Network adapter 2",
                    mac("00:50:56:8a:00:03"));

            h.vswitch.receive(tagged(NODE_A, NODE_B, 1928), h.nodeA, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeB, third);
            assertThat(out.transmitOn(h.nodeB).action()).isEqualTo(Action.SWITCHED);
        }

        @Test
        void a_nested_frame_between_two_nodes_reaches_the_other_node_only_through_the_promiscuous_copy() {
            final Host reject = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));
            reject.vswitch.receive(tagged(NESTED, mac("02:00:c0:a8:1c:0b"), 1928), reject.nodeA, out);
            assertThat(out.transmittedPorts()).containsExactly(reject.uplink);

            out.clear();
            final Host accept = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withPromiscuous(true)));
            accept.vswitch.receive(tagged(NESTED, mac("02:00:c0:a8:1c:0b"), 1928), accept.nodeA, out);
            assertThat(out.transmittedPorts()).containsExactly(accept.nodeB, accept.uplink);
        }
    }

    @Nested
    class Forged_transmits {
        @Test
        void reject_drops_a_guest_frame_whose_source_is_not_its_vmx_mac() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withForgedTransmits(false)));

            h.vswitch.receive(tagged(NESTED, MacAddress.BROADCAST, 1928), h.nodeA, out);

            assertThat(out.transmits()).isEmpty();
            final RecordingEgress.Drop drop = out.onlyDrop();
            assertThat(drop.reason()).isEqualTo(DropReason.FORGED_TRANSMITS_REJECT);
            assertThat(drop.reason().describe(drop.detail(), NESTED, MacAddress.BROADCAST)).startsWith(
                    "Forged transmits Reject: source MAC 02:00:c0:a8:1c:0a is not this vNIC's MAC");
        }

        @Test
        void reject_judges_the_effective_mac_so_a_changed_mac_the_switch_accepted_may_send() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withForgedTransmits(false)));
            final long changed = mac("00:50:56:8a:00:99");
            h.vswitch.setEffectiveMac(h.nodeA, changed);

            h.vswitch.receive(tagged(changed, ROUTER, 1928), h.nodeA, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(h.uplink);

            out.clear();
            h.vswitch.receive(tagged(NODE_A, ROUTER, 1928), h.nodeA, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.FORGED_TRANSMITS_REJECT);
        }

        @Test
        void reject_passes_the_guests_own_mac() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withForgedTransmits(false)));

            h.vswitch.receive(tagged(NODE_A, ROUTER, 1928), h.nodeA, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(h.uplink);
        }

        @Test
        void accept_default_lets_a_nested_source_mac_out_to_the_uplink() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));

            h.vswitch.receive(tagged(NESTED, MacAddress.BROADCAST, 1928), h.nodeA, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeB, h.uplink);  // broadcast: all of VLAN 1928
            assertThat(out.drops()).isEmpty();
        }
    }

    @Nested
    class Mac_address_changes {
        @Test
        void reject_delivers_nothing_to_a_vnic_whose_effective_mac_was_changed() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withMacChanges(false)));
            final long changed = mac("00:50:56:8a:00:99");
            h.vswitch.setEffectiveMac(h.nodeA, changed);

            h.vswitch.receive(tagged(ROUTER, changed, 1928), h.uplink, out);

            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.MAC_ADDRESS_CHANGES_REJECT);
            assertThat(out.onlyDrop().port()).isEqualTo(h.nodeA);
        }

        @Test
        void reject_also_withholds_broadcasts_from_that_vnic() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT.withMacChanges(false)));
            h.vswitch.setEffectiveMac(h.nodeA, mac("00:50:56:8a:00:99"));

            h.vswitch.receive(tagged(ROUTER, MacAddress.BROADCAST, 1928), h.uplink, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeB);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.MAC_ADDRESS_CHANGES_REJECT);
        }

        @Test
        void accept_default_delivers_to_the_effective_mac() {
            final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));
            final long changed = mac("00:50:56:8a:00:99");
            h.vswitch.setEffectiveMac(h.nodeA, changed);

            h.vswitch.receive(tagged(ROUTER, changed, 1928), h.uplink, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(h.nodeA);
        }
    }

    @Nested
    class Vlan_modes {
        private final VSwitch vswitch = new VSwitch("esxi-01", "vSwitch0");
        private final int uplink = vswitch.addUplink("vmnic0");
        private final int est = vswitch.addVnic(PortGroup.standard("none", 0), "vm-est", "Network adapter 1",
                mac("00:50:56:00:00:01"));
        private final int vst = vswitch.addVnic(PortGroup.standard("vlan-1928", 1928), "vm-vst", "Network adapter 1",
                mac("00:50:56:00:00:02"));
        private final int vgt = vswitch.addVnic(PortGroup.standard("all", 4095), "vm-vgt", "Network adapter 1",
                mac("00:50:56:00:00:03"));
        private final int dvTrunk = vswitch.addVnic(new PortGroup("dv-trunk", VlanPolicy.Trunk.parse("1925-1928"),
                SecurityPolicy.ALL_REJECT, false), "vm-dv", "Network adapter 1", mac("00:50:56:00:00:04"));

        @Test
        void vlan_id_0_passes_untagged_frames_only_in_both_directions() {
            vswitch.receive(frame(ROUTER, mac("00:50:56:00:00:01")), uplink, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(est);
            assertThat(vid(out.onlyTransmit())).isEqualTo(-1);

            out.clear();
            vswitch.receive(frame(mac("00:50:56:00:00:01"), ROUTER), est, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(uplink);
            assertThat(vid(out.onlyTransmit())).isEqualTo(-1);

            out.clear();
            vswitch.receive(tagged(mac("00:50:56:00:00:01"), ROUTER, 1928), est, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PORT_GROUP_VLAN_FROM_GUEST);
            assertThat(out.onlyDrop().detail()).isEqualTo(1928);
        }

        @Test
        void vlan_id_1_to_4094_tags_towards_the_uplink_and_strips_towards_the_guest() {
            vswitch.receive(frame(mac("00:50:56:00:00:02"), ROUTER), vst, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(uplink);
            assertThat(vid(out.onlyTransmit())).isEqualTo(1928);

            out.clear();
            vswitch.receive(tagged(ROUTER, mac("00:50:56:00:00:02"), 1928), uplink, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(vst);
            assertThat(vid(out.onlyTransmit())).isEqualTo(-1);
            assertThat(out.onlyTransmit().bytes()).isEqualTo(bytes(frame(ROUTER, mac("00:50:56:00:00:02"))));

            out.clear();
            vswitch.receive(tagged(ROUTER, mac("00:50:56:00:00:02"), 1927), uplink, out);   // its MAC, wrong VLAN
            assertThat(out.transmits()).isEmpty();
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PROMISCUOUS_MODE_REJECT);
        }

        @Test
        void a_vlan_no_port_group_carries_is_dropped_saying_so() {
            final VSwitch only = new VSwitch("esxi-02", "vSwitch0");
            final int up = only.addUplink("vmnic0");
            only.addVnic(PortGroup.standard("vlan-1928", 1928), "vm", "Network adapter 1", mac("00:50:56:00:00:02"));

            only.receive(tagged(ROUTER, MacAddress.BROADCAST, 1927), up, out);

            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_PORT_GROUP_FOR_VLAN);
            assertThat(out.onlyDrop().detail()).isEqualTo(1927);
        }

        @Test
        void vlan_id_1_to_4094_does_not_pass_a_frame_the_guest_tagged_itself() {
            vswitch.receive(tagged(mac("00:50:56:00:00:02"), ROUTER, 1928), vst, out);

            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PORT_GROUP_VLAN_FROM_GUEST);
        }

        @Test
        void vlan_id_4095_passes_every_vlan_and_untagged_with_tags_untouched() {
            final Frame f = tagged(mac("00:50:56:00:00:03"), ROUTER, 3000);
            final byte[] sent = bytes(f);
            vswitch.receive(f, vgt, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(uplink);
            assertThat(out.onlyTransmit().bytes()).isEqualTo(sent);

            out.clear();
            vswitch.receive(tagged(ROUTER, mac("00:50:56:00:00:03"), 3000), uplink, out);
            assertThat(vid(out.onlyTransmit())).isEqualTo(3000);

            out.clear();
            vswitch.receive(frame(ROUTER, mac("00:50:56:00:00:03")), uplink, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(vgt);
            assertThat(vid(out.onlyTransmit())).isEqualTo(-1);
        }

        @Test
        void a_distributed_trunk_range_passes_its_vlans_tagged_and_no_others() {
            vswitch.receive(tagged(ROUTER, mac("00:50:56:00:00:04"), 1926), uplink, out);
            assertThat(out.onlyTransmit().port()).isEqualTo(dvTrunk);
            assertThat(vid(out.onlyTransmit())).isEqualTo(1926);

            out.clear();
            vswitch.receive(tagged(mac("00:50:56:00:00:04"), ROUTER, 1930), dvTrunk, out);
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PORT_GROUP_VLAN_FROM_GUEST);

            out.clear();
            vswitch.receive(frame(mac("00:50:56:00:00:04"), ROUTER), dvTrunk, out);   // 0 is not in 1925-1928
            assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.PORT_GROUP_VLAN_FROM_GUEST);
            assertThat(DropReason.PORT_GROUP_VLAN_FROM_GUEST.describe(out.onlyDrop().detail())).contains("0 (untagged)");
        }

        @Test
        void a_trunk_range_with_0_passes_untagged_frames() {
            final VlanPolicy.Trunk all = VlanPolicy.Trunk.parse("0-4094");
            assertThat(all.carries(0)).isTrue();
            assertThat(all.carries(4094)).isTrue();
            assertThat(all.describe()).isEqualTo("VLAN trunk 0,1-4094");
            assertThat(all.fromGuest(-1)).isEqualTo(0);
        }

        @Test
        void a_broadcast_from_the_uplink_reaches_every_port_group_carrying_its_vlan_and_no_other_uplink() {
            final int second = vswitch.addUplink("vmnic1");

            vswitch.receive(tagged(ROUTER, MacAddress.BROADCAST, 1928), uplink, out);

            assertThat(out.transmittedPorts()).containsExactly(vst, vgt, dvTrunk).doesNotContain(second);
            assertThat(vid(out.transmitOn(vst))).isEqualTo(-1);
            assertThat(vid(out.transmitOn(vgt))).isEqualTo(1928);
        }

        @Test
        void vlan_id_4095_is_all_and_other_ids_are_refused() {
            assertThat(VlanPolicy.ofVlanId(4095)).isInstanceOf(VlanPolicy.AllVlans.class);
            assertThat(VlanPolicy.ofVlanId(0)).isInstanceOf(VlanPolicy.None.class);
            assertThat(VlanPolicy.ofVlanId(7)).isEqualTo(new VlanPolicy.Tagging(7));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> VlanPolicy.ofVlanId(4096))
                    .hasMessageContaining("4096");
        }
    }

    @Nested
    class Mac_learning {
        private final PortGroup learning = new PortGroup("dv-trunk", VlanPolicy.Trunk.parse("0-4094"),
                SecurityPolicy.STANDARD_DEFAULT, true);

        @Test
        void a_learned_nested_mac_is_delivered_to_its_port_only_without_promiscuous_mode() {
            final Host h = new Host(learning);
            h.vswitch.receive(tagged(NESTED, MacAddress.BROADCAST, 1928), h.nodeA, out);   // learns NESTED on A

            out.clear();
            h.vswitch.receive(tagged(ROUTER, NESTED, 1928), h.uplink, out);

            assertThat(out.onlyTransmit().port()).isEqualTo(h.nodeA);
            assertThat(out.onlyTransmit().action()).isEqualTo(Action.SWITCHED);
        }

        @Test
        void a_learning_port_lets_a_foreign_source_through_even_with_forged_transmits_reject() {
            final Host h = new Host(learning.withSecurity(SecurityPolicy.ALL_REJECT));

            h.vswitch.receive(tagged(NESTED, ROUTER, 1928), h.nodeA, out);

            assertThat(out.drops()).isEmpty();
            assertThat(out.transmittedPorts()).contains(h.uplink);
        }

        @Test
        void an_unknown_unicast_is_flooded_to_the_ports_that_learn() {
            final Host h = new Host(learning);

            h.vswitch.receive(tagged(ROUTER, NESTED, 1928), h.uplink, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeA, h.nodeB);
            assertThat(out.drops()).isEmpty();
        }

        @Test
        void learned_state_belongs_to_one_simulation() {
            final Host h = new Host(learning);
            final VSwitch first = h.vswitch.instantiate();
            first.receive(tagged(NESTED, MacAddress.BROADCAST, 1928), h.nodeA, out);
            out.clear();

            h.vswitch.instantiate().receive(tagged(ROUTER, NESTED, 1928), h.uplink, out);

            assertThat(out.transmittedPorts()).containsExactly(h.nodeA, h.nodeB);   // flooded: nothing learned here
        }
    }

    @Test
    void a_frame_between_two_vnics_of_one_vlan_is_switched_locally_and_not_sent_to_the_uplink() {
        final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));

        h.vswitch.receive(tagged(NODE_A, NODE_B, 1928), h.nodeA, out);

        assertThat(out.onlyTransmit().port()).isEqualTo(h.nodeB);
    }

    @Test
    void describe_shows_each_port_group_policy() {
        final Host h = new Host(trunk(SecurityPolicy.STANDARD_DEFAULT));

        assertThat(h.vswitch.describe(p -> "x")).contains("vSwitch0:", "vmnic0  uplink, to x",
                "Trunk:node-a/Network adapter 2  vNIC 00:50:56:8a:00:01, port group Trunk: VLAN ID 4095 (all); "
                        + "Promiscuous mode Reject, MAC address changes Accept, Forged transmits Accept, to x");
    }
}

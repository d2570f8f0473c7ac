package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.analysis.Reachability;
import vnetsim.analysis.ReachabilityDiff;
import vnetsim.device.DropReason;
import vnetsim.trace.Outcome;
import vnetsim.whatif.ChangeParser;

/** What-if on the acp network: a change applied to a copy, compared pair by pair. */
class WhatIfTest {
    private static final Network ACP = new AcpVirtualization().network();
    private static final Reachability BEFORE = Reachability.of(ACP);

    @Test
    void everyPairOfTheAcpNetworkIsDelivered() {
        assertThat(BEFORE.endpoints()).containsExactly("vm1", "pod2", "vm3", "vm4", "vm5", "vm6", "pod7");
        assertThat(BEFORE.cells()).hasSize(42).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.DELIVERED));
    }

    @Test
    void removingVlan2004FromEthernet1_3BreaksExactlyTheFlowsToAndFromVm3WithTheCauseThere() {
        final Network changed = ACP.with(ChangeParser.parse("remove vlan 2004 from Switch Ethernet1/3"));
        final ReachabilityDiff diff = Reachability.diff(BEFORE, Reachability.of(changed));
        assertThat(diff.changes()).hasSize(12).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(ReachabilityDiff.Kind.NOW_DROPPED);
            assertThat(c.before().from().equals("vm3") || c.before().to().equals("vm3")).isTrue();
            assertThat(c.after().cause().place()).isEqualTo("Switch / Ethernet1/3");
            assertThat(c.after().cause().reason()).contains("VLAN 2004");
        });
        assertThat(diff.changes(ReachabilityDiff.Kind.NOW_DROPPED)).extracting(c -> c.after().cause().code())
                .containsOnly(DropReason.VLAN_NOT_ALLOWED_EGRESS, DropReason.VLAN_NOT_ALLOWED_INGRESS);
    }

    @Test
    void movingVm4ToNode2ChangesOnlyPathsNotOutcomes() {
        final Network changed = ACP.with(ChangeParser.parse("move vm4 to node2"));
        final ReachabilityDiff diff = Reachability.diff(BEFORE, Reachability.of(changed));
        assertThat(diff.changes()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.kind()).isEqualTo(ReachabilityDiff.Kind.PATH_CHANGED));
    }

    @Test
    void anAclRuleOnTheFirewallDropsOnlyWhatItMatches() {
        final Network changed = ACP.with(ChangeParser.parse(
                "add acl on Firewall: deny 172.16.4.0/24 172.16.6.0/24 icmp"));
        final ReachabilityDiff diff = Reachability.diff(BEFORE, Reachability.of(changed));
        // VLAN 2003 (vm1, pod2, vm4) to VLAN 2005 (vm6, pod7): 3 x 2 pairs
        assertThat(diff.changes()).hasSize(6).allSatisfy(c -> {
            assertThat(c.after().drop().device()).isEqualTo("Firewall");
            assertThat(c.after().cause().code()).isEqualTo(DropReason.ACL_DENIED);
        });
    }

    @Test
    void shuttingTheLinkOfNode1CutsItsWorkloadsOff() {
        final Network changed = ACP.with(ChangeParser.parse("shut link node1 enp4s0f0"));
        final ReachabilityDiff diff = Reachability.diff(BEFORE, Reachability.of(changed));
        assertThat(diff.changes()).allSatisfy(c -> assertThat(
                c.before().from().matches("vm4|vm6") || c.before().to().matches("vm4|vm6")).isTrue());
        assertThat(diff.changes()).hasSize(2 * 2 * 5 + 2);
    }

    @Test
    void aChangeNamingSomethingMissingNamesTheClosest() {
        assertThatThrownBy(() -> ACP.with(ChangeParser.parse("remove vlan 2004 from Switch Ethernet1/33")))
                .hasMessageContaining("no port on Switch named 'Ethernet1/33'").hasMessageContaining("Ethernet1/3");
        assertThatThrownBy(() -> ACP.with(ChangeParser.parse("remove vlan 2004 from Swich Ethernet1/3")))
                .hasMessageContaining("no switch named 'Swich'; closest: Switch");
        assertThatThrownBy(() -> ACP.with(ChangeParser.parse("move vm9 to node2")))
                .hasMessageContaining("'vm9'").hasMessageContaining("vm1");
        assertThatThrownBy(() -> ChangeParser.parse("remove vlan 5000 from Switch Ethernet1/3"))
                .hasMessageContaining("VLAN ID must be 1-4094, not '5000'");
        assertThatThrownBy(() -> ChangeParser.parse("frobnicate Switch"))
                .hasMessageContaining("unknown change 'frobnicate'").hasMessageContaining("remove vlan VID from");
    }

    @Test
    void theOriginalNetworkIsUnchanged() {
        ACP.with(ChangeParser.parse("shut Switch Ethernet1/3"));
        assertThat(Reachability.diff(BEFORE, Reachability.of(ACP)).isEmpty()).isTrue();
    }
}

package vnetsim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.device.Bond;

/** A bond in the name-based spec: validation, compile, and traces that cross it. */
class BondSpecTest {
    /** w0's bond0 over ens224 (Ethernet1/3) and ens225 (Ethernet1/5) carries bond0.10 into br-10. */
    private static NetworkSpec lab(final Bond.Mode mode, final boolean ens224Up) {
        final NetworkBuilder b = NetworkBuilder.network("lab");
        b.switchNamed("tor").trunk("Ethernet1/3", "10").trunk("Ethernet1/4", "10").trunk("Ethernet1/5", "10");
        b.host("w0").nic("ens224").mac("3c:fd:fe:00:00:01");
        b.host("w0").nic("ens225").mac("3c:fd:fe:00:00:02");
        b.host("w1").nic("ens224").mac("3c:fd:fe:00:01:01").vlan(10).bridge("br-10");
        b.link("w0", "ens224", "tor", "Ethernet1/3").link("w0", "ens225", "tor", "Ethernet1/5")
                .link("w1", "ens224", "tor", "Ethernet1/4");
        b.host("w1").bridge("br-10").vm("vm-b", "10.0.10.20/24");
        b.host("w0").bridge("br-10").vm("vm-a", "10.0.10.10/24");
        NetworkSpec spec = b.build();
        HostSpec w0 = spec.host("w0").withBond(BondSpec.of("bond0", mode, "ens224", "ens225"))
                .withVlan(VlanSpec.of("bond0", 10)).withBridge(BridgeSpec.unaware("br-10", "bond0.10"));
        if (!ens224Up) {
            w0 = w0.withNic(w0.nic("ens224").withUp(false));
        }
        spec = spec.withHost(w0);
        return spec;
    }

    @Test
    void active_backup_crosses_the_bond_on_the_first_slave() {
        final NetworkSpec spec = lab(Bond.Mode.ACTIVE_BACKUP, true);
        assertThat(spec.problems()).isEmpty();
        assertThatTrace(spec.network().trace("vm-a", "vm-b")).isDelivered()
                .passes("w0", "bond0.10").pushingTag(10).then("w0", "bond0").then("w0", "ens224")
                .neverPasses("w0", "ens225");
    }

    @Test
    void active_backup_fails_over_when_the_active_slave_is_down() {
        final NetworkSpec spec = lab(Bond.Mode.ACTIVE_BACKUP, false);
        assertThat(spec.problems()).isEmpty();
        assertThatTrace(spec.network().trace("vm-a", "vm-b")).isDelivered()
                .passes("w0", "bond0").then("w0", "ens225");
    }

    @Test
    void members_are_validated() {
        final NetworkSpec spec = lab(Bond.Mode.LACP, true);
        final HostSpec w0 = spec.host("w0");
        final NetworkSpec bad = spec.withHost(w0.withBond(BondSpec.of("bond0", Bond.Mode.LACP, "ens224", "ens226"))
                .withBond(BondSpec.of("bond1", Bond.Mode.LACP, "ens224")));
        assertThat(String.join("\n", bad.problems()))
                .contains("w0/bond0: member 'ens226' is not a NIC on w0")
                .contains("w0/bond1: member ens224 is already a member of bond0");
    }

    @Test
    void compiled_bond_sits_between_its_nics_and_its_subinterface() {
        final var t = lab(Bond.Mode.LACP, true).compile();
        assertThat(t.devices()).extracting(d -> d.host() + "/" + d.interfaceName(0)).containsSubsequence(
                "w0/ens224", "w0/ens225", "w0/bond0", "w0/bond0.10", "w0/br-10");
        assertThat(t.devices().stream().filter(d -> d.interfaceName(0).equals("bond0")).findFirst().orElseThrow()
                .describe(p -> "x").get(0)).contains("802.3ad").contains("layer2");
    }
}

package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One interface-name rule for trace lookups, assertions, captures and verify. */
class InterfaceNamesTest {
    @Test
    void abbreviationsSpacingCaseAndBackticksNameOnePort() {
        for (final String written : new String[] {"Ethernet1/3", "Ethernet 1/3", "Eth1/3", "eth 1/3", "Et1/3",
            "E1/3", "`Ethernet1/3`", "ETHERNET\t1/3"}) {
            assertThat(InterfaceNames.normalize(written)).as(written).isEqualTo("ethernet1/3");
        }
        assertThat(InterfaceNames.normalize("Gi1/0/1")).isEqualTo("gigabitethernet1/0/1");
        assertThat(InterfaceNames.normalize("Uplink 1")).isEqualTo("uplink1");
    }

    @Test
    void linuxNamesWithoutASlotStayAsTheyAre() {
        assertThat(InterfaceNames.normalize("eth0")).isEqualTo("eth0");
        assertThat(InterfaceNames.normalize("enp4s0f0.2003")).isEqualTo("enp4s0f0.2003");
        assertThat(InterfaceNames.normalize("ethernet0")).isNotEqualTo(InterfaceNames.normalize("eth0"));
    }
}

package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vnetsim.folder.nxos.NxosConfigReader;
import vnetsim.folder.nxos.SwitchConfig;
import vnetsim.folder.nxos.SwitchConfig.Mode;

/** NX-OS running-config statements with the switch's semantics (semantics.md section 5). */
class NxosConfigReaderTest {
    private final Diagnostics d = new Diagnostics();

    private SwitchConfig read(final String text) {
        return new NxosConfigReader(d).read(text, "configs/sw.cfg");
    }

    /** The seed's excerpt, with the lines a running-config has around it. */
    @Test
    void seed_trunks() {
        final SwitchConfig sw = read("""
                !Command: show running-config
                version 9.3(8)
                hostname Switch
                feature interface-vlan
                vlan 1,2003-2005
                vlan 2003
                  name vm-a
                interface Ethernet1/3
                  description node0-virtualization
                  switchport
                  switchport mode trunk
                  switchport trunk allowed vlan 2003-2005
                interface Eth1/7
                  switchport mode trunk
                  switchport trunk allowed vlan 2003-2005
                """);
        assertThat(sw.hostname()).isEqualTo("Switch");
        assertThat(sw.interfaceVlanFeature()).isTrue();
        assertThat(sw.createdVlans().toString()).isEqualTo("1,2003-2005");
        assertThat(sw.vlans().get(2003).name()).isEqualTo("vm-a");
        final var e13 = sw.find("Eth1/3").orElseThrow();
        assertThat(e13.name()).isEqualTo("Ethernet1/3");
        assertThat(e13.description()).isEqualTo("node0-virtualization");
        assertThat(e13.mode()).isEqualTo(Mode.TRUNK);
        assertThat(e13.allowed().toString()).isEqualTo("2003-2005");
        assertThat(e13.allowedAt().line()).isEqualTo(12);
        assertThat(e13.nativeVlan()).isEqualTo(1);
        assertThat(e13.layer2Said()).isTrue();
        assertThat(sw.find("Ethernet 1/7").orElseThrow().layer2Said()).isFalse();
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void allowed_vlan_add_remove_except_all_none() {
        final SwitchConfig sw = read("""
                hostname s
                interface Ethernet1/1
                  switchport mode trunk
                interface Ethernet1/2
                  switchport mode trunk
                  switchport trunk allowed vlan 10-20
                  switchport trunk allowed vlan add 30,40
                  switchport trunk allowed vlan remove 15
                interface Ethernet1/3
                  switchport trunk allowed vlan except 100-4094
                interface Ethernet1/4
                  switchport trunk allowed vlan none
                  switchport trunk native vlan 99
                interface Ethernet1/5
                  switchport trunk allowed vlan 5
                  switchport trunk allowed vlan all
                interface ethernet1/6
                  switchport access vlan 42
                  shutdown
                  mtu 9216
                interface Ethernet1/6
                  no shutdown
                """);
        assertThat(sw.find("Ethernet1/1").orElseThrow().allowed().toString()).isEqualTo("1-4094");
        assertThat(sw.find("Ethernet1/2").orElseThrow().allowed().toString()).isEqualTo("10-14,16-20,30,40");
        assertThat(sw.find("Ethernet1/3").orElseThrow().allowed().toString()).isEqualTo("1-99");
        assertThat(sw.find("Ethernet1/4").orElseThrow().allowed().toString()).isEqualTo("none");
        assertThat(sw.find("Ethernet1/4").orElseThrow().nativeVlan()).isEqualTo(99);
        assertThat(sw.find("Ethernet1/5").orElseThrow().allowed().toString()).isEqualTo("1-4094");
        final var e16 = sw.find("Ethernet1/6").orElseThrow();
        assertThat(e16.mode()).isEqualTo(Mode.ACCESS);                 // NX-OS default mode
        assertThat(e16.accessVlan()).isEqualTo(42);
        assertThat(e16.mtu()).isEqualTo(9216);
        assertThat(e16.shutdown()).isFalse();                          // the later section wins, as on the CLI
        assertThat(d.errors()).isEmpty();
    }

    @Test
    void svi() {
        final SwitchConfig sw = read("""
                hostname s
                feature interface-vlan
                interface Vlan2003
                  ip address 172.16.4.1/24
                  no shutdown
                interface vlan 2004
                  ip address 172.16.5.1 255.255.255.0
                """);
        assertThat(sw.svis()).hasSize(2);
        assertThat(sw.svis().get(0).shutdown()).isFalse();
        assertThat(sw.svis().get(1).prefixLength()).isEqualTo(24);
        assertThat(sw.svis().get(1).shutdown()).isTrue();               // SVIs start shut on NX-OS
    }

    @Test
    void svi_without_feature_is_an_error() {
        read("hostname s\ninterface Vlan10\n  ip address 10.0.0.1/24\n  no shutdown\n");
        assertThat(d.errors()).singleElement().asString().startsWith("configs/sw.cfg:2")
                .contains("feature interface-vlan");
    }

    @Test
    void wrong_values_name_line_value_and_what_is_valid() {
        read("""
                hostname s
                vlan 5000
                interface Ethernet1/1
                  switchport mode fex-fabric
                  switchport access vlan 4095
                  switchport trunk allowed vlan 10-x
                  switchport trunk allowed vlan bogus 10
                  mtu 20000
                """);
        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("configs/sw.cfg:2:").contains("5000"),
                e -> assertThat(e).startsWith("configs/sw.cfg:4:").contains("fex-fabric").contains("access, trunk"),
                e -> assertThat(e).startsWith("configs/sw.cfg:5:").contains("4095").contains("1-4094"),
                e -> assertThat(e).startsWith("configs/sw.cfg:6:").contains("10-x"),
                e -> assertThat(e).startsWith("configs/sw.cfg:7:").contains("bogus"),
                e -> assertThat(e).startsWith("configs/sw.cfg:8:").contains("20000").contains("576-9216"));
    }

    @Test
    void unsupported_lines_are_warnings_with_line() {
        read("""
                hostname s
                feature lacp
                interface Ethernet1/1
                  spanning-tree port type edge trunk
                interface port-channel10
                  switchport mode trunk
                """);
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).extracting(Problem::toString).satisfiesExactly(
                w -> assertThat(w).startsWith("configs/sw.cfg:2:").contains("feature lacp"),
                w -> assertThat(w).startsWith("configs/sw.cfg:4:").contains("spanning-tree"),
                w -> assertThat(w).startsWith("configs/sw.cfg:5:").contains("port-channel10"));
    }

    @Test
    void missing_hostname_is_an_error() {
        read("interface Ethernet1/1\n  switchport mode trunk\n");
        assertThat(d.errors()).singleElement().asString().contains("hostname");
    }
}

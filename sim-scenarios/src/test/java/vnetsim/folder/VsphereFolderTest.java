package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.DhcpTrace;
import vnetsim.analysis.Network;
import vnetsim.device.DropReason;
import vnetsim.folder.dhcp.DhcpConfig;
import vnetsim.folder.dhcp.DhcpReader;
import vnetsim.frame.Ipv4Address;
import vnetsim.whatif.ChangeParser;
import vnetsim.whatif.VsphereChange;

/**
 * The vSphere parts of a network folder: dhcp/*.yaml (Kea's Dhcp4 field names), vsphere/*.yaml against
 * network.yaml, and what-if changes of the vSphere layer next to the others (which change the network under it).
 */
class VsphereFolderTest {
    private static final Path SHIPPED = Path.of("../src/networks/vsphere-nested-lab");
    private final Diagnostics d = new Diagnostics();

    @TempDir
    Path tmp;

    @Test
    void the_dhcp_file_reads_pool_router_mask_and_lease_with_keas_names() {
        final List<DhcpConfig> servers = new DhcpReader(d).readText("""
                name: dhcp-1928
                interface: {name: eth0, mac: "02:00:c0:a8:1c:02", address: 192.168.28.2/24}
                subnet4:
                  - subnet: 192.168.28.0/24
                    pools: [{pool: 192.168.28.100 - 192.168.28.199}]
                    option-data: [{name: routers, data: 192.168.28.1}, {name: domain-name-servers, data: 1.1.1.1}]
                    valid-lifetime: 600
                """, "dhcp/d.yaml");

        assertThat(servers).singleElement().satisfies(s -> {
            assertThat(s.poolFirst()).isEqualTo(Ipv4Address.parse("192.168.28.100"));
            assertThat(s.poolLast()).isEqualTo(Ipv4Address.parse("192.168.28.199"));
            assertThat(s.router()).isEqualTo(Ipv4Address.parse("192.168.28.1"));
            assertThat(s.prefixLength()).isEqualTo(24);
            assertThat(s.leaseSeconds()).isEqualTo(600);
        });
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).singleElement().asString().startsWith("dhcp/d.yaml:6:")
                .contains("domain-name-servers").contains("not simulated");
    }

    @Test
    void dhcp_errors_name_file_line_and_what_would_be_valid() {
        new DhcpReader(d).readText("""
                name: a
                interface: {name: eth0, mac: "02:00:00:00:00:01", address: 10.0.1.2/24}
                subnet4:
                  - subnet: 10.0.0.0/24
                    pools: [{pool: 10.0.0.100 - 10.0.0.50}]
                ---
                name: b
                interface: {name: eth0, mac: "02:00:00:00:00:02", address: 10.0.0.2/24}
                subnet4:
                  - subnet: 10.0.0.0/24
                    pools: [{pool: 10.0.0.100 - 10.0.0.150}]
                    option-data: [{name: routers, data: 10.9.9.9}]
                """, "dhcp/d.yaml");

        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("dhcp/d.yaml:5:").contains("10.0.0.100 - 10.0.0.50")
                        .contains("FIRST <= LAST"),
                e -> assertThat(e).startsWith("dhcp/d.yaml:12:").contains("router 10.9.9.9 is not in subnet"));
    }

    @Test
    void a_vnic_that_is_no_node_nic_or_has_another_mac_is_an_error_at_its_line() throws IOException {
        final Path copy = copyShipped();
        final Path esxi = copy.resolve("vsphere/esxi-01.yaml");
        Files.writeString(esxi, Files.readString(esxi)
                .replace("macAddress: \"00:50:56:8a:19:21\"", "macAddress: \"00:50:56:00:00:01\"")
                .replace("{name: ens224, network: Trunk", "{name: ens256, network: Trunk"));

        assertThatThrownBy(() -> NetworkFolders.load(copy, "lab"))
                .hasMessageContaining("lab/vsphere/esxi-01.yaml:24: error: vNIC hub-7vxwj-cnv-drhkz/ens192 has macAddress "
                        + "00:50:56:00:00:01 but network.yaml gives the NIC 00:50:56:8a:19:21")
                .hasMessageContaining("lab/vsphere/esxi-01.yaml:25: error: vNIC 'ens256' of hub-7vxwj-cnv-drhkz is no NIC");
    }

    @Test
    void a_bad_vsphere_file_is_an_error_with_file_and_line() throws IOException {
        final Path copy = copyShipped();
        Files.writeString(copy.resolve("vsphere/esxi-02.yaml"), "host: esxi-02\nvswitch: []\n");

        assertThatThrownBy(() -> NetworkFolders.load(copy, "lab"))
                .hasMessageContaining("lab/vsphere/esxi-02.yaml:2: error: expected exactly one vSwitch");
    }

    @Test
    void a_cable_to_a_missing_uplink_is_an_error_naming_the_valid_ones() throws IOException {
        final Path copy = copyShipped();
        final Path layer1 = copy.resolve("layer1_topology.json");
        Files.writeString(layer1, Files.readString(layer1).replace("\"vmnic0\"", "\"vmnic9\""));

        assertThatThrownBy(() -> NetworkFolders.load(copy, "lab"))
                .hasMessageContaining("lab/layer1_topology.json:3: error: cable to esxi-01/vmnic9: esxi-01 has no "
                        + "port 'vmnic9'; valid: [vmnic0]");
    }

    @Test
    void a_copy_of_the_folder_is_the_same_network_as_the_shipped_name() throws IOException {
        final Network copy = Networks.named(copyShipped().toString()).network();
        final Network shipped = Networks.named("vsphere-nested-lab").network();
        assertThat(copy.dhcp("kubevirt-vm")).isEqualTo(shipped.dhcp("kubevirt-vm"));
    }

    @Test
    void whatif_lines_change_the_port_group_and_other_changes_the_network_under_it() {
        final Network lab = NetworkFolders.shipped("vsphere-nested-lab").orElseThrow().network();

        final Network accept = lab.with(ChangeParser.parse("set portgroup Trunk allowPromiscuous accept"));
        assertThat(accept.dhcp("kubevirt-vm").isBound()).isTrue();

        // the DHCP server's switch port shut: a change of the base spec, applied under the vSphere layer
        final DhcpTrace shut = accept.with(ChangeParser.parse("shut tor Ethernet1/3")).dhcp("kubevirt-vm");
        assertThat(shut.isBound()).isFalse();
        assertThat(shut.first("DHCPDISCOVER").trace().isDelivered()).isFalse();
        assertThatTrace(shut.first("DHCPDISCOVER").trace()).neverPasses("dhcp-1928", "eth0");

        final DhcpTrace vlan = lab.with(ChangeParser.parse("set portgroup esxi-01/Trunk vlanId 1928"))
                .dhcp("kubevirt-vm");
        assertThatTrace(vlan.first("DHCPDISCOVER").trace()).isDroppedAt("esxi-01", "Trunk:hub-7vxwj-cnv-drhkz/ens224")
                .because(DropReason.PORT_GROUP_VLAN_FROM_GUEST);
    }

    @Test
    void mac_learning_on_a_distributed_trunk_binds_without_promiscuous_mode() {
        final Network lab = NetworkFolders.shipped("vsphere-nested-lab").orElseThrow().network();
        final Network learning = lab.with(ChangeParser.parse("set portgroup Trunk vlanTrunk 0-4094"))
                .with(ChangeParser.parse("set portgroup Trunk macLearning true"));
        assertThat(learning.dhcp("kubevirt-vm").isBound()).isTrue();
        assertThat(lab.with(ChangeParser.parse("set portgroup Trunk vlanTrunk 0-4094")).dhcp("kubevirt-vm")
                .isBound()).isFalse();
    }

    @Test
    void vsphere_changes_name_what_is_wrong() {
        assertThatThrownBy(() -> ChangeParser.parse("set portgroup Trunk promiscuous true"))
                .hasMessageContaining("unknown port group field 'promiscuous'")
                .hasMessageContaining("set portgroup [ESXI/]PORTGROUP");
        assertThatThrownBy(() -> ChangeParser.parse("set portgroup Trunk vlanId 5000"))
                .hasMessageContaining("vlanId must be 0 (none), 1-4094 or 4095");
        final Network lab = NetworkFolders.shipped("vsphere-nested-lab").orElseThrow().network();
        assertThatThrownBy(() -> lab.with(ChangeParser.parse("set portgroup Trunc allowPromiscuous true")))
                .hasMessageContaining("no port group named 'Trunc'; closest: Trunk");
        final Network acp = NetworkFolders.shipped("acp-virtualization").orElseThrow().network();
        assertThatThrownBy(() -> acp.with(VsphereChange.setting("Trunk.allowPromiscuous=true")))
                .hasMessageContaining("has no vSphere layer");
    }

    private Path copyShipped() throws IOException {
        final Path copy = tmp.resolve("lab");
        try (Stream<Path> all = Files.walk(SHIPPED)) {
            for (final Path p : all.toList()) {
                final Path target = copy.resolve(SHIPPED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}

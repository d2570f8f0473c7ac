package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.DhcpTrace;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.network.VsphereSpec;
import vnetsim.scenario.VsphereNestedLab;
import vnetsim.trace.Trace;
import vnetsim.whatif.VsphereChange;

/**
 * The shipped src/networks/vsphere-nested-lab folder (seed 002's policy and NAD, plus vsphere/, dhcp/, configs/,
 * firewalls/ and the cables) compiles to exactly the network the Java fixture {@link VsphereNestedLab} builds: every
 * trace between the endpoints, every protocol, warm and cold, and the DHCP exchange with each port group policy,
 * step by step (Trace and DhcpTrace are records: equality is field by field). The name and the path open the same
 * network.
 */
class VsphereFolderEquivalenceTest {
    private static final Path FOLDER = Path.of("../src/networks/vsphere-nested-lab");
    private static final List<String> ENDPOINTS = List.of("prov-a", "prov-b", "metal-a", "kubevirt-vm");

    @Test
    void the_folder_reads_without_errors_or_warnings_and_has_its_vsphere_layer() {
        final FolderScenario folder = NetworkFolders.load(FOLDER, "vsphere-nested-lab");
        assertThat(folder.plan().warnings()).isEmpty();
        assertThat(folder.name()).isEqualTo(VsphereNestedLab.NAME);
        final VsphereSpec spec = folder.vsphere().orElseThrow();
        assertThat(spec.esxiHosts()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("esxi-01"));
        assertThat(spec.dhcpServers()).singleElement().satisfies(d -> assertThat(d.leaseSeconds()).isEqualTo(3600));
    }

    @Test
    void the_vsphere_layer_is_the_fixtures_value_for_value() {
        final VsphereSpec folder = NetworkFolders.load(FOLDER, "x").vsphere().orElseThrow();
        final VsphereSpec java = new VsphereNestedLab().vsphere();
        assertThat(folder.esxiHosts()).isEqualTo(java.esxiHosts());
        assertThat(folder.dhcpServers()).isEqualTo(java.dhcpServers());
        assertThat(folder.links()).containsExactlyInAnyOrderElementsOf(java.links());
    }

    @Test
    void every_trace_is_identical_to_the_java_fixture() {
        final Network java = new VsphereNestedLab().network();
        final Network folder = NetworkFolders.shipped(VsphereNestedLab.NAME).orElseThrow().network();
        final List<String> compared = new ArrayList<>();
        for (final String from : ENDPOINTS) {
            for (final String to : ENDPOINTS) {
                if (from.equals(to)) {
                    continue;
                }
                for (final Protocol protocol : Protocol.values()) {
                    for (final boolean cold : new boolean[] {false, true}) {
                        final Flow flow = new Flow(from, to, protocol, cold);
                        final Trace expected = java.trace(flow);
                        assertThat(folder.trace(flow)).as(flow.toString()).isEqualTo(expected);
                        compared.add(from + to + protocol + cold);
                    }
                }
            }
        }
        assertThat(compared).hasSize(4 * 3 * Protocol.values().length * 2);
    }

    @Test
    void the_dhcp_exchange_is_identical_with_each_policy() {
        final Network java = new VsphereNestedLab().network();
        final Network folder = NetworkFolders.shipped(VsphereNestedLab.NAME).orElseThrow().network();
        for (final String setting : List.of("Trunk.allowPromiscuous=false", "Trunk.allowPromiscuous=true",
                "Trunk.forgedTransmits=false", "Trunk.vlanId=1928")) {
            final VsphereChange change = VsphereChange.setting(setting);
            final DhcpTrace expected = java.with(change).dhcp(VsphereNestedLab.CLIENT);
            assertThat(folder.with(change).dhcp(VsphereNestedLab.CLIENT)).as(setting).isEqualTo(expected);
        }
    }

    @Test
    void the_name_and_the_path_open_the_same_network() {
        final Network byName = Networks.named(VsphereNestedLab.NAME).network();
        final Network byPath = Networks.named(FOLDER.toString()).network();
        final VsphereChange accept = VsphereChange.setting("Trunk.allowPromiscuous=true");
        assertThat(byPath.with(accept).dhcp(VsphereNestedLab.CLIENT))
                .isEqualTo(byName.with(accept).dhcp(VsphereNestedLab.CLIENT));
        assertThat(byPath.with(accept).trace("prov-a", "metal-a"))
                .isEqualTo(byName.with(accept).trace("prov-a", "metal-a"));
    }
}

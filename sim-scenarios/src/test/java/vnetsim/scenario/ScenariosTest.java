package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios.network: the exported way to any network by name or folder path, resolved as the command line
 * resolves its network argument (vnetsim.folder.Networks, which the module does not export).
 */
class ScenariosTest {
    @Test
    void a_shipped_network_folder_is_found_by_name_and_traces() {
        final Scenario acp = Scenarios.network("ACP-Virtualization");
        assertThat(acp.name()).isEqualTo("acp-virtualization");
        // the shipped folder (src/networks/acp-virtualization), not the Java scenario of the same name
        assertThat(acp).isNotInstanceOf(AcpVirtualization.class);
        assertThat(acp.network().trace("vm1", "vm3").isDelivered()).isTrue();
    }

    @Test
    void a_built_in_java_scenario_no_folder_replaces_is_found_by_name() {
        assertThat(Scenarios.network("vsphere-lab")).isInstanceOf(VsphereLab.class);
    }

    @Test
    void an_unknown_name_fails_naming_the_networks_that_exist() {
        assertThatThrownBy(() -> Scenarios.network("acp-virtualisation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown scenario 'acp-virtualisation'; scenarios: ")
                .hasMessageContaining("acp-virtualization").hasMessageContaining("vsphere-lab");
    }

    @Test
    void a_path_that_is_no_network_folder_fails_naming_it(@TempDir final Path dir) {
        final String missing = dir.resolve("no-such-folder").toString();
        assertThatThrownBy(() -> Scenarios.network(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such network folder");
    }
}

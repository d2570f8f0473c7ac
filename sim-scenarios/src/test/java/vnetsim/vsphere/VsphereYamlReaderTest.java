package vnetsim.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.SecurityPolicy;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.MacAddress;
import vnetsim.network.VsphereSpec;

class VsphereYamlReaderTest {
    private static final String HEAD = """
            host: esxi-02
            vswitch:
              - name: vSwitch0
                pnic: [key-vim.host.PhysicalNic-vmnic0, vmnic1]
            portgroup:
            """;

    @Test
    void the_shipped_nested_lab_host_reads_as_the_seed_describes_it() throws java.io.IOException {
        final VsphereSpec.EsxiHost host = VsphereYamlReader.read("esxi-01.yaml", java.nio.file.Files.readString(
                java.nio.file.Path.of("../src/networks/vsphere-nested-lab/vsphere/esxi-01.yaml")));

        assertThat(host.name()).isEqualTo("esxi-01");
        assertThat(host.uplinks()).containsExactly("vmnic0");
        assertThat(host.portGroup("Trunk")).isEqualTo(PortGroup.standard("Trunk", 4095));
        assertThat(host.portGroup("lab-192-168-4-0-b24").vlan()).isInstanceOf(VlanPolicy.None.class);
        assertThat(host.vnics()).extracting(VsphereSpec.Vnic::nic).containsExactly("ens192", "ens224");
    }

    @Test
    void standard_and_distributed_port_groups_with_their_policies() {
        final VsphereSpec.EsxiHost host = VsphereYamlReader.read("esxi-02.yaml", HEAD + """
                  - spec:
                      name: vlan-1928
                      vlanId: 1928
                      policy:
                        security: {allowPromiscuous: true}
                  - spec:
                      name: dv-trunk
                      defaultPortConfig:
                        vlan: {vlanId: [{start: 0, end: 4094}]}
                        macManagementPolicy: {forgedTransmits: true, macLearningPolicy: {enabled: true}}
                vm:
                  - name: node
                    nics:
                      - {name: ens224, network: dv-trunk, macAddress: "00:50:56:00:00:01"}
                """);

        assertThat(host.uplinks()).containsExactly("vmnic0", "vmnic1");
        assertThat(host.portGroup("vlan-1928").security())
                .isEqualTo(SecurityPolicy.STANDARD_DEFAULT.withPromiscuous(true));
        final PortGroup dv = host.portGroup("dv-trunk");
        assertThat(dv.vlan()).isEqualTo(VlanPolicy.Trunk.parse("0-4094"));
        assertThat(dv.macLearning()).isTrue();
        assertThat(dv.security().forgedTransmits()).isTrue();
        assertThat(host.vnics().get(0).mac()).isEqualTo(MacAddress.parse("00:50:56:00:00:01"));
    }

    @Test
    void errors_name_the_file_and_line() {
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", HEAD + """
                  - spec: {name: Trunk, vlanId: 4096}
                """)).hasMessage("h.yaml:6: VLAN ID 4096 is not 0 (none), 1-4094 or 4095 (all)");
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", HEAD + """
                  - spec: {name: Trunk, vlanId: 4095, policy: {security: {allowPromiscous: true}}}
                """)).hasMessageStartingWith("h.yaml:6: unknown key 'allowPromiscous' in policy.security");
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", HEAD + """
                  - spec: {name: Trunk, vlanId: 4095}
                vm:
                  - name: node
                    nics:
                      - {name: ens224, network: Trunc, macAddress: "00:50:56:00:00:01"}
                """)).hasMessage("h.yaml:10: network 'Trunc' is no port group of esxi-02 (port groups: Trunk)");
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", HEAD + """
                  - spec: {name: Trunk, vlanId: 4095, policy: {security: {macChanges: maybe}}}
                """)).hasMessageContaining("h.yaml:6: macChanges must be true (Accept) or false (Reject)");
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", "host: [unclosed"))
                .hasMessageStartingWith("h.yaml:1: not valid YAML");
        assertThatThrownBy(() -> VsphereYamlReader.read("h.yaml", ""))
                .hasMessageStartingWith("h.yaml: empty");
    }
}

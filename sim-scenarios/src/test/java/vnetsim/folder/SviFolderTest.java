package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.trace.Trace;

/** NX-OS SVIs: the switch routes between its VLANs itself (feature interface-vlan, interface VlanN, no shutdown). */
class SviFolderTest {
    @TempDir
    Path dir;

    @Test
    void the_switch_routes_between_vlans_through_its_svis() throws IOException {
        Files.writeString(dir.resolve("network.yaml"), """
                name: svi
                nodes:
                  - name: n0
                    nics: [{name: eth0, mac: 02:aa:00:00:00:01}]
                workloads:
                  - {name: a, node: n0, interfaces: [{name: net1, address: 10.0.0.1/24, gateway: 10.0.0.254}]}
                  - {name: b, node: n0, interfaces: [{name: net1, address: 10.0.1.1/24, gateway: 10.0.1.254}]}
                """);
        Files.writeString(dir.resolve("layer1_topology.json"), """
                {"edges": [{"node1": {"hostname": "n0", "interfaceName": "eth0"},
                            "node2": {"hostname": "tor", "interfaceName": "Ethernet1/1"}}]}
                """);
        Files.createDirectories(dir.resolve("nmstate"));
        Files.writeString(dir.resolve("nmstate/br0.yaml"), Yaml.nncp("br0", """
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth0
                          vlan: {mode: trunk, trunk-tags: [{id-range: {min: 100, max: 101}}]}
                """));
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/tor.cfg"), """
                hostname tor
                feature interface-vlan
                vlan 100-101
                interface Ethernet1/1
                  switchport
                  switchport mode trunk
                  switchport trunk allowed vlan 100-101
                interface Vlan100
                  ip address 10.0.0.254/24
                  no shutdown
                interface Vlan101
                  ip address 10.0.1.254/24
                  no shutdown
                """);
        Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(dir.resolve("manifests/m.yaml"), """
                kind: NetworkAttachmentDefinition
                metadata: {name: v100}
                spec: {config: '{"type": "bridge", "bridge": "br0", "vlan": 100}'}
                ---
                kind: NetworkAttachmentDefinition
                metadata: {name: v101}
                spec: {config: '{"type": "bridge", "bridge": "br0", "vlan": 101}'}
                ---
                kind: Pod
                metadata: {name: a, annotations: {k8s.v1.cni.cncf.io/networks: v100}}
                ---
                kind: Pod
                metadata: {name: b, annotations: {k8s.v1.cni.cncf.io/networks: v101}}
                """);
        final FolderScenario s = NetworkFolders.load(dir, "svi");
        final Trace t = s.network().trace("a", "b");
        assertThat(t.isDelivered()).as(t.toString()).isTrue();
        assertThat(t.fullPath()).anySatisfy(step -> assertThat(step.device()).isEqualTo("tor SVIs"));
        assertThat(t.fullPath()).filteredOn(step -> step.device().equals("tor")).extracting(step -> step.vlan())
                .contains(100, 101);
    }
}

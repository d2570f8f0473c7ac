package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/**
 * nmstate bonds (link-aggregation): bond0 of ens4 and ens5 carries bond0.2003 into br2003; traces cross it,
 * active-backup fails over, 802.3ad spreads flows by the layer2 hash.
 */
class BondFolderTest {
    @TempDir
    Path dir;

    private void write(final String mode, final String options, final boolean ens4Cabled) throws IOException {
        Files.writeString(dir.resolve("network.yaml"), """
                name: bonded
                nodes:
                  - name: n0
                    labels: {box: n0}
                    nics: [{name: ens4, mac: 02:aa:00:00:00:04}, {name: ens5, mac: 02:aa:00:00:00:05}]
                  - name: n1
                    labels: {box: n1}
                    nics: [{name: eth0, mac: 02:aa:00:00:01:01}]
                workloads:
                  - {name: a, node: n0, interfaces: [{name: net1, address: 10.0.3.1/24, mac: "02:00:00:00:00:0a"}]}
                  - {name: c, node: n0, interfaces: [{name: net1, address: 10.0.3.3/24, mac: "02:00:00:00:00:0b"}]}
                  - {name: b, node: n1, interfaces: [{name: net1, address: 10.0.3.2/24, mac: "02:00:00:00:00:20"}]}
                """);
        Files.writeString(dir.resolve("layer1_topology.json"), "{\"edges\": ["
                + (ens4Cabled ? "{\"node1\": {\"hostname\": \"n0\", \"interfaceName\": \"ens4\"},"
                + " \"node2\": {\"hostname\": \"tor\", \"interfaceName\": \"Ethernet1/1\"}}," : "")
                + "{\"node1\": {\"hostname\": \"n0\", \"interfaceName\": \"ens5\"},"
                + " \"node2\": {\"hostname\": \"tor\", \"interfaceName\": \"Ethernet1/2\"}},"
                + "{\"node1\": {\"hostname\": \"n1\", \"interfaceName\": \"eth0\"},"
                + " \"node2\": {\"hostname\": \"tor\", \"interfaceName\": \"Ethernet1/3\"}}]}");
        Files.createDirectories(dir.resolve("nmstate"));
        Files.writeString(dir.resolve("nmstate/n0.yaml"), Yaml.nncp("n0", """
                interfaces:
                  - name: bond0
                    type: bond
                    state: up
                    link-aggregation:
                      mode: %s
                      port: [ens4, ens5]
                      options: {miimon: '100'%s}
                  - name: bond0.2003
                    type: vlan
                    vlan: {base-iface: bond0, id: 2003}
                  - name: br2003
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: bond0.2003
                          vlan: {}
                """.formatted(mode, options)).replace("\nspec:\n", "\nspec:\n  nodeSelector: {box: n0}\n"));
        Files.writeString(dir.resolve("nmstate/n1.yaml"), Yaml.nncp("n1", """
                interfaces:
                  - name: eth0.2003
                    type: vlan
                    vlan: {base-iface: eth0, id: 2003}
                  - name: br2003
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth0.2003
                          vlan: {}
                """).replace("\nspec:\n", "\nspec:\n  nodeSelector: {box: n1}\n"));
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/tor.cfg"), """
                hostname tor
                vlan 2003
                interface Ethernet1/1
                  switchport
                  switchport mode trunk
                  switchport trunk allowed vlan 2003
                interface Ethernet1/2
                  switchport
                  switchport mode trunk
                  switchport trunk allowed vlan 2003
                interface Ethernet1/3
                  switchport
                  switchport mode trunk
                  switchport trunk allowed vlan 2003
                """);
        Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(dir.resolve("manifests/m.yaml"), """
                kind: NetworkAttachmentDefinition
                metadata: {name: v2003}
                spec: {config: '{"type": "bridge", "bridge": "br2003"}'}
                ---
                kind: Pod
                metadata: {name: a, annotations: {k8s.v1.cni.cncf.io/networks: v2003}}
                ---
                kind: Pod
                metadata: {name: c, annotations: {k8s.v1.cni.cncf.io/networks: v2003}}
                ---
                kind: Pod
                metadata: {name: b, annotations: {k8s.v1.cni.cncf.io/networks: v2003}}
                """);
    }

    /** The NIC under bond0 the traced packet left n0 on. */
    private static String slave(final Trace t) {
        return t.fullPath().stream().filter(s -> s.device().equals("n0")
                        && (s.iface().equals("ens4") || s.iface().equals("ens5")))
                .map(Step::iface).findFirst().orElseThrow();
    }

    @Test
    void active_backup_crosses_the_bond_on_its_first_port() throws IOException {
        write("active-backup", "", true);
        final FolderScenario s = NetworkFolders.load(dir, "bonded");
        final Trace t = s.network().trace("a", "b");
        assertThat(t.isDelivered()).as(t.toString()).isTrue();
        assertThat(t.fullPath()).anySatisfy(step -> assertThat(step.iface()).isEqualTo("bond0"));
        assertThat(slave(t)).isEqualTo("ens4");
        assertThat(t.fullPath()).noneSatisfy(step -> assertThat(step.iface()).isEqualTo("ens5"));
    }

    @Test
    void primary_option_makes_ens5_active() throws IOException {
        write("active-backup", ", primary: ens5", true);
        final Trace t = NetworkFolders.load(dir, "bonded").network().trace("a", "b");
        assertThat(t.isDelivered()).as(t.toString()).isTrue();
        assertThat(slave(t)).isEqualTo("ens5");
    }

    @Test
    void active_backup_fails_over_when_the_active_port_has_no_cable() throws IOException {
        write("active-backup", "", false);
        final Trace t = NetworkFolders.load(dir, "bonded").network().trace("a", "b");
        assertThat(t.isDelivered()).as(t.toString()).isTrue();
        assertThat(slave(t)).isEqualTo("ens5");
    }

    /** The NIC under bond0 the first frame of the run (a's or c's ARP request) left n0 on. */
    private static String requestSlave(final Trace t) {
        return t.events().stream().filter(s -> s.device().equals("n0")
                        && (s.iface().equals("ens4") || s.iface().equals("ens5")))
                .map(Step::iface).findFirst().orElseThrow();
    }

    /**
     * The ARP requests (dst ff:ff:ff:ff:ff:ff, EtherType 0x0806) take the ports the layer2 hash picks:
     * (0x0a ^ 0xff ^ 0x0806) % 2 = 1 -> ens5, (0x0b ^ 0xff ^ 0x0806) % 2 = 0 -> ens4. The switch here has no
     * port-channel (not modelled), so, as on a real switch without LACP, the broadcast comes back in on the other
     * port, the bridge learns the sender behind the bond and the reply is dropped: the trace says so.
     */
    @Test
    void lacp_layer2_spreads_two_flows_over_two_ports() throws IOException {
        write("802.3ad", "", true);
        final var network = NetworkFolders.load(dir, "bonded").network();
        final Trace fromA = network.trace("a", "b");
        final Trace fromC = network.trace("c", "b");
        assertThat(requestSlave(fromA)).isEqualTo("ens5");
        assertThat(requestSlave(fromC)).isEqualTo("ens4");
        assertThat(fromA.isDelivered()).isFalse();
        assertThat(fromA.cause().toString()).contains("destination is on the ingress port");
    }

    @Test
    void describe_shows_the_bond_its_mode_and_how_frames_choose_a_port() throws IOException {
        write("802.3ad", ", xmit_hash_policy: layer2+3", true);
        final String text = new FolderDescription(NetworkFolders.load(dir, "bonded")).text();
        assertThat(text).contains("bond0  bond, mode 802.3ad, ports ens4, ens5")
                .contains("layer2+3 hash").contains("bond0.2003  802.1Q VLAN 2003 on bond0");
    }
}

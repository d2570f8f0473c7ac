package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.folder.compile.NodePlan;
import vnetsim.folder.compile.WorkloadPlan;
import vnetsim.trace.Trace;

/**
 * What a folder becomes: the CNI bridge plugin's vlan on each kind of bridge, nmstate port VLAN tables in the
 * kernel, merged policies, and the errors for references to things that do not exist.
 */
class FolderCompileTest {
    @TempDir
    Path dir;

    private static final String NETWORK = """
            name: t
            nodes:
              - name: n0
                nics:
                  - {name: eth0, mac: 02:aa:00:00:00:01}
                  - {name: eth1, mac: 02:aa:00:00:00:02}
            workloads:
              - {name: a, node: n0, interfaces: [{name: net1, address: 10.0.0.1/24, gateway: 10.0.0.254}]}
              - {name: b, node: n0, interfaces: [{name: net1, address: 10.0.0.2/24, gateway: 10.0.0.254}]}
            """;
    private static final String LAYER1 = """
            {"edges": [{"node1": {"hostname": "n0", "interfaceName": "eth0"},
                        "node2": {"hostname": "sw", "interfaceName": "Eth1/1"}},
                       {"node1": {"hostname": "n0", "interfaceName": "eth1"},
                        "node2": {"hostname": "sw", "interfaceName": "Eth1/2"}}]}
            """;
    private static final String SWITCH = """
            hostname sw
            vlan 100,200
            interface Ethernet1/1
              switchport
              switchport mode trunk
              switchport trunk allowed vlan 100,200
            interface Ethernet1/2
              switchport
              switchport access vlan 100
            """;

    private FolderScenario load(final String policy, final String nad) throws IOException {
        Files.writeString(dir.resolve("network.yaml"), NETWORK);
        Files.writeString(dir.resolve("layer1_topology.json"), LAYER1);
        Files.createDirectories(dir.resolve("nmstate"));
        Files.writeString(dir.resolve("nmstate/p.yaml"), policy);
        Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("configs/sw.cfg"), SWITCH);
        Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(dir.resolve("manifests/m.yaml"), nad + """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                  annotations: {k8s.v1.cni.cncf.io/networks: net}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: b
                  annotations: {k8s.v1.cni.cncf.io/networks: net}
                """);
        return NetworkFolders.load(dir, "t");
    }

    private static String nad(final String config) {
        return "apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata: {name: net}\nspec:\n"
                + "  config: '" + config + "'\n";
    }

    private static String policy(final String interfaces) {
        return Yaml.nncp("p", interfaces);
    }

    private static final String BRIDGE_ON_ETH0 = """
            interfaces:
              - name: br0
                type: linux-bridge
                bridge:
                  options: {stp: {enabled: false}}
                  port:
                    - name: eth0
            """;

    /** k-nmstate default trunk on a NIC uplink + NAD vlan 100: the veth's PVID, tagged 100 on the wire. */
    @Test
    void nad_vlan_on_a_default_trunk_bridge_over_a_nic_leaves_tagged() throws IOException {
        final FolderScenario s = load(policy(BRIDGE_ON_ETH0), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", "
                + "\"vlan\": 100, \"preserveDefaultVlan\": false}"));
        final NodePlan.BridgePlan br = s.plan().nodes().get(0).bridges().get(0);
        assertThat(br.vlanFiltering()).isTrue();
        assertThat(br.ports().get(0).membership()).isEqualTo("PVID 1; tagged 2-4094");
        final WorkloadPlan a = s.plan().workloads().get(0);
        assertThat(a.port().membership()).isEqualTo("PVID 100");
        assertThat(a.egress()).isEqualTo("leaves eth0 tagged 100");
        final Trace t = s.network().trace("a", "b");
        assertThat(t.isDelivered()).isTrue();
        assertThat(s.plan().warnings()).anySatisfy(w -> assertThat(w.message()).contains("default trunk"));
    }

    /** No NAD vlan on a filtering bridge: PVID 1, untagged on the uplink (its native VLAN). */
    @Test
    void no_nad_vlan_on_a_filtering_bridge_is_vlan_1_untagged() throws IOException {
        final FolderScenario s = load(policy(BRIDGE_ON_ETH0), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}"));
        assertThat(s.plan().workloads().get(0).egress()).startsWith("leaves eth0 untagged (VLAN 1 is the uplink's "
                + "untagged PVID)");
    }

    /** nmstate access port on the uplink: the NAD's VLAN is not carried, the workload's frames die in the bridge. */
    @Test
    void access_uplink_without_the_nad_vlan_drops_in_the_bridge() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth1
                          vlan: {mode: access, tag: 100}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", \"vlan\": 200}"));
        assertThat(s.plan().nodes().get(0).bridges().get(0).ports().get(0).membership()).isEqualTo("PVID 100");
        assertThat(s.plan().workloads().get(0).egress()).startsWith("dropped in br0: the uplink eth1 does not "
                + "carry VLAN 200");
        assertThat(s.plan().workloads().get(0).port().membership()).isEqualTo("PVID 200; untagged 1");
    }

    /** Trunk with enable-native: native tag untagged, the others tagged; NM's default PVID 1 is not added. */
    @Test
    void trunk_port_with_native_vlan() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth0
                          vlan:
                            mode: trunk
                            tag: 100
                            enable-native: true
                            trunk-tags: [{id: 200}]
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", \"vlan\": 100}"));
        assertThat(s.plan().nodes().get(0).bridges().get(0).ports().get(0).membership())
                .isEqualTo("PVID 100; tagged 200");
        assertThat(s.plan().workloads().get(0).egress()).startsWith("leaves eth0 untagged");
    }

    @Test
    void stp_omitted_warns_what_it_costs() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      port:
                        - name: eth0
                          vlan: {}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}"));
        assertThat(s.plan().warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("t/nmstate/p.yaml:11")
                .contains("STP on").contains("30 s").contains("BPDUs"));
    }

    /** STP omitted is STP on: right after the ports come up they listen, so even a warm trace dies at the bridge. */
    @Test
    void stp_omitted_is_simulated_a_trace_at_start_drops_at_a_listening_bridge_port() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      port:
                        - name: eth0
                          vlan: {}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}"));
        final NodePlan.BridgePlan br = s.plan().nodes().get(0).bridges().get(0);
        assertThat(br.stp()).isTrue();
        assertThat(br.forwardDelaySeconds()).isEqualTo(15);
        assertThat(s.spec().host("n0").bridge("br0").stpForwardDelayNs()).isEqualTo(15_000_000_000L);
        assertThat(s.plan().warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("forward_delay 15 s, the kernel's default")
                .contains("listening for 15 s, then learning for 15 s").contains("forwards only 30 s after")
                .contains("BPDUs reaching the bridge are taken by its spanning tree, never forwarded")
                .doesNotContain("not simulated yet"));

        final Trace t = s.network().trace("a", "b");
        assertThat(t.isDelivered()).isFalse();
        // the ARP requests die in the bridge: the root cause the drop names is the listening port
        assertThat(t.drop().reason()).isEqualTo("ARP for 10.0.0.2 got no reply (neighbor unreachable)");
        assertThat(t.cause().device()).isEqualTo("n0");
        assertThat(t.cause().reason()).contains("bridge port is in STP state listening, not forwarding");
    }

    /** options.stp.forward-delay is read (seconds, 2-30 as nmstate validates) and becomes the bridge's forward_delay. */
    @Test
    void stp_forward_delay_is_read_and_validated() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: true, forward-delay: 4}}
                      port:
                        - name: eth0
                          vlan: {}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}"));
        assertThat(s.spec().host("n0").bridge("br0").stpForwardDelayNs()).isEqualTo(4_000_000_000L);
        assertThat(s.plan().warnings()).anySatisfy(w -> assertThat(w.message()).contains("forward_delay 4 s)")
                .contains("forwards only 8 s after"));

        assertThatThrownBy(() -> load(policy("""
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: true, forward-delay: 1}}
                      port:
                        - name: eth0
                          vlan: {}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}")))
                .isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/nmstate/p.yaml:11: error: forward-delay 1 in").hasMessageContaining("2-30");
    }

    @Test
    void references_to_missing_things_are_errors_with_file_and_line() throws IOException {
        assertThatThrownBy(() -> load(policy("""
                interfaces:
                  - name: eth9.100
                    type: vlan
                    vlan: {base-iface: eth9, id: 100}
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth7
                          vlan: {}
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br-missing\"}")))
                .isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/nmstate/p.yaml:10: error: base-iface 'eth9' of eth9.100 on node n0 is "
                        + "missing; valid: [eth0, eth1]")
                .hasMessageContaining("t/nmstate/p.yaml:16: error: port 'eth7' of bridge br0 on node n0 names a "
                        + "missing interface")
                .hasMessageContaining("t/manifests/m.yaml:5: error: NetworkAttachmentDefinition default/net names "
                        + "bridge 'br-missing', which no node's policy creates");
    }

    /**
     * Two entries for one VM or Pod in network.yaml: before, the second silently replaced the first's placement
     * and addresses (and two workloads with one id made an endpoint name ambiguous); now each is an error naming
     * both lines, as a node listed twice is.
     */
    @Test
    void a_workload_listed_twice_in_network_yaml_is_an_error_naming_both_lines() throws IOException {
        load(policy(BRIDGE_ON_ETH0), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", \"vlan\": 100}"));

        Files.writeString(dir.resolve("network.yaml"), NETWORK.replace("- {name: b,", "- {name: a,"));
        assertThatThrownBy(() -> NetworkFolders.load(dir, "t")).isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/network.yaml:9: error: workload default/a is listed twice (first at "
                        + "t/network.yaml:8); give each VM or Pod one entry");

        Files.writeString(dir.resolve("network.yaml"), NETWORK.replace("- {name: b,", "- {name: b, id: a,"));
        assertThatThrownBy(() -> NetworkFolders.load(dir, "t")).isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/network.yaml:9: error: id 'a' of workload default/b is already the id of "
                        + "default/a (t/network.yaml:8)");
    }

    /**
     * A name the folder reads (nmstate/*.yaml, network.yaml) that is not a regular file: before, a directory or a
     * link to a missing file was skipped with a warning that "nmstate/ holds .yaml files" (or network.yaml was
     * called missing), and the errors that followed blamed the manifests; now the entry itself is the error.
     */
    @Test
    void a_config_name_that_is_a_directory_or_a_dangling_link_is_an_error_naming_it() throws IOException {
        load(policy(BRIDGE_ON_ETH0), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", \"vlan\": 100}"));
        Files.createDirectories(dir.resolve("nmstate/extra.yaml"));
        Files.createSymbolicLink(dir.resolve("nmstate/gone.yaml"), dir.resolve("nowhere.yaml"));

        assertThatThrownBy(() -> NetworkFolders.load(dir, "t")).isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/nmstate/extra.yaml: error: is a directory, not a file")
                .hasMessageContaining("t/nmstate/gone.yaml: error: is a symbolic link to a missing file ("
                        + dir.resolve("nowhere.yaml") + ")");

        Files.delete(dir.resolve("nmstate/extra.yaml"));
        Files.delete(dir.resolve("nmstate/gone.yaml"));
        Files.delete(dir.resolve("network.yaml"));
        Files.createDirectories(dir.resolve("network.yaml"));
        assertThatThrownBy(() -> NetworkFolders.load(dir, "t")).isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/network.yaml: error: is a directory, not a file")
                .hasMessageNotContaining("missing: a network folder needs network.yaml");
    }

    @Test
    void duplicate_ip_in_one_vlan_is_an_error() throws IOException {
        final String dup = NETWORK.replace("10.0.0.2/24", "10.0.0.1/24");
        Files.writeString(dir.resolve("network.yaml"), dup);
        assertThatThrownBy(() -> {
            Files.writeString(dir.resolve("layer1_topology.json"), LAYER1);
            Files.createDirectories(dir.resolve("nmstate"));
            Files.writeString(dir.resolve("nmstate/p.yaml"), policy(BRIDGE_ON_ETH0));
            Files.createDirectories(dir.resolve("configs"));
            Files.writeString(dir.resolve("configs/sw.cfg"), SWITCH);
            Files.createDirectories(dir.resolve("manifests"));
            Files.writeString(dir.resolve("manifests/m.yaml"), nad("{\"type\": \"bridge\", \"bridge\": \"br0\", "
                    + "\"vlan\": 100}") + "---\nkind: Pod\nmetadata: {name: a, annotations: "
                    + "{k8s.v1.cni.cncf.io/networks: net}}\n---\nkind: Pod\nmetadata: {name: b, annotations: "
                    + "{k8s.v1.cni.cncf.io/networks: net}}\n");
            NetworkFolders.load(dir, "t");
        }).isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("duplicate IP 10.0.0.1 in wire VLAN 100: default/b and default/a");
    }

    @Test
    void conflicting_policies_name_both_files() throws IOException {
        Files.createDirectories(dir.resolve("nmstate"));
        Files.writeString(dir.resolve("nmstate/q.yaml"), Yaml.nncp("q", """
                interfaces:
                  - name: eth0
                    type: ethernet
                    mtu: 9000
                """));
        assertThatThrownBy(() -> load(policy("""
                interfaces:
                  - name: eth0
                    type: ethernet
                    mtu: 1500
                """ + BRIDGE_ON_ETH0.substring("interfaces:\n".length())), nad("{\"type\": \"bridge\", "
                + "\"bridge\": \"br0\"}")))
                .isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("t/nmstate/p.yaml:8").hasMessageContaining("t/nmstate/q.yaml:8")
                .hasMessageContaining("mtu");
    }

    /** nmstate examples/bond_linuxbridge_vlan_up.yml style: a bond is read, what it does is said, stacking on it is an error. */
    @Test
    void bonds_are_compiled_with_how_frames_choose_a_port() throws IOException {
        final FolderScenario s = load(policy("""
                interfaces:
                  - name: bond0
                    type: bond
                    link-aggregation:
                      mode: active-backup
                      port: [eth1]
                      options: {primary: eth1}
                """ + BRIDGE_ON_ETH0.substring("interfaces:\n".length())), nad("{\"type\": \"bridge\", "
                + "\"bridge\": \"br0\"}"));
        assertThat(s.plan().nodes().get(0).bonds()).singleElement().satisfies(b -> assertThat(b.choice())
                .contains("every frame leaves and arrives on the active port (primary eth1"));
        assertThat(s.plan().nodes().get(0).nics().get(1).master()).isEqualTo("bond0");
        final FolderScenario bridged = load(policy("""
                interfaces:
                  - name: bond1
                    type: bond
                    link-aggregation: {mode: 802.3ad, port: [eth1]}
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: bond1
                """), nad("{\"type\": \"bridge\", \"bridge\": \"br0\"}"));
        assertThat(bridged.plan().nodes().get(0).bridges().get(0).ports().get(0).kind())
                .isEqualTo(vnetsim.folder.compile.NodePlan.PortKind.BOND);
    }
}

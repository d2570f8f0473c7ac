package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.folder.nmstate.BridgeConfig;
import vnetsim.folder.nmstate.NmInterface;
import vnetsim.folder.nmstate.NncpReader;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nmstate.PolicyMerger;
import vnetsim.folder.nmstate.PortVlan;

/** nmstate / kubernetes-nmstate semantics, from nmstate's own examples and unit tests (semantics.md section 3). */
class NncpReaderTest {
    private final Diagnostics d = new Diagnostics();

    private List<NodePolicy> read(final String text) {
        return new NncpReader(d).read(Yaml.parse(d, "nmstate/p.yaml", text));
    }

    private NmInterface iface(final List<NodePolicy> policies, final String name) {
        return policies.stream().flatMap(p -> p.interfaces().stream()).filter(i -> i.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The seed's node0-vlan2003 policy: vlan: {} keeps the bridge VLAN-unaware; STP off. */
    @Test
    void empty_vlan_section_opts_out_of_filtering() {
        final var p = read(Yaml.nncp("node0-vlan2003", """
                interfaces:
                  - name: enp4s0f0.2003
                    state: up
                    type: vlan
                    vlan:
                      base-iface: enp4s0f0
                      id: 2003
                  - name: bridge2003
                    type: linux-bridge
                    state: up
                    bridge:
                      port:
                        - name: enp4s0f0.2003
                          vlan: {}
                      options:
                        stp:
                          enabled: false
                """));
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).isEmpty();
        final NmInterface vlan = iface(p, "enp4s0f0.2003");
        assertThat(vlan.type()).isEqualTo(NmInterface.Type.VLAN);
        assertThat(vlan.vlan().baseIface()).isEqualTo("enp4s0f0");
        assertThat(vlan.vlan().id()).isEqualTo(2003);
        assertThat(vlan.vlan().reorderHeaders()).isTrue();
        assertThat(vlan.at().line()).isEqualTo(8);
        final BridgeConfig br = iface(p, "bridge2003").bridge();
        assertThat(br.vlanFiltering()).isFalse();
        assertThat(br.vlanFilteringReason()).contains("vlan: {}");
        assertThat(br.stp()).isFalse();
        assertThat(br.ports().get(0).vlan().isEmpty()).isTrue();
    }

    /** kubernetes-nmstate ApplyDefaultVlanFiltering(): a port without 'vlan' gets trunk 2-4094, with a warning. */
    @Test
    void nncp_port_without_vlan_gets_the_default_trunk() {
        final var p = read(Yaml.nncp("br1", """
                interfaces:
                  - name: br1
                    type: linux-bridge
                    state: up
                    bridge:
                      port:
                        - name: eth1
                """));
        final BridgeConfig br = iface(p, "br1").bridge();
        assertThat(br.vlanFiltering()).isTrue();
        final PortVlan v = br.ports().get(0).vlan();
        assertThat(br.ports().get(0).defaulted()).isTrue();
        assertThat(v.mode()).isEqualTo(PortVlan.Mode.TRUNK);
        assertThat(v.taggedVids().toString()).isEqualTo("2-4094");
        assertThat(v.nativeVid()).isZero();                          // NM adds default PVID 1
        assertThat(d.warnings()).singleElement().asString().contains("nmstate/p.yaml:13")
                .contains("default trunk").contains("vlan: {}");
        assertThat(br.stp()).isTrue();                               // options.stp omitted: STP on
    }

    /** The default applies to up bridges only (linuxBrUpWithDefaults: br3 down and br4 absent are untouched). */
    @Test
    void default_trunk_only_for_up_bridges() {
        final var p = read(Yaml.nncp("p", """
                interfaces:
                  - name: br3
                    type: linux-bridge
                    state: down
                    bridge:
                      port:
                        - name: eth3
                """));
        assertThat(iface(p, "br3").bridge().ports().get(0).vlan()).isNull();
        assertThat(iface(p, "br3").bridge().vlanFiltering()).isFalse();
    }

    /** nmstate examples/linuxbrige_eth1_up_port_vlan.yml: trunk 101 + 500-599, native 100. */
    @Test
    void nmstate_example_trunk_with_native_vlan() {
        final var p = read(Yaml.nncp("ex", """
                interfaces:
                  - name: eth1
                    type: ethernet
                    state: up
                  - name: linux-br0
                    type: linux-bridge
                    state: up
                    bridge:
                      port:
                        - name: eth1
                          stp-hairpin-mode: false
                          stp-path-cost: 100
                          stp-priority: 32
                          vlan:
                            mode: trunk
                            trunk-tags:
                              - id: 101
                              - id-range:
                                  min: 500
                                  max: 599
                            tag: 100
                            enable-native: true
                """));
        assertThat(d.errors()).isEmpty();
        final PortVlan v = iface(p, "linux-br0").bridge().ports().get(0).vlan();
        assertThat(v.taggedVids().toString()).isEqualTo("101,500-599");
        assertThat(v.nativeVid()).isEqualTo(100);
        assertThat(iface(p, "linux-br0").bridge().vlanFiltering()).isTrue();
    }

    @Test
    void access_port_tag_is_its_pvid() {
        final var p = read(Yaml.nncp("p", """
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      options: {stp: {enabled: false}}
                      port:
                        - name: eth1
                          vlan: {mode: access, tag: 300}
                """));
        assertThat(iface(p, "br0").state()).isEqualTo(NmInterface.State.UP);  // default state
        assertThat(iface(p, "br0").bridge().ports().get(0).vlan().nativeVid()).isEqualTo(300);
    }

    /** BridgePortVlanConfig::sanitize(): the four rules and overlap. */
    @Test
    void port_vlan_validated_as_nmstate_does() {
        read(Yaml.nncp("p", """
                interfaces:
                  - name: br0
                    type: linux-bridge
                    bridge:
                      port:
                        - name: a
                          vlan: {mode: trunk, tag: 100, trunk-tags: [{id: 5}]}
                        - name: b
                          vlan: {mode: access, enable-native: true}
                        - name: c
                          vlan: {mode: access, tag: 2, trunk-tags: [{id: 5}]}
                        - name: d
                          vlan: {mode: trunk}
                        - name: e
                          vlan: {mode: trunk, trunk-tags: [{id: 10}, {id-range: {min: 5, max: 20}}]}
                        - name: f
                          vlan: {mode: dynamic}
                        - name: g
                          vlan: {mode: trunk, trunk-tags: [{id: 4095}]}
                """));
        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("nmstate/p.yaml:13").contains("enable-native"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:15").contains("access mode"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:17").contains("trunk-tags"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:19").contains("empty trunk-tags"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:21").contains("overlaps"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:23").contains("'dynamic'").contains("trunk, access"),
                e -> assertThat(e).startsWith("nmstate/p.yaml:25").contains("4095").contains("1-4094"));
    }

    @Test
    void vlan_interface_id_4095_is_an_error_naming_line_and_valid_range() {
        read(Yaml.nncp("p", """
                interfaces:
                  - name: eth1.4095
                    type: vlan
                    vlan: {base-iface: eth1, id: 4095, reorder-headers: false}
                """));
        assertThat(d.errors()).singleElement().asString().startsWith("nmstate/p.yaml:10").contains("id 4095")
                .contains("1-4094");
    }

    /** nmstate examples/bond_linuxbridge_vlan_up.yml: bond with 'slaves', a VLAN on the bond. */
    @Test
    void bond_modes_ports_and_options() {
        final var p = read(Yaml.nncp("ex", """
                interfaces:
                  - name: vlan29
                    type: vlan
                    state: up
                    vlan:
                      base-iface: bond0
                      id: 29
                  - name: bond0
                    type: bond
                    state: up
                    link-aggregation:
                      mode: active-backup
                      slaves:
                        - eth1
                        - eth2
                      options: {primary: eth2, miimon: 100}
                  - name: bond1
                    type: bond
                    link-aggregation:
                      mode: 802.3ad
                      port: [eth3, eth4]
                      options: {xmit_hash_policy: layer2+3}
                  - name: bond2
                    type: bond
                    link-aggregation: {mode: round-robin, port: [eth5]}
                """));
        assertThat(iface(p, "bond0").bond().ports()).containsExactly("eth1", "eth2");
        assertThat(iface(p, "bond0").bond().primary()).isEqualTo("eth2");
        assertThat(iface(p, "bond1").bond().mode()).isEqualTo("802.3ad");
        assertThat(iface(p, "bond1").bond().xmitHashPolicy()).isEqualTo("layer2+3");
        assertThat(d.errors()).singleElement().asString().contains("round-robin").contains("active-backup, 802.3ad");
    }

    @Test
    void mtu_state_ip_and_unknown_keys() {
        final var p = read(Yaml.nncp("p", """
                interfaces:
                  - name: eth1
                    type: ethernet
                    state: down
                    mtu: 9000
                    mac-address: 3C:FD:FE:A0:00:00
                    lldp: {enabled: true}
                    ipv4:
                      enabled: true
                      address:
                        - ip: 192.0.2.10
                          prefix-length: 24
                    ipv6:
                      enabled: false
                  - name: eth2
                    type: ethernet
                    state: absent
                  - name: eth3
                    type: ethernet
                    state: gone
                  - name: dummy0
                    type: dummy
                """));
        final NmInterface eth1 = iface(p, "eth1");
        assertThat(eth1.state()).isEqualTo(NmInterface.State.DOWN);
        assertThat(eth1.mtu()).isEqualTo(9000);
        assertThat(eth1.macAddress()).isEqualTo("3c:fd:fe:a0:00:00");
        assertThat(eth1.ipv4().addresses()).containsExactly("192.0.2.10/24");
        assertThat(eth1.ipv6().enabled()).isFalse();
        assertThat(iface(p, "eth2").state()).isEqualTo(NmInterface.State.ABSENT);
        assertThat(d.warnings()).extracting(Problem::toString).anySatisfy(w ->
                assertThat(w).startsWith("nmstate/p.yaml:13").contains("'lldp'").contains("not supported"))
                .anySatisfy(w -> assertThat(w).startsWith("nmstate/p.yaml:28").contains("'dummy'"));
        assertThat(d.errors()).singleElement().asString().startsWith("nmstate/p.yaml:26").contains("'gone'")
                .contains("up, down, absent");
    }

    @Test
    void kubectl_list_output_and_node_selector() {
        final var p = read("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: nmstate.io/v1
                  kind: NodeNetworkConfigurationPolicy
                  metadata: {name: ens224-policy, generation: 1}
                  spec:
                    nodeSelector:
                      machine.openshift.io/cluster-api-machineset: hub-7vxwj-cnv
                    desiredState:
                      interfaces:
                      - name: ens224
                        type: ethernet
                  status:
                    conditions: []
                metadata:
                  resourceVersion: ""
                """);
        assertThat(d.errors()).isEmpty();
        assertThat(p).singleElement().satisfies(policy -> {
            assertThat(policy.name()).isEqualTo("ens224-policy");
            assertThat(policy.selects(java.util.Map.of("machine.openshift.io/cluster-api-machineset",
                    "hub-7vxwj-cnv", "x", "y"))).isTrue();
            assertThat(policy.selects(java.util.Map.of("kubernetes.io/hostname", "n"))).isFalse();
        });
    }

    @Test
    void wrong_kind_is_an_error() {
        read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        assertThat(d.errors()).singleElement().asString().startsWith("nmstate/p.yaml:1").contains("ConfigMap");
    }

    @Test
    void policies_merge_and_conflicts_name_both_files() {
        final Diagnostics d1 = new Diagnostics();
        final var a = new NncpReader(d1).read(Yaml.parse(d1, "nmstate/a.yaml", Yaml.nncp("a", """
                interfaces:
                  - name: eth1
                    type: ethernet
                    mtu: 1500
                """)));
        final var b = new NncpReader(d1).read(Yaml.parse(d1, "nmstate/b.yaml", Yaml.nncp("b", """
                interfaces:
                  - name: eth1
                    type: ethernet
                    ipv4: {enabled: false}
                  - name: eth2
                    type: ethernet
                    mtu: 9000
                """)));
        final var c = new NncpReader(d1).read(Yaml.parse(d1, "nmstate/c.yaml", Yaml.nncp("c", """
                interfaces:
                  - name: eth2
                    type: ethernet
                    mtu: 1500
                """)));
        final var merged = new PolicyMerger(d1).merge("node0", List.of(a.get(0), b.get(0)));
        assertThat(d1.errors()).isEmpty();
        assertThat(merged.find("eth1").orElseThrow().mtu()).isEqualTo(1500);
        assertThat(merged.find("eth1").orElseThrow().ipv4().enabled()).isFalse();
        new PolicyMerger(d1).merge("node0", List.of(b.get(0), c.get(0)));
        assertThat(d1.errors()).singleElement().asString().contains("nmstate/b.yaml:11").contains("nmstate/c.yaml:8")
                .contains("mtu").contains("9000").contains("1500");
    }

    @Test
    void broken_yaml_gives_file_and_line() {
        read("apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nspec:\n  desiredState: [\n");
        assertThat(d.errors()).isNotEmpty();
        assertThat(d.errors().get(0).toString()).startsWith("nmstate/p.yaml:").contains("not valid YAML");
    }

    @Test
    void aliases_and_duplicate_keys_are_refused() {
        read("kind: NodeNetworkConfigurationPolicy\nkind: List\n");
        assertThat(d.errors()).anySatisfy(e -> assertThat(e.toString()).startsWith("nmstate/p.yaml:2")
                .contains("twice"));
        final Diagnostics d2 = new Diagnostics();
        new NncpReader(d2).read(Yaml.parse(d2, "x.yaml", "a: &x [1]\nb: *x\n"));
        assertThat(d2.errors()).singleElement().asString().startsWith("x.yaml:2").contains("aliases");
    }
}

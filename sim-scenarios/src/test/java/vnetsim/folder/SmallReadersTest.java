package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vnetsim.folder.firewall.FirewallReader;
import vnetsim.folder.layer1.Layer1Reader;
import vnetsim.folder.layer1.Layer1Topology;
import vnetsim.folder.yaml.TreeReader;

/** layer1_topology.json, firewalls/*.yaml and network.yaml. */
class SmallReadersTest {
    private final Diagnostics d = new Diagnostics();

    @Test
    void batfish_layer1_with_reverse_duplicates() {
        final var root = new TreeReader(d).readJson("""
                {"edges": [
                  {"node1": {"hostname": "node0", "interfaceName": "enp4s0f0"},
                   "node2": {"hostname": "Switch", "interfaceName": "Ethernet1/3"}},
                  {"node1": {"hostname": "Switch", "interfaceName": "Ethernet1/3"},
                   "node2": {"hostname": "node0", "interfaceName": "enp4s0f0"}},
                  {"node1": {"hostname": "node1"},
                   "node2": {"hostname": "Switch", "interfaceName": "Ethernet1/7"}}
                ]}
                """, "layer1_topology.json", 0);
        final Layer1Topology t = new Layer1Reader(d).read(root);
        assertThat(t.edges()).singleElement().satisfies(e -> {
            assertThat(e.node1().toString()).isEqualTo("node0/enp4s0f0");
            assertThat(e.at().line()).isEqualTo(2);
        });
        assertThat(d.errors()).singleElement().asString().startsWith("layer1_topology.json:6:")
                .contains("interfaceName");
    }

    @Test
    void firewall_format() {
        final var docs = Yaml.parse(d, "firewalls/fw.yaml", """
                name: Firewall
                uplink: {name: Uplink 1, mac: 00:1b:17:00:01:01}
                interfaces:
                  - {name: Uplink 1.2003, vlan: 2003, address: 172.16.4.1/24}
                  - {name: Uplink 1.2004, vlan: 2004, address: 172.16.5.1/24, mtu: 9000}
                  - {name: bad, vlan: 2005, address: 172.16.6.1}
                acl:
                  - deny 172.16.4.0/24 172.16.5.0/24 icmp
                  - allow everything
                """);
        final var fw = new FirewallReader(d).read(docs.get(0)).orElseThrow();
        assertThat(fw.subinterfaces()).hasSize(2);
        assertThat(fw.subinterfaces().get(1).mtu()).isEqualTo(9000);
        assertThat(fw.acl()).singleElement().satisfies(r -> assertThat(r.permit()).isFalse());
        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("firewalls/fw.yaml:6:").contains("172.16.6.1"),
                e -> assertThat(e).startsWith("firewalls/fw.yaml:9:").contains("allow everything"));
    }

    @Test
    void network_yaml() {
        final var docs = Yaml.parse(d, "network.yaml", """
                name: lab
                nodes:
                  - name: node0
                    labels: {node-role.kubernetes.io/worker: ""}
                    nics:
                      - {name: enp4s0f0, mac: 3c:fd:fe:a0:00:00}
                      - {name: enp4s0f1, mac: nope}
                workloads:
                  - name: vm1
                    display: Virtual Machine 1
                    node: node0
                    interfaces:
                      - {name: vmnic1, address: 172.16.4.208/24, gateway: 172.16.4.1}
                      - {name: vmnic2, address: 172.16.4.300/24}
                  - name: vm1
                    color: blue
                """);
        final NetworkYaml n = new NetworkYamlReader(d).read(docs.get(0), "x");
        assertThat(n.name()).isEqualTo("lab");
        assertThat(n.nodes().get(0).labels()).containsEntry("kubernetes.io/hostname", "node0");
        assertThat(n.nodes().get(0).nics()).singleElement().satisfies(nic -> assertThat(nic.mtu()).isEqualTo(1500));
        assertThat(n.workloads().get(0).iface("vmnic1").orElseThrow().gateway()).isEqualTo("172.16.4.1");
        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("network.yaml:7:").contains("nope"),
                e -> assertThat(e).startsWith("network.yaml:14:").contains("172.16.4.300/24"),
                e -> assertThat(e).startsWith("network.yaml:15:").contains("workload default/vm1 is listed twice"));
        assertThat(d.warnings()).singleElement().asString().startsWith("network.yaml:16:").contains("color");
    }

    @Test
    void deep_nesting_is_bounded() {
        final String deep = "[".repeat(500) + "]".repeat(500);
        assertThat(new TreeReader(d).readJson(deep, "x.json", 0)).isNull();
        assertThat(d.errors()).singleElement().asString().startsWith("x.json");
        final Diagnostics d2 = new Diagnostics();
        new TreeReader(d2).readYaml("a:\n" + "  - ".repeat(1) + "[".repeat(300) + "]".repeat(300), "y.yaml", 0);
        assertThat(d2.errors()).singleElement().asString().startsWith("y.yaml");
    }
}

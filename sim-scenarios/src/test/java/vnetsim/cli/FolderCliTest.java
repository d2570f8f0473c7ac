package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "done when": a user's own copy of a shipped network folder, edited, traced and described. */
class FolderCliTest {
    private static final Path ACP = Path.of("../src/networks/acp-virtualization");
    private static final Path LAB = Path.of("../src/networks/vsphere-nested-lab");

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path copy(final Path from, final String name) throws IOException {
        final Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path f : files.toList()) {
                final Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static void edit(final Path file, final String from, final String to) throws IOException {
        final String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void vlan_2004_removed_from_ethernet1_3_drops_at_the_switch_quoting_2004() throws IOException {
        final Path acp = copy(ACP, "my acp ü");                      // odd path: space and non-ASCII
        edit(acp.resolve("configs/switch.cfg"), "node0-virtualization\n  switchport\n  switchport mode trunk\n"
                + "  switchport trunk allowed vlan 2003-2005", "node0-virtualization\n  switchport\n  switchport mode "
                + "trunk\n  switchport trunk allowed vlan 2003,2005");
        assertThat(run("trace", acp.toString(), "vm1", "vm3")).isZero();
        assertThat(out.toString()).contains("Outcome: DROPPED")
                .contains("Cause: ARP request who-has 172.16.5.10 tell 172.16.5.1 (VLAN 2004), flooded by Switch but not "
                        + "out Ethernet1/3, dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on the egress port");
        out.getBuffer().setLength(0);
        assertThat(run("trace", acp.toString(), "vm3", "vm1")).isZero();
        assertThat(out.toString()).contains("dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on this port (ingress)");
    }

    @Test
    void allowed_but_never_created_vlan_carries_nothing() throws IOException {
        final Path acp = copy(ACP, "acp");
        edit(acp.resolve("configs/switch.cfg"), "vlan 1,2003-2005\nvlan 2003\n  name bridged-vms-1\nvlan 2004\n"
                + "  name bridged-vms-2\n", "vlan 1,2003,2005\nvlan 2003\n  name bridged-vms-1\n");
        assertThat(run("describe", acp.toString())).isZero();
        assertThat(out.toString()).contains("VLAN 2004 is allowed on Ethernet1/3 but never created with 'vlan N' on "
                + "Switch: the switch carries nothing in it");
        out.getBuffer().setLength(0);
        assertThat(run("trace", acp.toString(), "vm3", "vm5")).isZero();
        assertThat(out.toString()).contains("dropped at Switch/Ethernet1/3: VLAN 2004 is allowed on this port but does "
                + "not exist on the switch (no 'vlan 2004' line)");
    }

    @Test
    void port_without_vlan_key_gets_the_default_trunk_warning_and_the_nad_vlan_then_double_tags() throws IOException {
        final Path lab = copy(LAB, "lab");
        assertThat(run("trace", lab.toString(), "prov-a", "prov-b", "--cold", "--format", "json")).isZero();
        assertThat(bridgeEgressVlans(out.toString())).containsOnlyNulls();         // vlan: {} -> NAD vlan ignored
        out.getBuffer().setLength(0);

        edit(lab.resolve("nmstate/ens224-policy.yaml"), "- name: ens224.1928\n            vlan: {}",
                "- name: ens224.1928");
        assertThat(run("describe", lab.toString())).isZero();
        assertThat(out.toString()).contains("ens224-policy.yaml:122: interface 'br-1928' port 'ens224.1928' has no "
                + "'vlan' key, so kubernetes-nmstate adds its default trunk")
                .contains("br-1928  Linux bridge, vlan_filtering 1")
                .contains("leaves ens224 double-tagged: outer 1928 (ens224.1928), inner 1928 (bridge br-1928)");
        out.getBuffer().setLength(0);
        assertThat(run("trace", lab.toString(), "prov-a", "prov-b", "--cold", "--format", "json")).isZero();
        assertThat(bridgeEgressVlans(out.toString())).contains(1928);             // tagged by the bridge now
    }

    /** VLAN column of the cold run's frames leaving br-1928 toward ens224.1928. */
    private static java.util.List<Integer> bridgeEgressVlans(final String json) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(json);
        final java.util.List<Integer> vlans = new java.util.ArrayList<>();
        for (final JsonNode e : root.get("events")) {
            if (e.get("interface").asText().equals("br-1928") && "out".equals(e.get("direction").asText())
                    && e.get("note").asText().contains("ens224.1928")) {
                vlans.add(e.get("vlan").isNull() ? null : e.get("vlan").asInt());
            }
        }
        assertThat(vlans).isNotEmpty();
        return vlans;
    }

    @Test
    void a_broken_file_gives_file_and_line_and_exit_2_never_a_stack_trace() throws IOException {
        final Path acp = copy(ACP, "acp");
        edit(acp.resolve("nmstate/node1.yaml"), "          id: 2004", "          id: 4095");
        Files.writeString(acp.resolve("firewalls/firewall.yaml"), "name: [unclosed\n");
        assertThat(run("trace", acp.toString(), "vm1", "vm3")).isEqualTo(2);
        assertThat(err.toString()).contains("2 errors")
                .contains("/nmstate/node1.yaml:48: error: id 4095 in interface 'enp4s0f0.2004' vlan is out of range; "
                        + "valid VLAN IDs are 1-4094")
                .contains("/firewalls/firewall.yaml:")
                .contains("firewall.yaml:1: error: not valid YAML: while parsing a flow sequence; expected ',' or "
                        + "']', but got <stream end>")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_nad_naming_a_missing_network_and_a_cable_to_nowhere_are_errors() throws IOException {
        final Path acp = copy(ACP, "acp");
        edit(acp.resolve("manifests/workloads.yaml"), "networkName: default/vlan2005", "networkName: default/vlan2006");
        edit(acp.resolve("layer1_topology.json"), "\"Ethernet1/11\"", "\"Ethernet1/12\"");
        assertThat(run("describe", acp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("/layer1_topology.json:9: error: cable to Switch/Ethernet1/12: switch "
                + "Switch's config defines no interface 'Ethernet1/12'")
                .contains("/manifests/workloads.yaml:")
                .contains("network 'default/vlan2006' names no NetworkAttachmentDefinition; valid: [default/vlan2003, "
                        + "default/vlan2004, default/vlan2005]");
    }

    @Test
    void describe_json_holds_the_same_as_data() throws IOException {
        assertThat(run("describe", ACP.toString(), "--format", "json")).isZero();
        final JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("name").asText()).isEqualTo("acp-virtualization");
        final JsonNode bridge = root.get("nodes").get(0).get("bridges").get(0);
        assertThat(bridge.get("name").asText()).isEqualTo("bridge2003");
        assertThat(bridge.get("vlanFiltering").asBoolean()).isFalse();
        assertThat(bridge.get("vlanFilteringReason").asText()).contains("vlan: {}");
        assertThat(root.get("switches").get(0).get("ports").get(1).get("allowed").asText()).isEqualTo("2003-2005");
        final JsonNode vm1 = root.get("workloads").get(0);
        assertThat(vm1.get("leavesNode").asText()).isEqualTo("leaves enp4s0f0 tagged 2003 (added by enp4s0f0.2003)");
        assertThat(root.get("warnings")).isEmpty();
        out.getBuffer().setLength(0);
        assertThat(run("describe", ACP.toString(), "--format", "yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format 'yaml' is not valid here; valid: text, json");
    }

    @Test
    void the_built_in_name_and_the_folder_path_give_the_same_trace() {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm6", "--format", "json")).isZero();
        final String byName = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("trace", ACP.toString(), "vm1", "vm6", "--format", "json")).isZero();
        assertThat(out.toString()).isEqualTo(byName);
    }

    @Test
    void an_empty_folder_is_an_input_error() throws IOException {
        final Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(run("describe", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("network.yaml: error: missing");
    }
}

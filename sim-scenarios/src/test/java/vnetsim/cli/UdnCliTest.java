package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17's "done when", through the command line on the shipped folders udn-layer3 and udn-layer2. */
class UdnCliTest {
    private static final Path L3 = Path.of("../src/networks/udn-layer3");

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void both_vms_on_master1_cross_one_node_switch() {
        assertThat(run("trace", "udn-layer3", "rhel8-vm8", "rhel8-vm9")).isZero();
        assertThat(out.toString())
                .contains("master1    namespace-7_rhel8-vm8")
                .contains("Switched by OVN logical switch udn-cluster-primary-l3_master1")
                .doesNotContain("Geneve").doesNotContain("Routed").contains("Outcome: DELIVERED");
    }

    @Test
    void after_migrating_vm8_to_master2_it_has_a_master2_address_and_the_trace_crosses_the_geneve_tunnel() {
        assertThat(run("trace", "udn-layer3", "rhel8-vm8", "rhel8-vm9", "--migrate", "rhel8-vm8=master2")).isZero();
        assertThat(out.toString())
                .contains("Migrated rhel8-vm8 to master2: 192.168.24.6 -> 192.168.24.132 (new address from master2's")
                .contains("No gratuitous ARP: ovn-kubernetes live-migrates VMs on Layer2 networks only")
                .contains("Encapsulated in Geneve (outer 192.168.10.12 -> 192.168.10.11, UDP 6081)")
                .contains("Geneve headers removed on master1")
                .contains("Routed").contains("Outcome: DELIVERED");
    }

    @Test
    void on_layer2_the_address_stays() {
        assertThat(run("trace", "udn-layer2", "rhel8-vm6", "rhel8-vm7", "--migrate", "rhel8-vm6=master2")).isZero();
        assertThat(out.toString()).contains("Migrated rhel8-vm6 to master2: 192.168.22.3 -> 192.168.22.3 (address kept)")
                // ovn-kubernetes pkg/kubevirt ReconcileIPv4AfterLiveMigration: Layer2 only, for the gateway
                .contains("Gratuitous ARP (not simulated): ovnkube-node on master2 broadcasts 192.168.22.1 is-at")
                .contains("Encapsulated in Geneve").doesNotContain("Routed").contains("Outcome: DELIVERED");
    }

    @Test
    void bad_migrations_are_usage_errors_naming_what_is_wrong() {
        assertThat(run("trace", "udn-layer3", "rhel8-vm8", "rhel8-vm9", "--migrate", "rhel8-vm8=master9"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown node 'master9'").doesNotContain("Exception");
        assertThat(run("trace", "acp-virtualization", "vm1", "vm2", "--migrate", "vm1=node1")).isEqualTo(2);
        assertThat(err.toString()).contains("--migrate needs a network of OVN-Kubernetes user-defined networks");
    }

    @Test
    void a_folder_copy_with_a_namespace_without_the_primary_label_is_refused_with_file_and_line() throws IOException {
        final Path copy = tmp.resolve("l3");
        try (Stream<Path> files = Files.walk(L3)) {
            for (final Path f : files.toList()) {
                final Path target = copy.resolve(L3.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        final Path ns = copy.resolve("manifests/udn-l3-cluster-namespace-with-udn.yaml");
        Files.writeString(ns, Files.readString(ns, StandardCharsets.UTF_8)
                .replaceFirst("labels:\n    k8s.ovn.org/primary-user-defined-network: \"\"\n", "labels: {}\n"),
                StandardCharsets.UTF_8);
        assertThat(run("trace", copy.toString(), "rhel8-vm8", "rhel8-vm9")).isEqualTo(2);
        assertThat(err.toString()).contains("network.yaml:").contains("namespace-7 has no primary user-defined network");
    }

    @Test
    void whatif_move_on_layer3_reports_the_rerouted_flows_and_the_flows_to_the_old_address_failing() {
        assertThat(run("whatif", "udn-layer3", "--change", "move rhel8-vm8 to master2")).isZero();
        assertThat(out.toString())
                .contains("4 of 6 flows changed, 4 path changed")
                .contains("rhel8-vm9 -> rhel8-vm8  DELIVERED -> DELIVERED")
                .contains("master2 / genev_sys_6081")
                .contains("Flows to former addresses")
                .contains("rhel8-vm9 -> 192.168.24.6 (rhel8-vm8's address before)  DROPPED")
                .contains("with the ARP entry from before: dropped at master1 / namespace-8_rhel8-vm9: no port of "
                        + "this OVN logical switch has the destination MAC")
                .contains("once the entry aged out: dropped at rhel8-vm9 / eth0: ARP for 192.168.24.6 got no reply")
                .contains("hello-pod -> 192.168.24.6 (rhel8-vm8's address before)  DROPPED")
                .contains("dropped at master1 / rtots-master1: no logical port has next hop 192.168.24.6");
    }

    @Test
    void whatif_move_on_layer2_keeps_the_address_so_no_flow_to_a_former_address_is_listed() throws Exception {
        assertThat(run("whatif", "udn-layer2", "--change", "move rhel8-vm6 to master2", "--format", "json"))
                .isZero();
        final var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(root.get("flows")).isNotEmpty();
        assertThat(root.get("flows").get(0).get("change").asText()).isEqualTo("PATH_CHANGED");
        assertThat(root.has("formerAddressFlows")).isFalse();
    }

    @Test
    void whatif_json_on_layer3_carries_the_former_address_flows() throws Exception {
        assertThat(run("whatif", "udn-layer3", "--change", "move rhel8-vm8 to master2", "--format", "json"))
                .isZero();
        final var flows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString())
                .get("formerAddressFlows");
        assertThat(flows).hasSize(2);
        assertThat(flows.get(0).get("address").asText()).isEqualTo("192.168.24.6");
        assertThat(flows.get(0).get("staleArpEntry").get("drop").get("interface").asText())
                .isEqualTo("namespace-8_rhel8-vm9");
    }

    @Test
    void trace_to_the_old_address_after_migrating_shows_the_stale_arp_entry_or_with_cold_the_unanswered_arp() {
        assertThat(run("trace", "udn-layer3", "rhel8-vm9", "192.168.24.6", "--migrate", "rhel8-vm8=master2"))
                .isZero();
        assertThat(out.toString())
                .contains("rhel8-vm9's ARP cache still maps it to 0a:58:c0:a8:18:06")
                .contains("ICMP rhel8-vm9 -> 192.168.24.6")
                .contains("Outcome: DROPPED at master1 / namespace-8_rhel8-vm9: no port of this OVN logical switch "
                        + "has the destination MAC");
        out.getBuffer().setLength(0);
        assertThat(run("trace", "udn-layer3", "rhel8-vm9", "192.168.24.6", "--migrate", "rhel8-vm8=master2",
                "--cold")).isZero();
        assertThat(out.toString()).contains("has aged out (--cold), so it ARPs")
                .contains("Outcome: DROPPED at rhel8-vm9 / eth0: ARP for 192.168.24.6 got no reply");
    }

    @Test
    void trace_accepts_an_ipv4_address_a_device_has_and_refuses_one_nobody_has_on_a_bridged_network() {
        assertThat(run("trace", "udn-layer3", "rhel8-vm8", "192.168.24.11")).isZero();
        assertThat(out.toString()).contains("rhel8-vm9  eth0").contains("Outcome: DELIVERED");
        assertThat(run("trace", "acp-virtualization", "vm1", "10.99.99.99")).isEqualTo(2);
        assertThat(err.toString()).contains("no device of acp-virtualization has the address 10.99.99.99")
                .doesNotContain("Exception");
    }

    @Test
    void check_with_a_migration_change_fails_the_intent_that_needed_the_geneve_underlay() {
        final String intents = "../src/networks/udn-layer3/intents.yaml";
        assertThat(run("check", "udn-layer3", "--intents", intents)).isZero();
        assertThat(run("check", "udn-layer3", "--intents", intents, "--change", "move rhel8-vm8 to master2"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("FAIL  hello-pod on master2 reaches rhel8-vm8 through the Geneve underlay")
                .contains("2 of 3 intents hold");
    }
}

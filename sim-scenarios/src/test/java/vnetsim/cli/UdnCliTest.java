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
                .contains("Encapsulated in Geneve (outer 192.168.10.12 -> 192.168.10.11, UDP 6081)")
                .contains("Geneve headers removed on master1")
                .contains("Routed").contains("Outcome: DELIVERED");
    }

    @Test
    void on_layer2_the_address_stays() {
        assertThat(run("trace", "udn-layer2", "rhel8-vm6", "rhel8-vm7", "--migrate", "rhel8-vm6=master2")).isZero();
        assertThat(out.toString()).contains("Migrated rhel8-vm6 to master2: 192.168.22.3 -> 192.168.22.3 (address kept)")
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
}

package vnetsim.folder.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.folder.Diagnostics;

/** UserDefinedNetwork and ClusterUserDefinedNetwork as the k8s.ovn.org/v1 CRDs spell them. */
class UdnManifestTest {
    @TempDir
    Path dir;

    private Manifests read(final Diagnostics d, final String yaml) throws IOException {
        final Path f = dir.resolve("udn.yaml");
        Files.writeString(f, yaml);
        final ManifestReader r = new ManifestReader(d);
        r.readFile(f, "manifests/udn.yaml");
        return r.result();
    }

    @Test
    void cluster_udn_layer3_with_selector_subnets_and_host_subnet() throws IOException {
        final Diagnostics d = new Diagnostics();
        final Manifests m = read(d, """
                apiVersion: v1
                kind: Namespace
                metadata: {name: namespace-7, labels: {k8s.ovn.org/primary-user-defined-network: ""}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: other}
                ---
                apiVersion: k8s.ovn.org/v1
                kind: ClusterUserDefinedNetwork
                metadata: {name: l3}
                spec:
                  namespaceSelector:
                    matchExpressions:
                      - {key: kubernetes.io/metadata.name, operator: In, values: [namespace-7, namespace-8]}
                  network:
                    topology: Layer3
                    layer3:
                      role: Primary
                      mtu: 1400
                      subnets:
                        - {cidr: 192.168.24.0/23, hostSubnet: 25}
                """);
        assertThat(d.errors()).isEmpty();
        final UdnManifest u = m.udns().get(0);
        assertThat(u.cluster()).isTrue();
        assertThat(u.topology()).isEqualTo("Layer3");
        assertThat(u.role()).isEqualTo("Primary");
        assertThat(u.subnets()).containsExactly("192.168.24.0/23");
        assertThat(u.hostSubnet()).isEqualTo(25);
        assertThat(u.mtu()).isEqualTo(1400);
        assertThat(m.namespaces().stream().filter(u::selects).map(Manifests.Namespace::name).toList())
                .containsExactly("namespace-7");
    }

    @Test
    void namespaced_udn_layer2_with_persistent_ipam_serves_its_own_namespace() throws IOException {
        final Diagnostics d = new Diagnostics();
        final Manifests m = read(d, """
                apiVersion: k8s.ovn.org/v1
                kind: UserDefinedNetwork
                metadata: {name: l2, namespace: ns-a}
                spec:
                  topology: Layer2
                  layer2:
                    role: Primary
                    subnets: [192.168.22.0/24]
                    ipam: {lifecycle: Persistent}
                """);
        assertThat(d.errors()).isEmpty();
        final UdnManifest u = m.udns().get(0);
        assertThat(u.cluster()).isFalse();
        assertThat(u.persistent()).isTrue();
        assertThat(u.hostSubnet()).isZero();
        assertThat(u.selects(new Manifests.Namespace("ns-a", Map.of(), null))).isTrue();
        assertThat(u.selects(new Manifests.Namespace("ns-b", Map.of(), null))).isFalse();
    }

    @Test
    void a_missing_role_and_a_bad_topology_are_errors_with_file_and_line() throws IOException {
        final Diagnostics d = new Diagnostics();
        read(d, """
                apiVersion: k8s.ovn.org/v1
                kind: UserDefinedNetwork
                metadata: {name: a, namespace: x}
                spec:
                  topology: Layer2
                  layer2:
                    subnets: [10.0.0.0/24]
                ---
                apiVersion: k8s.ovn.org/v1
                kind: UserDefinedNetwork
                metadata: {name: b, namespace: x}
                spec:
                  topology: Layer4
                """);
        final List<String> errors = d.errors().stream().map(Object::toString).toList();
        assertThat(errors).anyMatch(e -> e.contains("udn.yaml:7") && e.contains("layer2.role is required"));
        assertThat(errors).anyMatch(e -> e.contains("udn.yaml:13") && e.contains("Layer4"));
    }
}

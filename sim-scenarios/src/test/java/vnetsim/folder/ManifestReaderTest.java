package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vnetsim.folder.k8s.ManifestReader;
import vnetsim.folder.k8s.Manifests;

/** NetworkAttachmentDefinition (CNI bridge plugin), KubeVirt VirtualMachine, Pod with the Multus annotation. */
class ManifestReaderTest {
    private final Diagnostics d = new Diagnostics();

    private Manifests read(final String text) {
        final ManifestReader r = new ManifestReader(d);
        r.read(Yaml.parse(d, "manifests/m.yaml", text));
        return r.result();
    }

    /** The seed 000 NAD: cnv-bridge in a single-quoted flow string. */
    @Test
    void seed_nad_single_plugin() {
        final Manifests m = read("""
                apiVersion: k8s.cni.cncf.io/v1
                kind: NetworkAttachmentDefinition
                metadata:
                  annotations:
                    argocd.argoproj.io/sync-wave: '1'
                    k8s.v1.cni.cncf.io/resourceName: bridge.network.kubevirt.io/bridge2003
                  name: vlan2003
                  namespace: default
                  labels:
                    app.kubernetes.io/instance: acp-standard-services
                spec:
                  config: '{
                    "cniVersion": "0.3.1",
                    "name": "vlan2003",
                    "type": "cnv-bridge",
                    "bridge": "bridge2003",
                    "macspoofchk": true
                    }'
                """);
        assertThat(d.errors()).isEmpty();
        assertThat(d.warnings()).isEmpty();
        assertThat(m.nads()).singleElement().satisfies(n -> {
            assertThat(n.qualifiedName()).isEqualTo("default/vlan2003");
            assertThat(n.bridge()).isEqualTo("bridge2003");
            assertThat(n.vlan()).isZero();
            assertThat(n.macspoofchk()).isTrue();
            assertThat(n.cniType()).isEqualTo("cnv-bridge");
        });
    }

    /** The seed 002 NAD: plugin list with cnv-tuning, vlan 1928, ipam {}. */
    @Test
    void seed_nad_plugin_list() {
        final Manifests m = read("""
                apiVersion: k8s.cni.cncf.io/v1
                kind: NetworkAttachmentDefinition
                metadata:
                  annotations:
                    description: Provisioning Bridge V1928
                    k8s.v1.cni.cncf.io/resourceName: bridge.network.kubevirt.io/br-1928
                  name: vlan-1928
                  namespace: provisioning
                spec:
                  config: |-
                    {
                      "name": "vlan-1928",
                      "cniVersion": "0.3.1",
                      "plugins": [
                        {
                          "type": "cnv-bridge",
                          "bridge":"br-1928",
                          "vlan":1928,
                          "ipam":{}
                        },
                        {
                          "type": "cnv-tuning"
                        }
                      ]
                    }
                """);
        assertThat(d.errors()).isEmpty();
        assertThat(m.nads()).singleElement().satisfies(n -> {
            assertThat(n.qualifiedName()).isEqualTo("provisioning/vlan-1928");
            assertThat(n.vlan()).isEqualTo(1928);
            assertThat(n.tuning()).isTrue();
            assertThat(n.ipamType()).isEmpty();
        });
    }

    @Test
    void bad_cni_json_and_vlan_give_lines_inside_the_file() {
        read("""
                kind: NetworkAttachmentDefinition
                metadata: {name: a}
                spec:
                  config: |
                    {
                      "type": "bridge",
                      "vlan": 4095,
                      "preserveDefaultVlan": false,
                      "ipam": {"type": "static", "addresses": [{"address": "10.1.1.5/24", "gateway": "10.1.1.1"}]}
                    }
                ---
                kind: NetworkAttachmentDefinition
                metadata: {name: b}
                spec:
                  config: |
                    {
                      "type": "bridge",,
                    }
                """);
        assertThat(d.errors()).extracting(Problem::toString).satisfiesExactly(
                e -> assertThat(e).startsWith("manifests/m.yaml:7:").contains("4095").contains("1-4094"),
                e -> assertThat(e).startsWith("manifests/m.yaml:17:").contains("not valid JSON"));
    }

    @Test
    void static_ipam_and_preserve_default_vlan() {
        final Manifests m = read("""
                kind: NetworkAttachmentDefinition
                metadata: {name: a, namespace: ns1}
                spec:
                  config: '{"type": "bridge", "bridge": "br1", "vlan": 100, "preserveDefaultVlan": false,
                    "ipam": {"type": "static", "addresses": [{"address": "10.1.1.5/24", "gateway": "10.1.1.1"}]}}'
                """);
        assertThat(m.nads().get(0).preserveDefaultVlan()).isFalse();
        assertThat(m.nads().get(0).addresses()).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo("10.1.1.5/24");
            assertThat(a.gateway()).isEqualTo("10.1.1.1");
        });
    }

    @Test
    void virtual_machine_interfaces_and_networks() {
        final Manifests m = read("""
                apiVersion: kubevirt.io/v1
                kind: VirtualMachine
                metadata:
                  name: vm1
                  namespace: vms
                spec:
                  runStrategy: Always
                  template:
                    metadata:
                      labels: {app: vm1}
                    spec:
                      domain:
                        cpu: {cores: 1}
                        devices:
                          disks: []
                          interfaces:
                            - name: default
                              masquerade: {}
                            - name: vmnic1
                              bridge: {}
                              macAddress: 02:00:AC:10:04:D0
                            - name: fast
                              sriov: {}
                      networks:
                        - name: default
                          pod: {}
                        - name: vmnic1
                          multus:
                            networkName: default/vlan2003
                        - name: fast
                          multus: {networkName: sriov-net}
                """);
        assertThat(m.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.namespace()).isEqualTo("vms");
            assertThat(vm.interfaces()).extracting(Manifests.VmInterface::binding).containsExactly(
                    Manifests.Binding.MASQUERADE, Manifests.Binding.BRIDGE, Manifests.Binding.OTHER);
            assertThat(vm.interfaces().get(1).macAddress()).isEqualTo("02:00:ac:10:04:d0");
            assertThat(vm.network("vmnic1").orElseThrow().multusNetworkName()).isEqualTo("default/vlan2003");
            assertThat(vm.network("default").orElseThrow().pod()).isTrue();
        });
        assertThat(d.warnings()).singleElement().asString().startsWith("manifests/m.yaml:22:").contains("sriov");
    }

    @Test
    void pod_network_annotation_both_forms() {
        final Manifests m = read("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod2
                  annotations:
                    k8s.v1.cni.cncf.io/networks: 'vlan2003@net1, other/vlan2004'
                spec:
                  nodeName: node0
                  containers: []
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod7
                  namespace: apps
                  annotations:
                    k8s.v1.cni.cncf.io/networks: '[{"name": "vlan2005", "namespace": "default", "interface": "net1",
                      "mac": "02:00:ac:10:06:14", "ips": ["172.16.6.20/24"]}]'
                """);
        assertThat(m.pods().get(0).nodeName()).isEqualTo("node0");
        assertThat(m.pods().get(0).networks()).extracting(n -> n.namespace() + "/" + n.name() + "@"
                + n.interfaceName()).containsExactly("default/vlan2003@net1", "other/vlan2004@null");
        assertThat(m.pods().get(1).networks()).singleElement().satisfies(n -> {
            assertThat(n.namespace()).isEqualTo("default");
            assertThat(n.mac()).isEqualTo("02:00:ac:10:06:14");
            assertThat(n.ips()).containsExactly("172.16.6.20/24");
        });
    }

    @Test
    void other_kinds_are_warnings_and_lists_are_read() {
        final Manifests m = read("""
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: Namespace, metadata: {name: vms}}
                  - {apiVersion: v1, kind: Service, metadata: {name: s}}
                """);
        assertThat(m.namespaces()).extracting(Manifests.Namespace::name).containsExactly("vms");
        assertThat(d.warnings()).singleElement().asString().startsWith("manifests/m.yaml:5:").contains("Service");
    }
}

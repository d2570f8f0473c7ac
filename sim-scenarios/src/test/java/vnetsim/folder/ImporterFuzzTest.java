package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vnetsim.folder.dhcp.DhcpReader;
import vnetsim.folder.firewall.FirewallReader;
import vnetsim.folder.k8s.ManifestReader;
import vnetsim.folder.layer1.Layer1Reader;
import vnetsim.folder.nmstate.NncpReader;
import vnetsim.folder.nmstate.PolicyMerger;
import vnetsim.folder.nxos.NxosConfigReader;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;
import vnetsim.vsphere.VsphereYamlException;
import vnetsim.vsphere.VsphereYamlReader;

/**
 * Any bytes as each importer's input: reading never throws, never hangs, and every problem it reports names the
 * file (and a line within it, when it has one). Seeds are real files in each format (the shipped folders, nmstate's
 * examples, the seeds' NADs): {@code src/test/resources/vnetsim/folder/ImporterFuzzTestInputs/<method>/}.
 * {@code JAZZER_FUZZ=1} (see .ci/fuzz) fuzzes instead of replaying the seeds.
 */
class ImporterFuzzTest {
    private static String text(final byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static void assertLocated(final Diagnostics d, final String file, final String text) {
        final long lines = text.lines().count() + 2;
        for (final Problem p : d.errors()) {
            assertThat(p.at().file()).as(p.toString()).isEqualTo(file);
            assertThat(p.at().line()).as(p.toString()).isBetween(0, (int) Math.max(lines, 1));
            assertThat(p.message()).isNotBlank();
        }
        for (final Problem p : d.warnings()) {
            assertThat(p.at().file()).as(p.toString()).isEqualTo(file);
        }
    }

    private static List<Node> yaml(final Diagnostics d, final String file, final String text) {
        return new TreeReader(d).readYaml(text, file, 0);
    }

    @FuzzTest(maxDuration = "30s")
    void nmstatePolicies(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        final var policies = new NncpReader(d).read(yaml(d, "nmstate/p.yaml", text));
        new PolicyMerger(d).merge("node0", policies);
        assertLocated(d, "nmstate/p.yaml", text);
    }

    @FuzzTest(maxDuration = "30s")
    void nxosRunningConfig(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        assertThat(new NxosConfigReader(d).read(text, "configs/sw.cfg")).isNotNull();
        assertLocated(d, "configs/sw.cfg", text);
    }

    @FuzzTest(maxDuration = "30s")
    void kubernetesManifests(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        final ManifestReader reader = new ManifestReader(d);
        reader.read(yaml(d, "manifests/m.yaml", text));
        assertThat(reader.result()).isNotNull();
        assertLocated(d, "manifests/m.yaml", text);
    }

    @FuzzTest(maxDuration = "30s")
    void layer1Topology(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        final Node root = new TreeReader(d).readJson(text, "layer1_topology.json", 0);
        if (root != null) {
            new Layer1Reader(d).read(root);
        }
        assertLocated(d, "layer1_topology.json", text);
    }

    @FuzzTest(maxDuration = "30s")
    void firewalls(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        for (final Node doc : yaml(d, "firewalls/fw.yaml", text)) {
            new FirewallReader(d).read(doc);
        }
        assertLocated(d, "firewalls/fw.yaml", text);
    }

    @FuzzTest(maxDuration = "30s")
    void networkYaml(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        for (final Node doc : yaml(d, "network.yaml", text)) {
            assertThat(new NetworkYamlReader(d).read(doc, "x")).isNotNull();
        }
        assertLocated(d, "network.yaml", text);
    }

    @FuzzTest(maxDuration = "30s")
    void dhcpServers(final byte[] data) {
        final Diagnostics d = new Diagnostics();
        final String text = text(data);
        assertThat(new DhcpReader(d).readText(text, "dhcp/d.yaml")).isNotNull();
        assertLocated(d, "dhcp/d.yaml", text);
    }

    /** vsphere/*.yaml: a reader that stops at the first problem, with a VsphereYamlException naming file and line. */
    @FuzzTest(maxDuration = "30s")
    void vsphereHosts(final byte[] data) {
        final String text = text(data);
        try {
            assertThat(VsphereYamlReader.readFile("vsphere/h.yaml", new java.io.StringReader(text)).host())
                    .isNotNull();
        } catch (VsphereYamlException e) {
            assertThat(e.file()).isEqualTo("vsphere/h.yaml");
            assertThat(e.line()).as(e.getMessage()).isBetween(0, (int) text.lines().count() + 2);
            assertThat(e.problem()).isNotBlank();
        }
    }
}

package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.cli.Main;

/** {@code vnetsim draw}, {@code report}, {@code trace --format html}, {@code verify --format html} as users run them. */
class DrawCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void a_symbolic_link_to_a_file_stays_a_link_and_its_target_gets_the_picture() throws Exception {
        final Path target = tmp.resolve("mine.svg");
        java.nio.file.Files.writeString(target, "old");
        final Path link = java.nio.file.Files.createSymbolicLink(tmp.resolve("link.svg"), target.getFileName());
        assertThat(run("draw", "acp-virtualization", "-o", link.toString())).isZero();
        assertThat(java.nio.file.Files.isSymbolicLink(link)).isTrue();
        assertThat(java.nio.file.Files.readString(target)).startsWith("<svg").contains("</svg>");
    }

    @Test
    void draws_every_shipped_network_and_a_folder_given_as_a_path() {
        for (final String name : vnetsim.folder.NetworkFolders.shippedNames()) {
            out.getBuffer().setLength(0);
            assertThat(run("draw", name)).as(name + ": " + err).isZero();
            assertThat(out.toString()).as(name).startsWith("<svg ").endsWith("</svg>\n");
        }
        out.getBuffer().setLength(0);
        final Path folder = Path.of("..", "src", "networks", "udn-layer3");
        assertThat(run("draw", folder.toString(), "--trace", "rhel8-vm8", "rhel8-vm9")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("class=\"hop\"");
    }

    @Test
    void drawsTheSamePictureByteForByteEveryTime() {
        assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm6")).isZero();
        final String first = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm6")).isZero();
        assertThat(out.toString()).isEqualTo(first).startsWith("<svg ").endsWith("</svg>\n");
    }

    @Test
    void writesEveryFormatToAFile() throws Exception {
        for (final String format : new String[] {"svg", "html", "mermaid", "dot"}) {
            final Path file = tmp.resolve("vm1-vm3." + format);
            assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm3", "--format", format, "-o",
                    file.toString())).as(err.toString()).isZero();
            final String text = Files.readString(file, StandardCharsets.UTF_8);
            switch (format) {
                case "svg" -> assertThat(text).contains("class=\"hop\" data-step=\"11\"");
                case "html" -> assertThat(text).startsWith("<!DOCTYPE html>").contains("<table class=\"steps\">")
                        .contains("class=\"ladder\"");
                case "mermaid" -> assertThat(text).contains("```mermaid\nflowchart TD").contains("sequenceDiagram");
                default -> assertThat(text).startsWith("digraph \"acp-virtualization\"").contains("cluster_");
            }
        }
        assertThat(out.toString()).isEmpty();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void everyFormatIsPlainAsciiSoNoLocaleCanCorruptIt() {
        for (final String format : new String[] {"svg", "html", "mermaid", "dot"}) {
            out.getBuffer().setLength(0);
            assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm6", "--format", format)).isZero();
            assertThat(out.toString()).as(format).isNotEmpty().matches("[\\x09\\x0a\\x20-\\x7e]*")
                    .contains(format.equals("mermaid") ? "#8594;" : "&#8594;");
        }
        out.getBuffer().setLength(0);
        assertThat(run("report", "acp-virtualization", "-o", "-")).isZero();
        assertThat(out.toString()).matches("[\\x09\\x0a\\x20-\\x7e]*");
    }

    @Test
    void oneNodesInsideHoldsOnlyThatNode() {
        assertThat(run("draw", "acp-virtualization", "--node", "node2")).isZero();
        assertThat(out.toString()).contains("Virtual Machine 5").contains("Pod 7").doesNotContain("Virtual Machine 1")
                .doesNotContain("Ethernet1/3");
    }

    @Test
    void badInputIsOneClearMessageAndExit2() {
        assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm99")).isEqualTo(2);
        assertThat(err.toString()).contains("vm99").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("draw", "nowhere")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scenario 'nowhere'").contains("acp-virtualization");
        err.getBuffer().setLength(0);
        assertThat(run("draw", "acp-virtualization", "--node", "node9")).isEqualTo(2);
        assertThat(err.toString()).contains("no node 'node9'").contains("node0");
        err.getBuffer().setLength(0);
        assertThat(run("draw", "acp-virtualization", "--cold")).isEqualTo(2);
        assertThat(err.toString()).contains("--cold needs --trace");
        err.getBuffer().setLength(0);
        assertThat(run("draw", "acp-virtualization", "--trace", "vm1", "vm3", "--trace", "vm1", "vm6")).isEqualTo(2);
        assertThat(err.toString()).contains("one FROM TO pair");
        err.getBuffer().setLength(0);
        assertThat(run("draw", "acp-virtualization", "--format", "png")).isEqualTo(2);
        assertThat(err.toString()).contains("png");
    }

    @Test
    void neverReplacesADirectoryOrWritesIntoAMissingOne() throws Exception {
        final Path dir = Files.createDirectory(tmp.resolve("pictures"));
        assertThat(run("draw", "acp-virtualization", "-o", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is a directory");
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(run("draw", "acp-virtualization", "-o", tmp.resolve("missing/x.svg").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void writesIntoADeviceWithoutReplacingIt() throws Exception {
        final Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
        assertThat(run("draw", "acp-virtualization", "-o", devNull.toString())).as(err.toString()).isZero();
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void reportWritesOneFileIntoTheDirectory() throws Exception {
        final Path dir = tmp.resolve("report");
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--flow", "vm1", "vm6")).as(err.toString())
                .isZero();
        final Path file = dir.resolve("acp-virtualization.html");
        assertThat(out.toString().trim()).isEqualTo(file.toString());
        final String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).contains("<table class=\"matrix\">").contains("ICMP Virtual Machine 1 -&gt; Virtual Machine 6");
        PictureBrowserTest.assertSelfContained(html);
        final Path notADir = Files.writeString(tmp.resolve("file"), "mine");
        assertThat(run("report", "acp-virtualization", "-o", notADir.toString())).isEqualTo(1);
        assertThat(Files.readString(notADir)).isEqualTo("mine");
    }

    @Test
    void traceAndVerifyWriteHtml() throws Exception {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm4", "--cold", "--format", "html")).isZero();
        assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("ARP who-has 172.16.4.11 tell 172.16.4.208")
                .contains("class=\"flood\"");
        out.getBuffer().setLength(0);
        final Path doc = tmp.resolve("flows.md");
        Files.copy(Path.of("..", "src", "docs", "acp-virtualization", "flow-tables.md"), doc);
        final int status = run("verify", doc.toString(), "--scenario", "acp-virtualization", "--format", "html");
        final String html = out.toString();
        assertThat(status).isEqualTo(1);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<td class=\"bad\"").contains("<td class=\"num bad\">6.</td>")
                .contains("simulation: node1").contains("class=\"vnetsim-picture\"");
        PictureBrowserTest.assertSelfContained(html);
    }
}

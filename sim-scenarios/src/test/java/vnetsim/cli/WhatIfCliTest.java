package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** reachability, whatif and check as a user and a CI system run them. */
class WhatIfCliTest {
    private static final Path INTENTS = Path.of("..", "src", "networks", "acp-virtualization", "intents.yaml");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void reachabilityJsonIsAListOfFromToOutcomeDrop() throws Exception {
        assertThat(run("reachability", "acp-virtualization", "--format", "json")).isZero();
        final JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(42);
        for (final JsonNode cell : list) {
            assertThat(cell.has("from") && cell.has("to") && cell.has("outcome") && cell.has("drop")).isTrue();
            assertThat(cell.get("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(cell.get("drop").isNull()).isTrue();
        }
        assertThat(err.toString()).isEmpty();                  // no progress bar when stdout is not a terminal
    }

    @Test
    void reachabilityOfASyntheticNetworkByClasses() throws Exception {
        assertThat(run("reachability", "synthetic-4x3x20", "--classes", "--format", "json")).isZero();
        final JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list).hasSize(20 * 19);
        assertThat(list.get(0).get("from").asText()).isEqualTo("w0");
    }

    @Test
    void reachabilityCsvHasOneRowPerPair() {
        assertThat(run("reachability", "acp-virtualization", "--format", "csv", "--protocol", "udp")).isZero();
        final String[] rows = out.toString().split("\r\n");
        assertThat(rows).hasSize(43);
        assertThat(rows[0]).startsWith("from,to,outcome,drop_device");
        assertThat(rows[1]).isEqualTo("vm1,pod2,DELIVERED,,,,,,,");
    }

    @Test
    void whatifJsonListsExactlyTheFlowsVlan2004CarriedToAndFromNode0() throws Exception {
        assertThat(run("whatif", "acp-virtualization", "--change", "remove vlan 2004 from Switch Ethernet1/3",
                "--format", "json")).isZero();
        final JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("changes").get(0).asText()).isEqualTo("remove vlan 2004 from Switch Ethernet1/3");
        final List<String> pairs = new ArrayList<>();
        for (final JsonNode f : root.get("flows")) {
            pairs.add(f.get("from").asText() + ">" + f.get("to").asText());
            assertThat(f.get("change").asText()).isEqualTo("NOW_DROPPED");
            assertThat(f.get("after").get("cause").get("device").asText()).isEqualTo("Switch");
            assertThat(f.get("after").get("cause").get("interface").asText()).isEqualTo("Ethernet1/3");
            assertThat(f.get("after").get("cause").get("reason").asText()).contains("VLAN 2004");
        }
        assertThat(pairs).containsExactlyInAnyOrder("vm1>vm3", "pod2>vm3", "vm4>vm3", "vm5>vm3", "vm6>vm3",
                "pod7>vm3", "vm3>vm1", "vm3>pod2", "vm3>vm4", "vm3>vm5", "vm3>vm6", "vm3>pod7");
    }

    @Test
    void whatifBetweenTwoCopiesOfTheShippedFolderListsTheSameFlows() throws Exception {
        final Path before = copy(Path.of("..", "src", "networks", "acp-virtualization"), dir.resolve("before"));
        final Path after = copy(before, dir.resolve("after"));
        final Path cfg = after.resolve("configs").resolve("switch.cfg");
        final String text = Files.readString(cfg);
        final int port = text.indexOf("interface Ethernet1/3");
        final int end = text.indexOf("switchport trunk allowed vlan 2003-2005", port)
                + "switchport trunk allowed vlan 2003-2005".length();
        Files.writeString(cfg, text.substring(0, end) + "\n  switchport trunk allowed vlan remove 2004"
                + text.substring(end));
        assertThat(run("whatif", before.toString(), "--after", after.toString(), "--format", "json")).isZero();
        final JsonNode root = new ObjectMapper().readTree(out.toString());
        final List<String> pairs = new ArrayList<>();
        for (final JsonNode f : root.get("flows")) {
            pairs.add(f.get("from").asText() + ">" + f.get("to").asText());
            assertThat(f.get("after").get("cause").get("interface").asText()).isEqualTo("Ethernet1/3");
        }
        assertThat(pairs).hasSize(12).allSatisfy(p -> assertThat(p).contains("vm3"));
    }

    private static Path copy(final Path from, final Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (final Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
        return to;
    }

    @Test
    void whatifFromAChangeFileAndAMissingNameIsExit2WithTheClosest() throws Exception {
        final Path file = dir.resolve("changes.txt");
        Files.writeString(file, "# maintenance window\nshut Switch Ethernet1/11\n");
        assertThat(run("whatif", "acp-virtualization", "--change-file", file.toString())).isZero();
        assertThat(out.toString()).contains("shut Switch Ethernet1/11").contains("now dropped");

        assertThat(run("whatif", "acp-virtualization", "--change", "shut Switch Ethernet1/12")).isEqualTo(2);
        assertThat(err.toString()).contains("no port on Switch named 'Ethernet1/12'; closest: Ethernet1/1");

        assertThat(run("whatif", "acp-virtualization")).isEqualTo(2);
        assertThat(run("whatif", "acp-virtualization", "--change-file", dir.resolve("none.txt").toString()))
                .isEqualTo(2);
    }

    @Test
    void checkPassesOnTheShippedIntentsAndFailsWithExit1AndAReadableJunitReportAfterABreakingChange()
            throws Exception {
        final Path report = dir.resolve("report.xml");
        assertThat(run("check", "acp-virtualization", "--intents", INTENTS.toString(), "--junit-xml",
                report.toString())).isZero();
        assertThat(out.toString()).contains("8 of 8 intents hold");
        assertThat(testcases(report).getLength()).isEqualTo(8);

        assertThat(run("check", "acp-virtualization", "--intents", INTENTS.toString(), "--junit-xml",
                report.toString(), "--change", "remove vlan 2004 from Switch Ethernet1/3")).isEqualTo(1);
        final Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("3");
        final NodeList failures = xml.getElementsByTagName("failure");
        assertThat(((Element) failures.item(0)).getAttribute("message"))
                .contains("vm3 does not reach its gateway 172.16.5.1")
                .contains("dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on this port (ingress)");
        assertThat(failures.item(1).getTextContent()).contains("Outcome: DROPPED at Firewall / Uplink 1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.xml");
        }
    }

    @Test
    void badIntentsAreExit2NamingFileAndLine() throws Exception {
        final Path file = dir.resolve("intents.yaml");
        Files.writeString(file, "intents:\n  - from: vm1\n    to: vm3\n    expect: reaches\n  - from: vm1\n"
                + "    to: vm9\n    expect: teleports\n");
        assertThat(run("check", "acp-virtualization", "--intents", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":5: intent 2: expect 'teleports' is not one of reaches");

        Files.writeString(file, "intents:\n  - from: vm1\n    to: vm9\n    expect: reaches\n");
        assertThat(run("check", "acp-virtualization", "--intents", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("vm9");

        Files.writeString(file, "intents: [\n");
        assertThat(run("check", "acp-virtualization", "--intents", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not valid YAML");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    private static NodeList testcases(final Path report) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                .getElementsByTagName("testcase");
    }
}

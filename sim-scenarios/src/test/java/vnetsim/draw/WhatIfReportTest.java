package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.cli.Main;
import vnetsim.folder.Networks;
import vnetsim.scenario.Scenarios;
import vnetsim.whatif.ChangeParser;

/**
 * {@code vnetsim report NETWORK --change C}: the what-if report as users run it, checked against
 * {@code vnetsim whatif} (the two share their options and their comparison, {@code vnetsim.cli.ChangeOptions}).
 */
class WhatIfReportTest {
    static final String REMOVE_2004 = "remove vlan 2004 from Switch Ethernet1/3";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** The pairs whatif --format json lists for the same change. */
    private List<String> whatifPairs(final String... changeArgs) throws Exception {
        final List<String> args = new ArrayList<>(List.of("whatif", "acp-virtualization", "--format", "json"));
        args.addAll(List.of(changeArgs));
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        final List<String> pairs = new ArrayList<>();
        for (final JsonNode f : new ObjectMapper().readTree(out.toString()).get("flows")) {
            pairs.add(f.get("from").asText() + ">" + f.get("to").asText());
        }
        out.getBuffer().setLength(0);
        return pairs;
    }

    @Test
    void the_report_outlines_in_both_matrices_exactly_the_pairs_whatif_lists() throws Exception {
        // the same change through both commands: they parse, apply and compare with the same code, so the report's
        // outlined cells are exactly whatif's changed pairs (12: every flow to and from vm3, on node0's trunk)
        final List<String> expected = whatifPairs("--change", REMOVE_2004);
        assertThat(expected).hasSize(12);
        final Path dir = tmp.resolve("r");
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change", REMOVE_2004))
                .as(err.toString()).isZero();
        final String html = Files.readString(dir.resolve("acp-virtualization.html"), StandardCharsets.UTF_8);
        PictureBrowserTest.assertSelfContained(html);
        final String before = between(html, "<table class=\"matrix before\">", "</table>");
        final String after = between(html, "<table class=\"matrix after\">", "</table>");
        assertThat(outlined(before)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(outlined(after)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(html).contains("<li><code>" + REMOVE_2004 + "</code></li>")
                .contains("12 of 42 flows changed; 12 now dropped");
        final String table = between(html, "<table class=\"changed-flows\">", "</table>");
        assertThat(table.split("<tr data-change=\"NOW_DROPPED\">", -1)).hasSize(13);
        // the root cause whatif prints, in the table and in the pictures
        assertThat(table).contains("cause: ARP request who-has 172.16.5.10 tell 172.16.5.1 (VLAN 2004), flooded by "
                + "Switch but not out Ethernet1/3, dropped at Switch/Ethernet1/3: VLAN 2004 is not allowed on the "
                + "egress port");
        assertThat(html.split("<div class=\"compare", -1)).hasSize(WhatIfReport.MAX_COMPARED_PICTURES + 1);
        assertThat(html).contains("The first 8 of 12 changed flows are drawn.")
                .contains("4 more changed flows are in the table above");
    }

    @Test
    void a_change_file_and_after_give_the_same_report_kinds_as_whatif() throws Exception {
        final Path file = Files.writeString(tmp.resolve("changes.txt"), "# node0 loses its uplink\n"
                + "shut Switch Ethernet1/3\n", StandardCharsets.UTF_8);
        final List<String> expected = whatifPairs("--change-file", file.toString());
        assertThat(run("report", "acp-virtualization", "-o", "-", "--change-file", file.toString()))
                .as(err.toString()).isZero();
        final String html = out.toString();
        assertThat(outlined(between(html, "<table class=\"matrix after\">", "</table>")))
                .containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
        assertThat(html).contains("<li><code>shut Switch Ethernet1/3</code></li>");
        out.getBuffer().setLength(0);
        // --after: the network compared with itself changes nothing
        assertThat(run("report", "acp-virtualization", "-o", "-", "--after", "acp-virtualization"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 of 42 flows changed").contains("No flow changed")
                .doesNotContain(" changed\" data-change=");
    }

    @Test
    void without_a_change_the_report_is_the_plain_report_byte_for_byte() throws Exception {
        assertThat(run("report", "acp-virtualization", "-o", "-")).as(err.toString()).isZero();
        final String html = out.toString();
        assertThat(html).isEqualTo(HtmlReport.report(Scenarios.named("acp-virtualization").network(), List.of()));
        assertThat(html).contains("<table class=\"matrix\">").doesNotContain("matrix before")
                .doesNotContain("what if").doesNotContain("Root cause").doesNotContain("class=\"cause\"");
    }

    @Test
    void bad_changes_are_usage_errors_naming_the_change_and_nothing_is_written() throws Exception {
        final Path dir = tmp.resolve("none");
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change",
                "remove vlan 2004 from Switch Ethernet9/9")).isEqualTo(2);
        assertThat(err.toString()).startsWith("vnetsim: ").contains("Ethernet9/9").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change", "paint it red")).isEqualTo(2);
        assertThat(err.toString()).contains("paint it red");
        err.getBuffer().setLength(0);
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change", REMOVE_2004, "--after",
                "acp-virtualization")).isEqualTo(2);
        assertThat(err.toString()).contains("--after compares two versions");
        err.getBuffer().setLength(0);
        final Path empty = Files.writeString(tmp.resolve("empty.txt"), "# nothing\n");
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change-file", empty.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("empty.txt: no change in it");
        err.getBuffer().setLength(0);
        assertThat(run("report", "acp-virtualization", "-o", dir.toString(), "--change-file",
                tmp.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("change file not found");
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void whatif_and_report_take_the_same_change_options() {
        final CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("report", new ReportCommand());
        for (final String name : List.of("--change", "--change-file", "--after")) {
            final var inWhatif = cli.getSubcommands().get("whatif").getCommandSpec().findOption(name);
            final var inReport = cli.getSubcommands().get("report").getCommandSpec().findOption(name);
            assertThat(inWhatif).as(name).isNotNull();
            assertThat(inReport).as(name).isNotNull();
            assertThat(inReport.description()).isEqualTo(inWhatif.description());
            assertThat(inReport.paramLabel()).isEqualTo(inWhatif.paramLabel());
        }
    }

    @Test
    void the_pictures_before_and_after_show_the_same_hosts_and_mark_the_drop_and_its_root_cause() {
        final Network before = Networks.named("acp-virtualization").network();
        final Network after = before.with(ChangeParser.parse(REMOVE_2004));
        final List<Drawing> drawn = Drawing.compared(before, after, Flow.icmp("vm1", "vm3").coldStart());
        assertThat(drawn).hasSize(2);
        // vm1 and vm3 are both on node0: node1 and node2 are on neither path
        for (final Drawing d : drawn) {
            assertThat(d.diagram().groups()).extracting(Diagram.Group::name)
                    .containsExactlyInAnyOrder("Switch", "Firewall", "node0");
        }
        assertThat(drawn.get(0).overlay().trace().isDelivered()).isTrue();
        assertThat(drawn.get(0).svg()).doesNotContain("class=\"drop\"").doesNotContain("class=\"cause\"");
        final String svg = drawn.get(1).svg();
        // the firewall gives up (no ARP reply); the root cause is the switch port that no longer carries VLAN 2004
        assertThat(svg).contains("<g class=\"drop\" data-place=\"Firewall / Uplink 1\">")
                .contains("<g class=\"cause\" data-place=\"Switch / Ethernet1/3\">")
                .contains("Root cause at Switch / Ethernet1/3");
    }

    /** The "from>to" pairs of a matrix's outlined cells. */
    static List<String> outlined(final String matrix) {
        final List<String> ids = new ArrayList<>();
        final Matcher head = Pattern.compile("<th title=\"[^\"]*\">([^<]+)</th>").matcher(
                between(matrix, "<thead>", "</thead>"));
        while (head.find()) {
            ids.add(head.group(1));
        }
        final List<String> pairs = new ArrayList<>();
        for (final String row : between(matrix, "<tbody>", "</tbody>").split("</tr>")) {
            final Matcher from = Pattern.compile("<tr><th title=\"[^\"]*\">([^<]+)</th>").matcher(row);
            if (!from.find()) {
                continue;
            }
            final Matcher cell = Pattern.compile("<td class=\"([^\"]*)\"").matcher(row);
            int column = 0;
            while (cell.find()) {
                if (cell.group(1).endsWith(" changed")) {
                    pairs.add(from.group(1) + ">" + ids.get(column));
                }
                column++;
            }
        }
        return pairs;
    }

    static String between(final String text, final String start, final String end) {
        final int s = text.indexOf(start);
        assertThat(s).as("'" + start + "' in the page").isNotNegative();
        final int e = text.indexOf(end, s);
        return text.substring(s, e + end.length());
    }
}

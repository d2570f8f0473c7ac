package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.analysis.ReachabilityDiff;
import vnetsim.cli.ChangeOptions;
import vnetsim.folder.Networks;
import vnetsim.whatif.ChangeParser;

/**
 * The what-if report ({@code vnetsim report NETWORK --change C}) as a browser shows it: Debian's headless chromium
 * renders, screenshots, measures and prints it (see {@link PictureBrowserTest} for the pictures alone).
 */
class WhatIfReportBrowserTest {
    private static final String SCRIPT = "<script>\n" + Measured.MEASURE_FUNCTION + """
            function rect(e) { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }
            function outlined(which) {
              const table = document.querySelector('table.matrix.' + which);
              const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent);
              return [...table.querySelectorAll('tbody td')].filter(td => {
                  const s = getComputedStyle(td); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })
                .map(td => td.parentElement.querySelector('th').textContent + '>' + heads[td.cellIndex]); }
            const res = {
              pictures: [...document.querySelectorAll('svg.vnetsim-picture')].map(measure),
              before: outlined('before'), after: outlined('after'),
              tables: [rect(document.querySelector('table.matrix.before')), rect(document.querySelector('table.matrix.after'))],
              compares: [...document.querySelectorAll('div.compare')].map(d => ({
                before: rect(d.querySelector('.before svg')), after: rect(d.querySelector('.after svg')),
                natural: parseFloat(d.querySelector('.before svg').getAttribute('width')),
                drops: d.querySelectorAll('.after g.drop').length, causes: d.querySelectorAll('.after g.cause').length })) };
            document.getElementById('measure').textContent = JSON.stringify(res);
            </script>
            """;

    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        Chromium.binary();
        dir = Files.createDirectories(Path.of("target", "pictures-test"));
    }

    @Test
    void the_report_shows_both_matrices_side_by_side_outlines_the_changed_cells_and_draws_each_path_readably()
            throws Exception {
        final Network before = Networks.named("acp-virtualization").network();
        final ChangeOptions.WhatIf whatIf = new ChangeOptions.WhatIf(before,
                before.with(ChangeParser.parse(WhatIfReportTest.REMOVE_2004)), List.of(WhatIfReportTest.REMOVE_2004));
        final ChangeOptions.Comparison compared = ChangeOptions.compare(whatIf, Protocol.ICMP, null,
                new PrintWriter(Writer.nullWriter()));
        final String html = WhatIfReport.render(compared, List.of());
        PictureBrowserTest.assertSelfContained(html);
        final Path page = dir.resolve("whatif-report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        PictureBrowserTest.assertNotBlank(Chromium.screenshot(page, 1366, 900));

        final Path instrumented = dir.resolve("whatif-report-measure.html");
        Files.writeString(instrumented, html.replace("</body>", "<pre id=\"measure\"></pre>\n" + SCRIPT + "</body>"),
                StandardCharsets.UTF_8);
        // a 15" laptop (1920 wide): everything side by side; a 13" one (1366): each flow's pictures one above the
        // other, so that neither is shrunk below 60%
        final JsonNode res = measurement(Chromium.dumpDom(instrumented, 2000, 1920, 1080));
        final JsonNode small = measurement(Chromium.dumpDom(instrumented, 2000, 1366, 900));
        for (final JsonNode c : small.get("compares")) {
            final JsonNode was = c.get("before");
            final JsonNode now = c.get("after");
            assertThat(was.get("y").asDouble() + was.get("h").asDouble()).isLessThanOrEqualTo(now.get("y").asDouble());
            assertThat(Math.min(was.get("w").asDouble(), now.get("w").asDouble()) / c.get("natural").asDouble())
                    .isGreaterThan(0.6);
        }
        final JsonNode st = small.get("tables");
        assertThat(st.get(0).get("x").asDouble() + st.get(0).get("w").asDouble())
                .isLessThanOrEqualTo(st.get(1).get("x").asDouble());

        // as many cells outlined, as the browser draws them, as flows changed; in both matrices, the same pairs
        final List<String> changed = compared.diff().changes().stream()
                .map(c -> c.after().from() + ">" + c.after().to()).toList();
        assertThat(changed).hasSize(12);
        assertThat(strings(res.get("before"))).containsExactlyInAnyOrderElementsOf(changed);
        assertThat(strings(res.get("after"))).containsExactlyInAnyOrderElementsOf(changed);
        assertThat(compared.diff().changes()).allMatch(c -> c.kind() == ReachabilityDiff.Kind.NOW_DROPPED);

        // side by side: before's matrix left of after's, on the same line
        final JsonNode b = res.get("tables").get(0);
        final JsonNode a = res.get("tables").get(1);
        assertThat(b.get("x").asDouble() + b.get("w").asDouble()).isLessThanOrEqualTo(a.get("x").asDouble());
        assertThat(Math.abs(b.get("y").asDouble() - a.get("y").asDouble())).isLessThan(5);

        // each changed flow drawn (at most MAX_COMPARED_PICTURES), before left of after, the drop and cause marked
        assertThat(res.get("compares")).hasSize(WhatIfReport.MAX_COMPARED_PICTURES);
        for (final JsonNode c : res.get("compares")) {
            final JsonNode was = c.get("before");
            final JsonNode now = c.get("after");
            assertThat(was.get("x").asDouble() + was.get("w").asDouble()).isLessThanOrEqualTo(now.get("x").asDouble());
            assertThat(Math.abs(was.get("y").asDouble() - now.get("y").asDouble())).isLessThan(5);
            assertThat(now.get("w").asDouble() / c.get("natural").asDouble()).isGreaterThan(0.6);
            assertThat(c.get("drops").asInt()).isEqualTo(1);
            assertThat(c.get("causes").asInt()).isEqualTo(1);
        }

        // every picture of the page (the network, then before and after of each flow) readable
        assertThat(res.get("pictures")).hasSize(1 + 2 * WhatIfReport.MAX_COMPARED_PICTURES);
        int n = 0;
        for (final JsonNode p : res.get("pictures")) {
            final Measured m = Measured.parse(p);
            if (n == 0) {
                assertThat(m.hops()).as("the network picture has no path").isEmpty();
            } else {
                assertThat(m.hops()).as("numbered hops in picture " + n).isNotEmpty();
            }
            assertThat(m.invisible()).as("labels outside picture " + n + " or empty").isEmpty();
            assertThat(m.overlaps()).as("labels overlapping in picture " + n).isEmpty();
            assertThat(m.overflowing()).as("text outside its box in picture " + n).isEmpty();
            n++;
        }

        final byte[] pdf = Files.readAllBytes(Chromium.printToPdf(page));
        final String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(count(text, "/Type /Page") + count(text, "/Type/Page")).isGreaterThan(3);
    }

    private static JsonNode measurement(final String dom) throws Exception {
        final int start = dom.indexOf("<pre id=\"measure\">");
        final int end = dom.indexOf("</pre>", start);
        assertThat(start).as("measurement in the dumped DOM").isNotNegative();
        return new ObjectMapper().readTree(dom.substring(start + "<pre id=\"measure\">".length(), end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
    }

    private static List<String> strings(final JsonNode array) {
        final List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static int count(final String text, final String needle) {
        int k = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            k++;
        }
        return k;
    }
}

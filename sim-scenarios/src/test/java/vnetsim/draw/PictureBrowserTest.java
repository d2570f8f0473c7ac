package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.trace.Outcome;
import vnetsim.trace.Trace;

/** The pictures as a browser shows them: Debian's headless chromium renders, screenshots and measures them. */
class PictureBrowserTest {
    private static final Network ACP = new AcpVirtualization().network();
    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        Chromium.binary();
        dir = Files.createDirectories(Path.of("target", "pictures-test"));
    }

    @Test
    void theDeliveredPathHasOneMarkerPerStepAndNoLabelOverlapsAnother() throws Exception {
        final Drawing drawing = Drawing.trace(ACP, Flow.icmp("vm1", "vm6"), null);
        final Trace trace = drawing.overlay().trace();
        final Measured m = check(drawing.svg(), "vm1-vm6");
        assertThat(m.hops()).hasSize(trace.documentPath().size());
        assertThat(m.hops().stream().map(h -> h.cls()).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 11).mapToObj(i -> "hop " + i).toList());
        assertThat(m.labels().stream().filter(r -> r.cls().equals("hop-label")).map(r -> r.text()))
                .contains("push tag 2003", "tag 2003 \u2192 2005", "pop tag 2005");
        assertThat(m.labels().stream().filter(r -> r.cls().equals("tag-label")).map(r -> r.text()))
                .anyMatch(t -> t.contains("tagged 2003")).anyMatch(t -> t.contains("tagged 2005"));
        assertThat(m.drops()).isZero();
    }

    @Test
    void aDroppedFlowHasItsDropMarkedAtTheDeviceThatDroppedIt() throws Exception {
        // Topologies are sealed now (no link to pull at run time): an ARP request across subnets is dropped by
        // the firewall, which answers only for its own addresses (no proxy ARP).
        final Drawing drawing = Drawing.trace(ACP, new Flow("vm1", "vm6", Protocol.ARP, false), null);
        final Trace trace = drawing.overlay().trace();
        assertThat(trace.outcome()).isEqualTo(Outcome.DROPPED);
        final Measured m = check(drawing.svg(), "vm1-vm6-arp-dropped");
        assertThat(m.drops()).isEqualTo(1);
        assertThat(m.hops()).hasSize(trace.documentPath().size());
        assertThat(m.labels()).anyMatch(r -> r.cls().equals("drop-reason") && r.text().contains(trace.drop().reason()));
    }

    @Test
    void aColdStartDrawsTheArpFlood() throws Exception {
        final Drawing drawing = Drawing.trace(ACP, Flow.icmp("vm1", "vm4").coldStart(), null);
        final Measured m = check(drawing.svg(), "vm1-vm4-cold");
        assertThat(m.floods()).isPositive();
        assertThat(m.hops()).hasSize(drawing.overlay().trace().documentPath().size());
    }

    @Test
    void aPathThroughThirtyHostsShowsTheHostsItCrossesAndLeavesTheOthersOut() throws Exception {
        final Drawing drawing = Drawing.trace(WideNetwork.of(30), Flow.icmp("vm0-0", "vm29-2"), null);
        assertThat(drawing.diagram().groups()).extracting(Diagram.Group::name)
                .containsExactly("Switch", "Firewall", "node0", "node29");
        assertThat(drawing.diagram().network()).contains("28 of 30 hosts not on the path left out");
        final Measured m = check(drawing.svg(), "wide-30");
        assertThat(m.hops()).hasSize(11);
        assertThat(m.svg().w()).isLessThan(2000);
    }

    @Test
    void theNetworkAndOneNodeAreDrawnReadably() throws Exception {
        final Measured all = check(Drawing.network(ACP, null).svg(), "acp");
        assertThat(all.boxes()).hasSizeGreaterThan(25);
        final Measured node = check(Drawing.network(ACP, "node1").svg(), "node1");
        assertThat(node.labels()).anyMatch(r -> r.text().equals("Virtual Machine 6"))
                .noneMatch(r -> r.text().equals("Virtual Machine 1"));
    }

    @Test
    void theTracePageAndTheReportOpenOfflineAndPrint() throws Exception {
        final String tracePage = HtmlReport.trace(Drawing.trace(ACP, Flow.icmp("vm1", "vm3").coldStart(), null));
        final String report = HtmlReport.report(ACP, List.of(Flow.icmp("vm1", "vm6")));
        for (final String html : List.of(tracePage, report)) {
            assertSelfContained(html);
        }
        final Path reportFile = dir.resolve("report.html");
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        assertNotBlank(Chromium.screenshot(reportFile, 1366, 900));
        final String dom = Chromium.dumpDom(reportFile, 1000);
        assertThat(count(dom, "data-outcome=\"DELIVERED\"")).isEqualTo(42);
        final Path pdf = Chromium.printToPdf(reportFile);
        final byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(count(new String(bytes, StandardCharsets.ISO_8859_1), "/Type /Page")
                + count(new String(bytes, StandardCharsets.ISO_8859_1), "/Type/Page")).isGreaterThan(1);
        final Path traceFile = dir.resolve("trace.html");
        Files.writeString(traceFile, tracePage, StandardCharsets.UTF_8);
        assertNotBlank(Chromium.screenshot(traceFile, 1366, 900));
        final String traceDom = Chromium.dumpDom(traceFile, 1000);
        assertThat(count(traceDom, "class=\"frame")).isGreaterThan(10);
        assertThat(count(traceDom, "class=\"hop")).isGreaterThan(5);
    }

    /** Renders, screenshots and measures a picture; fails on blank, overlapping, hidden or overflowing text. */
    private static Measured check(final String svg, final String name) throws Exception {
        final Path file = dir.resolve(name + ".svg");
        Files.writeString(file, svg, StandardCharsets.UTF_8);
        final Measured m = Measured.of(svg, dir, name);
        assertNotBlank(Chromium.screenshot(file, (int) Math.ceil(m.svg().w()), (int) Math.ceil(m.svg().h())));
        assertThat(m.invisible()).as("labels outside the picture or empty").isEmpty();
        assertThat(m.overlaps()).as("labels overlapping").isEmpty();
        assertThat(m.overflowing()).as("text outside its box").isEmpty();
        return m;
    }

    static void assertNotBlank(final Path png) throws Exception {
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot " + png).isNotNull();
        final Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                final int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        final long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
        assertThat(colours.size()).as("distinct colours in " + png).isGreaterThan(20);
        assertThat((double) ink / sampled).as("share of non-white pixels in " + png).isGreaterThan(0.03);
    }

    static void assertSelfContained(final String html) {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase(" src=").doesNotContain("https://");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    private static int count(final String text, final String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

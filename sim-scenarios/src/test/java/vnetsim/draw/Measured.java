package vnetsim.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture measured in the browser: an SVG is put inline in a page whose script writes, as JSON into the DOM,
 * the bounding box of every hop marker, every text label and every box; chromium's --dump-dom returns it.
 */
record Measured(Rect svg, List<Rect> hops, List<Rect> labels, List<BoxMeasure> boxes, int drops, int floods) {

    record Rect(String cls, String text, double x, double y, double w, double h) {
        boolean intersects(final Rect o, final double tolerance) {
            return x + w - tolerance > o.x && o.x + o.w - tolerance > x && y + h - tolerance > o.y
                    && o.y + o.h - tolerance > y;
        }

        boolean contains(final Rect o, final double tolerance) {
            return o.x >= x - tolerance && o.y >= y - tolerance && o.x + o.w <= x + w + tolerance
                    && o.y + o.h <= y + h + tolerance;
        }
    }

    record BoxMeasure(Rect frame, List<Rect> texts) {
    }

    /**
     * A script function, {@code measure(svg)}: one picture's measurement as {@link #parse} reads it; pages holding
     * several pictures call it once per picture.
     */
    static final String MEASURE_FUNCTION = """
            function measure(svg) {
              function box(e) { const r = e.getBoundingClientRect();
                return {cls: e.getAttribute('class') || '', text: e.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height}; }
              return {
                svg: box(svg),
                hops: [...svg.querySelectorAll('g.hop')].map(e => Object.assign(box(e), {cls: 'hop ' + e.dataset.step})),
                labels: [...svg.querySelectorAll('.hop-label, .tag-label, .box-name, .box-detail, .group-title, '
                    + '.group-detail, .legend-text, .drop-text, .title, .subtitle, .drop-reason')].map(box),
                boxes: [...svg.querySelectorAll('g.box')].map(g => ({frame: box(g.querySelector('rect')),
                    texts: [...g.querySelectorAll('text')].map(box)})),
                drops: svg.querySelectorAll('g.drop').length,
                floods: svg.querySelectorAll('.flood').length };
            }
            """;

    private static final String SCRIPT = "<script>\n" + MEASURE_FUNCTION
            + "document.getElementById('measure').textContent = "
            + "JSON.stringify(measure(document.querySelector('svg.vnetsim-picture')));\n</script>\n";

    static Measured of(final String svgText, final Path dir, final String name) throws Exception {
        final Path page = dir.resolve(name + "-measure.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0}</style>"
                + "</head><body>\n" + svgText + "<pre id=\"measure\"></pre>\n" + SCRIPT + "</body></html>\n",
                StandardCharsets.UTF_8);
        final String dom = Chromium.dumpDom(page, 2000);
        final int start = dom.indexOf("<pre id=\"measure\">");
        final int end = dom.indexOf("</pre>", start);
        if (start < 0 || end < 0) {
            throw new AssertionError("no measurement in the dumped DOM:\n" + dom);
        }
        final String json = dom.substring(start + "<pre id=\"measure\">".length(), end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return parse(new ObjectMapper().readTree(json));
    }

    /** A measurement in the JSON shape the script writes: {svg, hops, labels, boxes, drops, floods}. */
    static Measured parse(final JsonNode root) {
        final List<BoxMeasure> boxes = new ArrayList<>();
        for (final JsonNode b : root.get("boxes")) {
            boxes.add(new BoxMeasure(rect(b.get("frame")), rects(b.get("texts"))));
        }
        return new Measured(rect(root.get("svg")), rects(root.get("hops")), rects(root.get("labels")), boxes,
                root.get("drops").asInt(), root.get("floods").asInt());
    }

    private static List<Rect> rects(final JsonNode array) {
        final List<Rect> list = new ArrayList<>();
        array.forEach(n -> list.add(rect(n)));
        return list;
    }

    private static Rect rect(final JsonNode n) {
        return new Rect(n.get("cls").asText(), n.get("text").asText(), n.get("x").asDouble(), n.get("y").asDouble(),
                n.get("w").asDouble(), n.get("h").asDouble());
    }

    /** Every pair of labels and hop markers that overlap, as readable lines. */
    List<String> overlaps() {
        final List<Rect> all = new ArrayList<>(labels);
        all.addAll(hops);
        final List<String> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).intersects(all.get(j), 0.5)) {
                    found.add(all.get(i) + "  overlaps  " + all.get(j));
                }
            }
        }
        return found;
    }

    /** Labels not inside the picture or with no size. */
    List<String> invisible() {
        final List<String> found = new ArrayList<>();
        for (final Rect r : labels) {
            if (r.w() <= 0 || r.h() <= 0 || !svg.contains(r, 0.5)) {
                found.add(r.toString());
            }
        }
        return found;
    }

    /** Text sticking out of its box. */
    List<String> overflowing() {
        final List<String> found = new ArrayList<>();
        for (final BoxMeasure b : boxes) {
            for (final Rect t : b.texts()) {
                if (!b.frame().contains(t, 1.0)) {
                    found.add(t + " outside " + b.frame());
                }
            }
        }
        return found;
    }
}

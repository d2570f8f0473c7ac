package vnetsim.draw;

import static vnetsim.draw.Xml.esc;
import static vnetsim.draw.Xml.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.draw.Diagram.Element;
import vnetsim.draw.Diagram.Group;
import vnetsim.draw.Diagram.GroupRole;
import vnetsim.draw.Diagram.Link;
import vnetsim.draw.Scene.Box;
import vnetsim.draw.Scene.Point;
import vnetsim.draw.Scene.Rect;
import vnetsim.trace.Trace;

/**
 * Writes a laid-out picture as a standalone SVG 1.1 document (no scripts, no external references, so it embeds
 * in Markdown as an image): a title, the VLAN legend, groups, boxes coloured by VLAN, links, and, for a trace,
 * the path in orange with its numbered hops, the tag on every link it crossed, the flood and the drop.
 *
 * <p>Elements tests look for carry classes: {@code hop} (with {@code data-step}), {@code hop-label},
 * {@code tag-label}, {@code drop}, {@code cause} (the root cause, when marked), {@code box}, {@code group}.
 */
public final class SvgRenderer {
    private static final double MARGIN = 20;
    private static final double LEGEND_ROW = 22;
    /** Bold text is this much wider than {@link Metrics#sans} estimates for regular text. */
    private static final double FOOTER_BOLD = 1.1;

    private final Diagram diagram;
    private final Overlay overlay;
    private final Scene scene;
    private final Palette palette;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private SvgRenderer(final Diagram diagram, final Overlay overlay, final Scene scene) {
        this.diagram = diagram;
        this.overlay = overlay;
        this.scene = scene;
        this.palette = new Palette(diagram);
    }

    /** The picture of a diagram, with a trace on top when {@code overlay} is not null. */
    public static String render(final Diagram diagram, final Overlay overlay) {
        return render(diagram, overlay, Layout.of(diagram, overlay));
    }

    static String render(final Diagram diagram, final Overlay overlay, final Scene scene) {
        return new SvgRenderer(diagram, overlay, scene).svg();
    }

    private record LegendItem(String kind, String colour, String text, double width) {
    }

    private String svg() {
        final List<LegendItem> legend = legend();
        final double contentWidth = Math.max(scene.width(), 640);
        final List<List<LegendItem>> rows = rows(legend, contentWidth);
        final double top = MARGIN + 30 + (subtitle().isEmpty() ? 0 : 18) + rows.size() * LEGEND_ROW + 12;
        final List<String> footer = footer();
        final double width = contentWidth + 2 * MARGIN;
        final double height = top + scene.height() + (footer.isEmpty() ? 0 : 14 + footer.size() * 18) + MARGIN;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(esc(Metrics.SANS)).append("\" class=\"vnetsim-picture\">\n");
        out.append("<title>").append(esc(title())).append("</title>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(MARGIN, MARGIN + 18, title(), 18, "bold", Palette.TEXT, "title");
        if (!subtitle().isEmpty()) {
            text(MARGIN, MARGIN + 38, subtitle(), 12, "normal", Palette.MUTED, "subtitle");
        }
        double y = MARGIN + 30 + (subtitle().isEmpty() ? 0 : 18) + 14;
        for (final List<LegendItem> row : rows) {
            double x = MARGIN;
            for (final LegendItem item : row) {
                legendItem(x, y, item);
                x += item.width();
            }
            y += LEGEND_ROW;
        }
        out.append("<g transform=\"translate(").append(num(MARGIN)).append(',').append(num(top)).append(")\">\n");
        groups();
        if (overlay != null) {
            halos();
        }
        links();
        if (overlay != null) {
            floods();
        }
        groupTitles();
        boxes();
        if (overlay != null) {
            arrows();
            labels();
        }
        out.append("</g>\n");
        double fy = top + scene.height() + 14 + 13;
        for (final String line : footer) {
            text(MARGIN, fy, line, 13, "bold", Palette.DROP, "drop-reason");
            fy += 18;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private String title() {
        if (overlay == null) {
            return diagram.network();
        }
        final Trace t = overlay.trace();
        return t.protocol().toUpperCase(java.util.Locale.ROOT) + " " + t.from() + " \u2192 " + t.to();
    }

    private String subtitle() {
        if (overlay == null) {
            return "";
        }
        final Trace t = overlay.trace();
        final String outcome = switch (t.outcome()) {
            case DELIVERED -> "delivered";
            case DROPPED -> "dropped";
            case LOOP -> "forwarding loop";
        };
        final String scope = diagram.network().startsWith(t.scenario()) ? diagram.network() : t.scenario();
        return scope + " \u00b7 " + outcome + " \u00b7 " + t.documentPath().size()
                + " steps, numbered as in the trace table";
    }

    private List<String> footer() {
        final List<String> lines = new ArrayList<>();
        if (overlay != null && overlay.drop() != null) {
            lines.add("\u2715 Dropped at " + overlay.drop().place() + ": " + overlay.drop().reason());
        }
        if (overlay != null && overlay.cause() != null) {
            lines.add("! Root cause at " + overlay.cause().place() + ": " + overlay.cause().reason());
        }
        final double width = Math.max(scene.width(), 640);
        final List<String> wrapped = new ArrayList<>();
        for (final String line : lines) {
            wrapped.addAll(fit(line, width));
        }
        return wrapped;
    }

    /** A footer line broken at spaces into lines no wider than {@code width} (bold 13 px text). */
    private static List<String> fit(final String line, final double width) {
        final List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (final String word : line.split(" ")) {
            final String tried = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && Metrics.sans(tried, 13) * FOOTER_BOLD > width) {
                lines.add(current.toString());
                current = new StringBuilder("    ").append(word);
            } else {
                current = new StringBuilder(tried);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private List<LegendItem> legend() {
        final List<LegendItem> items = new ArrayList<>();
        for (final Map.Entry<Integer, String> v : diagram.vlans().entrySet()) {
            final String text = "VLAN " + v.getKey() + (v.getValue().isEmpty() ? "" : " " + v.getValue());
            items.add(new LegendItem("vlan", palette.vlan(v.getKey()), text, 30 + Metrics.sans(text, 12) + 18));
        }
        if (diagram.links().stream().anyMatch(l -> l.vlan() == 0)) {
            items.add(new LegendItem("trunk", Palette.TRUNK, "trunk / cable", 30 + Metrics.sans("trunk / cable", 12)
                    + 18));
        }
        if (overlay != null) {
            items.add(new LegendItem("path", Palette.PATH, "traced path", 30 + Metrics.sans("traced path", 12) + 18));
            items.add(new LegendItem("hop", Palette.PATH_DARK, "trace step", 30 + Metrics.sans("trace step", 12) + 18));
            if (!overlay.flooded().isEmpty() || !overlay.reached().isEmpty()) {
                items.add(new LegendItem("flood", Palette.PATH, "ARP broadcast flood",
                        30 + Metrics.sans("ARP broadcast flood", 12) + 18));
            }
            if (overlay.drop() != null) {
                items.add(new LegendItem("drop", Palette.DROP, "drop", 30 + Metrics.sans("drop", 12) + 18));
            }
            if (overlay.cause() != null) {
                items.add(new LegendItem("cause", Palette.DROP, "root cause", 30 + Metrics.sans("root cause", 12)
                        + 18));
            }
        }
        return items;
    }

    private static List<List<LegendItem>> rows(final List<LegendItem> items, final double width) {
        final List<List<LegendItem>> rows = new ArrayList<>();
        List<LegendItem> row = new ArrayList<>();
        double x = 0;
        for (final LegendItem item : items) {
            if (!row.isEmpty() && x + item.width() > width) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(item);
            x += item.width();
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private void legendItem(final double x, final double y, final LegendItem item) {
        out.append("<g class=\"legend-item legend-").append(item.kind()).append("\">");
        switch (item.kind()) {
            case "vlan" -> out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 9))
                    .append("\" width=\"22\" height=\"14\" rx=\"3\" fill=\"").append(item.colour())
                    .append("\" fill-opacity=\"0.18\" stroke=\"").append(item.colour()).append("\" stroke-width=\"2\"/>");
            case "path" -> out.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(y - 2))
                    .append("\" x2=\"").append(num(x + 22)).append("\" y2=\"").append(num(y - 2))
                    .append("\" stroke=\"").append(item.colour()).append("\" stroke-width=\"8\" stroke-opacity=\"0.55\"/>");
            case "flood" -> out.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(y - 2))
                    .append("\" x2=\"").append(num(x + 22)).append("\" y2=\"").append(num(y - 2))
                    .append("\" stroke=\"").append(item.colour()).append("\" stroke-width=\"3\" stroke-dasharray=\"5 3\"/>");
            case "hop" -> out.append("<circle cx=\"").append(num(x + 11)).append("\" cy=\"").append(num(y - 2))
                    .append("\" r=\"8\" fill=\"").append(item.colour()).append("\"/><text x=\"").append(num(x + 11))
                    .append("\" y=\"").append(num(y + 2)).append("\" font-size=\"10\" font-weight=\"bold\" fill=\"#fff\" "
                            + "text-anchor=\"middle\">n</text>");
            case "drop" -> dropGlyph(x + 11, y - 2, 8);
            case "cause" -> causeGlyph(x + 11, y - 2, 8);
            default -> out.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(y - 2))
                    .append("\" x2=\"").append(num(x + 22)).append("\" y2=\"").append(num(y - 2))
                    .append("\" stroke=\"").append(item.colour()).append("\" stroke-width=\"2.5\"/>");
        }
        out.append("</g>\n");
        text(x + 30, y + 2, item.text(), 12, "normal", Palette.TEXT, "legend-text");
    }

    private void groups() {
        for (final Group g : diagram.groups()) {
            final Rect r = scene.groups().get(g.id());
            final String fill = fill(g.role());
            out.append("<g class=\"group\" data-name=\"").append(esc(g.name())).append("\"><rect x=\"")
                    .append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"").append(num(r.w()))
                    .append("\" height=\"").append(num(r.h())).append("\" rx=\"8\" fill=\"").append(fill)
                    .append("\" stroke=\"#8c959f\" stroke-width=\"1.2\"/>");
            out.append("</g>\n");
        }
    }

    /** Group titles over the links, haloed in the group's colour: a link entering the group never hides them. */
    private void groupTitles() {
        for (final Group g : diagram.groups()) {
            final Rect r = scene.groups().get(g.id());
            final String halo = " stroke=\"" + fill(g.role()) + "\" stroke-width=\"5\" paint-order=\"stroke\"";
            text(r.x() + 14, r.y() + 22, g.name(), Metrics.TITLE_SIZE, "bold", Palette.TEXT, "group-title", halo);
            final String detail = g.detail().isEmpty() ? roleText(g.role()) : g.detail();
            text(r.x() + 14, r.y() + 37, detail, Metrics.DETAIL_SIZE, "normal", Palette.MUTED, "group-detail", halo);
        }
    }

    private static String fill(final GroupRole role) {
        return switch (role) {
            case ROUTER -> "#fff4e6";
            case SWITCH -> "#e7f0fa";
            case HOST -> "#f3f4f6";
            case WORKLOAD -> "#ffffff";
        };
    }

    private static String roleText(final GroupRole role) {
        return switch (role) {
            case ROUTER -> "router";
            case SWITCH -> "switch";
            case HOST -> "host";
            case WORKLOAD -> "workload";
        };
    }

    private void halos() {
        for (final Link l : diagram.links()) {
            if (overlay.crossings().containsKey(l.id())) {
                polyline(scene.routes().get(l.id()), Palette.PATH, 9, "stroke-opacity=\"0.5\"", "path-halo");
            }
        }
    }

    private void links() {
        for (final Link l : diagram.links()) {
            final String colour = l.vlan() == 0 ? Palette.TRUNK : palette.vlan(l.vlan());
            polyline(scene.routes().get(l.id()), colour, l.cable() ? 2.5 : 1.6, "", "link");
        }
    }

    private void floods() {
        for (final Link l : diagram.links()) {
            if (overlay.flooded().contains(l.id())) {
                polyline(scene.routes().get(l.id()), Palette.PATH, 3, "stroke-dasharray=\"6 4\"", "flood");
            }
        }
    }

    private void polyline(final List<Point> points, final String colour, final double width, final String extra,
                          final String cls) {
        out.append("<polyline class=\"").append(cls).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(num(points.get(i).x())).append(',').append(num(points.get(i).y()));
        }
        out.append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(num(width))
                .append("\" stroke-linejoin=\"round\"").append(extra.isEmpty() ? "" : " " + extra).append("/>\n");
    }

    private void boxes() {
        for (final Group g : diagram.groups()) {
            for (final Element e : g.elements()) {
                box(e, scene.elements().get(e.id()), scene.boxes().get(e.id()));
            }
        }
    }

    private void box(final Element e, final Rect r, final Box b) {
        final String colour = e.vlan() == 0 ? Palette.TRUNK : palette.vlan(e.vlan());
        final boolean onPath = overlay != null && overlay.onPath().contains(e.id());
        final boolean reached = overlay != null && overlay.reached().contains(e.id());
        final String stroke = onPath ? Palette.PATH_DARK : reached ? Palette.PATH : e.vlan() == 0 ? "#8c959f" : colour;
        out.append("<g class=\"box").append(onPath ? " on-path" : "").append("\" data-name=\"").append(esc(e.name()))
                .append("\">");
        out.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"")
                .append(num(r.w())).append("\" height=\"").append(num(r.h())).append("\" rx=\"4\" fill=\"#ffffff\"/>");
        if (e.vlan() != 0) {
            out.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"")
                    .append(num(r.w())).append("\" height=\"").append(num(r.h())).append("\" rx=\"4\" fill=\"")
                    .append(colour).append("\" fill-opacity=\"0.13\"/>");
            out.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y() + 2)).append("\" width=\"4\" "
                    + "height=\"").append(num(r.h() - 4)).append("\" fill=\"").append(colour).append("\"/>");
        }
        out.append("<rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y())).append("\" width=\"")
                .append(num(r.w())).append("\" height=\"").append(num(r.h())).append("\" rx=\"4\" fill=\"none\" stroke=\"")
                .append(stroke).append("\" stroke-width=\"").append(onPath ? "2.2" : "1.3").append('"')
                .append(reached ? " stroke-dasharray=\"5 3\"" : "").append("/>\n");
        double y = r.y() + Metrics.PAD_TOP + 12;
        monoText(r.x() + Metrics.PAD_X, y, b.name(), Metrics.NAME_SIZE, "bold", Palette.TEXT, "box-name");
        y += Metrics.NAME_LINE;
        monoText(r.x() + Metrics.PAD_X, y - 2, b.detail(), Metrics.DETAIL_SIZE, "normal", Palette.MUTED, "box-detail");
        double rowTop = r.y() + Metrics.PAD_TOP + Metrics.NAME_LINE + Metrics.DETAIL_LINE;
        for (final Overlay.Hop h : b.hops()) {
            final double cx = r.x() + Metrics.PAD_X + Metrics.HOP_RADIUS;
            final double cy = rowTop + Metrics.HOP_ROW / 2;
            out.append("<g class=\"hop").append(h.dropped() ? " hop-drop" : "").append("\" data-step=\"")
                    .append(h.step()).append("\"><title>").append(esc(h.step() + ". " + h.note())).append("</title>");
            out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                    .append(num(Metrics.HOP_RADIUS)).append("\" fill=\"")
                    .append(h.dropped() ? Palette.DROP : Palette.PATH_DARK).append("\"/>");
            out.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(cy + 3.8)).append("\" font-size=\"")
                    .append(h.step() > 9 ? "9.5" : "11").append("\" font-weight=\"bold\" fill=\"#ffffff\" "
                            + "text-anchor=\"middle\">").append(h.step()).append("</text></g>\n");
            monoText(cx + Metrics.HOP_RADIUS + 6, cy + 4, h.tag(), Metrics.DETAIL_SIZE, "bold",
                    h.dropped() ? Palette.DROP : Palette.TEXT, "hop-label");
            rowTop += Metrics.HOP_ROW;
        }
        for (final String line : b.dropLines()) {
            monoText(r.x() + Metrics.PAD_X, rowTop + 11, line, Metrics.DETAIL_SIZE, "normal", Palette.DROP,
                    "drop-text");
            rowTop += Metrics.DROP_LINE;
        }
        if (overlay != null && overlay.drop() != null && e.id().equals(overlay.drop().element())) {
            out.append("<g class=\"drop\" data-place=\"").append(esc(overlay.drop().place())).append("\"><title>")
                    .append(esc("Dropped: " + overlay.drop().reason())).append("</title>");
            dropGlyph(r.x() + r.w(), r.y(), 10);
            out.append("</g>\n");
        }
        if (overlay != null && overlay.cause() != null && e.id().equals(overlay.cause().element())) {
            out.append("<g class=\"cause\" data-place=\"").append(esc(overlay.cause().place())).append("\"><title>")
                    .append(esc("Root cause: " + overlay.cause().reason())).append("</title>");
            causeGlyph(r.x() + r.w(), r.y(), 10);
            out.append("</g>\n");
        }
        out.append("</g>\n");
    }

    /** The root cause's mark: a red ring with an exclamation mark (the drop's is a filled red cross). */
    private void causeGlyph(final double cx, final double cy, final double radius) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(radius)).append("\" fill=\"#ffffff\" stroke=\"").append(Palette.DROP)
                .append("\" stroke-width=\"2.5\"/>");
        out.append("<path d=\"M").append(num(cx)).append(',').append(num(cy - radius * 0.5)).append(" L")
                .append(num(cx)).append(',').append(num(cy + radius * 0.1)).append("\" stroke=\"").append(Palette.DROP)
                .append("\" stroke-width=\"2.2\" stroke-linecap=\"round\"/>");
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy + radius * 0.45))
                .append("\" r=\"").append(num(radius * 0.13)).append("\" fill=\"").append(Palette.DROP).append("\"/>");
    }

    private void dropGlyph(final double cx, final double cy, final double radius) {
        final double d = radius * 0.45;
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(radius)).append("\" fill=\"").append(Palette.DROP).append("\" stroke=\"#ffffff\" "
                        + "stroke-width=\"1.5\"/>");
        out.append("<path d=\"M").append(num(cx - d)).append(',').append(num(cy - d)).append(" L").append(num(cx + d))
                .append(',').append(num(cy + d)).append(" M").append(num(cx + d)).append(',').append(num(cy - d))
                .append(" L").append(num(cx - d)).append(',').append(num(cy + d))
                .append("\" stroke=\"#ffffff\" stroke-width=\"2.2\" stroke-linecap=\"round\"/>");
    }

    /** An arrowhead in the middle of the longest segment of each crossed link, one per direction crossed. */
    private void arrows() {
        for (final Link l : diagram.links()) {
            final List<Overlay.Crossing> crossings = overlay.crossings().get(l.id());
            if (crossings == null) {
                continue;
            }
            final List<Point> p = scene.routes().get(l.id());
            int best = 0;
            double bestLength = -1;
            for (int i = 0; i + 1 < p.size(); i++) {
                final double len = Math.hypot(p.get(i + 1).x() - p.get(i).x(), p.get(i + 1).y() - p.get(i).y());
                if (len > bestLength) {
                    bestLength = len;
                    best = i;
                }
            }
            if (bestLength < 12) {
                continue;
            }
            final Point a = p.get(best);
            final Point b = p.get(best + 1);
            final boolean forward = crossings.stream().anyMatch(Overlay.Crossing::forward);
            final boolean backward = crossings.stream().anyMatch(c -> !c.forward());
            final double ux = (b.x() - a.x()) / bestLength;
            final double uy = (b.y() - a.y()) / bestLength;
            final double shift = forward && backward ? Math.min(10, bestLength / 4) : 0;
            final double mx = (a.x() + b.x()) / 2;
            final double my = (a.y() + b.y()) / 2;
            if (forward) {
                arrowHead(mx + ux * shift, my + uy * shift, ux, uy);
            }
            if (backward) {
                arrowHead(mx - ux * shift, my - uy * shift, -ux, -uy);
            }
        }
    }

    private void arrowHead(final double x, final double y, final double ux, final double uy) {
        final double len = 7;
        final double half = 4.5;
        final double bx = x - ux * len;
        final double by = y - uy * len;
        out.append("<path class=\"path-arrow\" d=\"M").append(num(x + ux * 2)).append(',').append(num(y + uy * 2))
                .append(" L").append(num(bx - uy * half)).append(',').append(num(by + ux * half)).append(" L")
                .append(num(bx + uy * half)).append(',').append(num(by - ux * half)).append(" Z\" fill=\"")
                .append(Palette.PATH_DARK).append("\"/>\n");
    }

    private void labels() {
        for (final Link l : diagram.links()) {
            final Rect r = scene.labels().get(l.id());
            if (r == null) {
                continue;
            }
            out.append("<g class=\"tag-label\"><rect x=\"").append(num(r.x())).append("\" y=\"").append(num(r.y()))
                    .append("\" width=\"").append(num(r.w())).append("\" height=\"").append(num(r.h()))
                    .append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"").append(Palette.PATH)
                    .append("\" stroke-width=\"0.8\"/>");
            double y = r.y() + 2 + 11;
            for (final String line : Layout.labelLines(overlay, l)) {
                out.append("<text x=\"").append(num(r.x() + 4)).append("\" y=\"").append(num(y))
                        .append("\" font-family=\"").append(esc(Metrics.MONO)).append("\" font-size=\"")
                        .append(num(Metrics.DETAIL_SIZE)).append("\" fill=\"").append(Palette.TEXT).append("\">")
                        .append(esc(line)).append("</text>");
                y += Metrics.LABEL_LINE;
            }
            out.append("</g>\n");
        }
    }

    private void text(final double x, final double y, final String text, final double size, final String weight,
                      final String fill, final String cls) {
        text(x, y, text, size, weight, fill, cls, "");
    }

    private void text(final double x, final double y, final String text, final double size, final String weight,
                      final String fill, final String cls, final String extraAttributes) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-size=\"").append(num(size)).append('"')
                .append("bold".equals(weight) ? " font-weight=\"bold\"" : "").append(" fill=\"").append(fill)
                .append('"').append(extraAttributes).append('>').append(esc(text)).append("</text>\n");
    }

    private void monoText(final double x, final double y, final String text, final double size, final String weight,
                          final String fill, final String cls) {
        out.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-family=\"").append(esc(Metrics.MONO)).append("\" font-size=\"").append(num(size))
                .append('"').append("bold".equals(weight) ? " font-weight=\"bold\"" : "").append(" fill=\"")
                .append(fill).append("\">").append(esc(text)).append("</text>\n");
    }
}

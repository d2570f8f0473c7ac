package vnetsim.draw;

import java.util.ArrayList;
import java.util.List;
import vnetsim.draw.Diagram.Element;
import vnetsim.draw.Diagram.Group;
import vnetsim.draw.Diagram.Link;

/**
 * Graphviz DOT for people who lay out with {@code dot}: a cluster per group, a box per element filled with its
 * VLAN's colour, and, for a trace, the crossed links in orange with their tags and the hop numbers in the boxes.
 * {@code dot -Tsvg} lays it out; vnetsim's own SVG uses ELK.
 */
public final class DotRenderer {
    private DotRenderer() {
    }

    public static String render(final Diagram diagram, final Overlay overlay) {
        final Palette palette = new Palette(diagram);
        final StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(id(diagram.network())).append(" {\n");
        sb.append("  graph [rankdir=TB, fontname=\"Helvetica\", label=").append(quote(title(diagram, overlay)))
                .append(", labelloc=t, compound=true, newrank=true];\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Courier\", "
                + "fontsize=11];\n");
        sb.append("  edge [dir=none, fontname=\"Courier\", fontsize=10];\n");
        for (final Group g : diagram.groups()) {
            sb.append("  subgraph cluster_").append(g.id()).append(" {\n    label=").append(quote(g.name()))
                    .append("; style=\"rounded\"; color=\"#8c959f\"; fontname=\"Helvetica-Bold\";\n");
            for (final Element e : g.elements()) {
                final List<String> lines = new ArrayList<>(List.of(e.name(), e.detail()));
                boolean onPath = false;
                if (overlay != null) {
                    for (final Overlay.Hop h : overlay.hops()) {
                        if (h.element().equals(e.id())) {
                            lines.add("(" + h.step() + ") " + h.tag());
                            onPath = true;
                        }
                    }
                    if (overlay.drop() != null && e.id().equals(overlay.drop().element())) {
                        lines.add("DROPPED: " + overlay.drop().reason());
                    }
                }
                final String colour = e.vlan() == 0 ? "#8c959f" : palette.vlan(e.vlan());
                sb.append("    ").append(e.id()).append(" [label=").append(quote(String.join("\n", lines)))
                        .append(", color=\"").append(onPath ? Palette.PATH_DARK : colour).append('"')
                        .append(onPath ? ", penwidth=2" : "")
                        .append(e.vlan() == 0 ? "" : ", fillcolor=\"" + colour + "22\"").append("];\n");
            }
            sb.append("  }\n");
        }
        for (final Link l : diagram.links()) {
            final String colour = l.vlan() == 0 ? Palette.TRUNK : palette.vlan(l.vlan());
            sb.append("  ").append(l.from()).append(" -> ").append(l.to()).append(" [color=\"");
            final List<String> tags = Layout.labelLines(overlay, l);
            if (!tags.isEmpty()) {
                sb.append(Palette.PATH).append("\", penwidth=3, label=").append(quote(String.join("\n", tags)));
            } else {
                sb.append(colour).append("\", penwidth=").append(l.cable() ? "2" : "1");
            }
            sb.append("];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String title(final Diagram diagram, final Overlay overlay) {
        return overlay == null ? diagram.network() : overlay.trace().title() + " (" + overlay.trace().outcome() + ")";
    }

    private static String id(final String s) {
        return quote(s);
    }

    /**
     * A DOT double-quoted string; newlines become centred line breaks and everything past ASCII an HTML entity
     * (Graphviz decodes {@code &#8594;}), so the file is plain ASCII.
     */
    static String quote(final String s) {
        final StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '&' -> sb.append("&amp;");
                default -> {
                    if (cp >= 0x80) {
                        sb.append("&#").append(cp).append(';');
                    } else {
                        sb.appendCodePoint(cp < 0x20 ? ' ' : cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}

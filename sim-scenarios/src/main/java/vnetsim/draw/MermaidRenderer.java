package vnetsim.draw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vnetsim.draw.Diagram.Element;
import vnetsim.draw.Diagram.Group;
import vnetsim.draw.Diagram.Link;
import vnetsim.trace.Step;

/**
 * Mermaid text, which GitHub and GitLab render inside Markdown: a flowchart (the network, or a traced path with
 * its numbered steps and the tag on every hop) and, for a trace, a sequence diagram of every frame of the
 * exchange. Two fenced blocks in one Markdown snippet.
 */
public final class MermaidRenderer {
    private MermaidRenderer() {
    }

    /** The Markdown snippet: a {@code mermaid} fenced block per diagram. */
    public static String render(final Diagram diagram, final Overlay overlay) {
        final StringBuilder sb = new StringBuilder();
        sb.append("```mermaid\n").append(overlay == null ? network(diagram) : path(diagram, overlay)).append("```\n");
        if (overlay != null) {
            sb.append("\n```mermaid\n").append(sequence(Exchange.of(diagram, overlay.trace()))).append("```\n");
        }
        return sb.toString();
    }

    /** The whole network: a subgraph per group, a node per box, an edge per link. */
    public static String network(final Diagram diagram) {
        final StringBuilder sb = new StringBuilder("flowchart TD\n");
        for (final Group g : diagram.groups()) {
            sb.append("  subgraph ").append(g.id()).append("[\"").append(text(g.name())).append("\"]\n");
            for (final Element e : g.elements()) {
                sb.append("    ").append(e.id()).append("[\"").append(text(e.name())).append("<br/><small>")
                        .append(text(e.detail())).append("</small>\"]\n");
            }
            sb.append("  end\n");
        }
        for (final Link l : diagram.links()) {
            sb.append("  ").append(l.from()).append(l.cable() ? " === " : " --- ").append(l.to()).append('\n');
        }
        return sb.toString();
    }

    /** The traced path: the boxes it crossed, grouped, and one edge per step with the tag on the wire. */
    public static String path(final Diagram diagram, final Overlay overlay) {
        final StringBuilder sb = new StringBuilder("flowchart TD\n");
        final Map<String, List<Integer>> stepsAt = new LinkedHashMap<>();
        for (final Overlay.Hop h : overlay.hops()) {
            stepsAt.computeIfAbsent(h.element(), k -> new ArrayList<>()).add(h.step());
        }
        final Set<String> groupsUsed = new LinkedHashSet<>();
        for (final Group g : diagram.groups()) {
            for (final Element e : g.elements()) {
                if (stepsAt.containsKey(e.id())) {
                    groupsUsed.add(g.id());
                }
            }
        }
        for (final Group g : diagram.groups()) {
            if (!groupsUsed.contains(g.id())) {
                continue;
            }
            sb.append("  subgraph ").append(g.id()).append("[\"").append(text(g.name())).append("\"]\n");
            for (final Element e : g.elements()) {
                final List<Integer> steps = stepsAt.get(e.id());
                if (steps != null) {
                    sb.append("    ").append(e.id()).append("[\"").append(text(e.name())).append("<br/><small>step ")
                            .append(String.join(", ", steps.stream().map(String::valueOf).toList()))
                            .append("</small>\"]\n");
                }
            }
            sb.append("  end\n");
        }
        final List<Step> steps = overlay.trace().documentPath();
        final List<Overlay.Hop> hops = overlay.hops();
        for (int i = 0; i + 1 < hops.size(); i++) {
            final Overlay.Hop a = hops.get(i);
            final Overlay.Hop b = hops.get(i + 1);
            final Step next = steps.stream().filter(s -> s.step() == b.step()).findFirst().orElseThrow();
            sb.append("  ").append(a.element()).append(" -->|\"").append(a.step()).append(text("\u2192"))
                    .append(b.step()).append(' ').append(text(Overlay.wireTag(next))).append("\"| ").append(b.element()).append('\n');
        }
        if (overlay.drop() != null && overlay.drop().element() != null) {
            sb.append("  drop((\"").append(text("\u2715 dropped")).append("\"))\n");
            sb.append("  ").append(overlay.drop().element()).append(" -.->|\"").append(text(overlay.drop().reason()))
                    .append("\"| drop\n");
            sb.append("  style drop fill:#c92a2a,color:#ffffff,stroke:#c92a2a\n");
        }
        for (final String id : stepsAt.keySet()) {
            sb.append("  style ").append(id).append(" stroke:#c4540a,stroke-width:2px\n");
        }
        return sb.toString();
    }

    /** Every frame between devices, in time order, with its time and tag. */
    public static String sequence(final Exchange exchange) {
        final StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        final Map<String, String> ids = new LinkedHashMap<>();
        for (final String lane : exchange.lanes()) {
            final String id = "p" + ids.size();
            ids.put(lane, id);
            sb.append("  participant ").append(id).append(" as ").append(participant(lane)).append('\n');
        }
        for (final Exchange.Message m : exchange.messages()) {
            sb.append("  ").append(ids.get(m.from())).append(m.dropped() == null ? "->>" : "-x")
                    .append(ids.get(m.to())).append(": ").append(message(exchange.time(m) + " " + m.frame() + " ["
                            + m.tag() + "]" + (m.dropped() == null ? "" : " dropped: " + m.dropped()))).append('\n');
        }
        return sb.toString();
    }

    /**
     * Label text inside double quotes: quotes, markup characters and everything past ASCII as Mermaid's entity
     * codes ({@code #quot;}, {@code #8594;}), so the output is plain ASCII whatever the locale.
     */
    static String text(final String s) {
        final StringBuilder sb = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("#amp;");
                case '"' -> sb.append("#quot;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '#' -> sb.append("#35;");
                default -> {
                    if (cp >= 0x80) {
                        sb.append('#').append(cp).append(';');
                    } else {
                        sb.appendCodePoint(cp < 0x20 ? ' ' : cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    /** A participant alias: no characters the sequence grammar reads as syntax, ASCII only. */
    private static String participant(final String s) {
        return ascii(s).replaceAll("[;:#\"<>,\\-]+", " ").replaceAll("\\s+", " ").trim();
    }

    /** A message: the rest of the line, ';' and '#' (statement separator, entity start) replaced, ASCII only. */
    private static String message(final String s) {
        return ascii(s.replace(";", ",").replace("#", "no. "));
    }

    private static String ascii(final String s) {
        return s.replace("\u2192", "->").replace("\u00b5s", "us").replace("\u2715", "x")
                .replaceAll("[^\\x20-\\x7e]", "?");
    }
}

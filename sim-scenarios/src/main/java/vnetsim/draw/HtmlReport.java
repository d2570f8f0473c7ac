package vnetsim.draw;

import static vnetsim.draw.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.trace.Outcome;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/**
 * The HTML outputs: a picture page ({@code draw --format html}), a trace page ({@code trace --format html}: the
 * picture, the step table and the ladder of every frame with times) and the network report ({@code report}: the
 * picture, the reachability matrix of every endpoint pair, and the picture of every flow that does not get
 * through). Each is one self-contained file (see {@link HtmlPage}).
 */
public final class HtmlReport {
    /** Pictures of failing flows the report draws at most; the matrix lists them all. */
    static final int MAX_FAILED_PICTURES = 12;

    private HtmlReport() {
    }

    /** {@code draw --format html}: the trace page when the drawing has a trace, else the network's picture. */
    public static String drawing(final Drawing drawing) {
        if (drawing.overlay() != null) {
            return trace(drawing);
        }
        final Diagram d = drawing.diagram();
        return new HtmlPage(d.network() + " \u2014 vnetsim").h1(d.network(), "Network picture drawn by vnetsim from "
                + "the simulated topology.").figure(drawing.svg(), "").html();
    }

    /** The trace page: picture, step table, ladder. */
    public static String trace(final Drawing drawing) {
        final Trace t = drawing.overlay().trace();
        final HtmlPage page = new HtmlPage(t.title() + " \u2014 vnetsim");
        page.h1(t.title(), t.scenario() + " \u00b7 " + outcomeText(t));
        page.figure(drawing.svg(), "Hops are numbered as the steps below; each crossed link shows the tag on the wire.");
        details(page, "", drawing, "h2");
        return page.html();
    }

    private static void flowSection(final HtmlPage page, final String id, final Drawing drawing) {
        final Trace t = drawing.overlay().trace();
        page.h2(id, t.title() + ": " + outcomeText(t));
        page.figure(drawing.svg(), "");
        details(page, id + "-", drawing, "h3");
    }

    private static void details(final HtmlPage page, final String prefix, final Drawing drawing, final String h) {
        final Trace t = drawing.overlay().trace();
        page.raw("<" + h + " id=\"" + prefix + "steps\">Steps</" + h + ">\n");
        page.raw(stepTable(t.documentPath()));
        final Exchange exchange = Exchange.of(drawing.diagram(), t);
        page.raw("<" + h + " id=\"" + prefix + "exchange\">Every frame of the exchange</" + h + ">\n");
        page.paragraph("Each frame that went from one device to another, in virtual time since the first event"
                + (t.events().stream().anyMatch(s -> s.etherType() == 0x0806) ? ", ARP included." : "."));
        page.figure(LadderRenderer.render(exchange), "");
    }

    /**
     * {@code vnetsim report}: picture, reachability matrix, then each requested flow and each flow that fails
     * (at most {@link #MAX_FAILED_PICTURES}) in full: picture, step table, every frame.
     */
    public static String report(final Network network, final List<Flow> flows) {
        final Drawing picture = Drawing.network(network, null);
        final Map<String, vnetsim.device.Device> endpoints = network.endpoints();
        final List<String> ids = new ArrayList<>(endpoints.keySet());
        final Trace[][] results = new Trace[ids.size()][ids.size()];
        final List<Trace> failed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < ids.size(); j++) {
                if (i != j) {
                    results[i][j] = network.trace(Flow.icmp(ids.get(i), ids.get(j)));
                    if (!results[i][j].isDelivered()) {
                        failed.add(results[i][j]);
                    }
                }
            }
        }
        final int pairs = ids.size() * (ids.size() - 1);
        final HtmlPage page = new HtmlPage(network.name() + " report \u2014 vnetsim");
        page.h1(network.name(), ids.size() + " endpoints, " + pairs + " flows traced (ICMP echo, caches warm): "
                + (pairs - failed.size()) + " delivered, " + failed.size() + " not.");
        page.h2("picture", "The network");
        page.figure(picture.svg(), "Drawn from the simulated topology: colour per VLAN.");
        page.h2("reachability", "Reachability");
        page.raw(matrix(ids, endpoints, results));
        int n = 0;
        for (final Flow f : flows) {
            final Drawing d = Drawing.trace(network, f, null);
            flowSection(page, "flow-" + ++n, d);
        }
        if (!failed.isEmpty()) {
            page.h2("failures", "Flows that do not get through");
            for (final Trace t : failed.subList(0, Math.min(failed.size(), MAX_FAILED_PICTURES))) {
                flowSection(page, "flow-" + ++n, Drawing.of(network.name(), network.topology(), t, null));
            }
            if (failed.size() > MAX_FAILED_PICTURES) {
                page.paragraph((failed.size() - MAX_FAILED_PICTURES) + " more failing flows are in the matrix; "
                        + "draw one with: vnetsim draw " + network.name() + " --trace FROM TO");
            }
        }
        return page.html();
    }

    static String outcomeText(final Trace t) {
        return switch (t.outcome()) {
            case DELIVERED -> "delivered in " + t.documentPath().size() + " steps";
            case DROPPED -> "dropped at " + t.drop().device() + " / " + t.drop().iface() + ": " + t.drop().reason();
            case LOOP -> "forwarding loop" + (t.drop() == null ? "" : ": " + t.drop().reason());
        };
    }

    /** The documents' table, plus the tag change at each step. */
    static String stepTable(final List<Step> steps) {
        return stepTable(steps, (step, column) -> false);
    }

    /** Which cells of a step table to highlight: step number and column title ("Device", "Notes"). */
    interface Highlight {
        boolean at(int step, String column);
    }

    /** The step table with some cells highlighted as disagreeing. */
    static String stepTable(final List<Step> steps, final Highlight highlight) {
        final StringBuilder sb = new StringBuilder("<table class=\"steps\">\n<thead><tr><th>Step</th><th>Device</th>"
                + "<th>Interface</th><th>Tagged/Untagged</th><th>Tag</th><th>Notes</th></tr></thead>\n<tbody>\n");
        for (final Step s : steps) {
            final boolean drop = s.dropReason() != null || s.action() == vnetsim.device.Action.DROPPED;
            final int n = s.step();
            sb.append("<tr").append(drop ? " class=\"drop\"" : "").append("><td class=\"num")
                    .append(highlight.at(n, "Step Number") ? " bad" : "").append("\">").append(n).append(".</td>")
                    .append(cell(highlight.at(n, "Device"), "", s.device()))
                    .append(cell(highlight.at(n, "Interface"), "mono", s.iface()))
                    .append(cell(highlight.at(n, "Tagged/Untagged"), "",
                            s.tagged() ? "Tagged" + (s.vlan() == null ? "" : " " + s.vlan()) : "Untagged"))
                    .append(cell(false, "", Overlay.tagChange(s)))
                    .append(cell(highlight.at(n, "Notes"), "", s.note())).append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    private static String cell(final boolean bad, final String cls, final String text) {
        final String classes = (cls + (bad ? " bad" : "")).trim();
        return (classes.isEmpty() ? "<td>" : "<td class=\"" + classes + "\">") + esc(text) + "</td>";
    }

    private static String matrix(final List<String> ids, final Map<String, vnetsim.device.Device> endpoints,
                                 final Trace[][] results) {
        final StringBuilder sb = new StringBuilder("<p class=\"legend\"><span style=\"background:#b2f2bb\">"
                + "delivered</span><span style=\"background:#ffc9c9\">dropped</span><span style=\"background:#ffd8a8\">"
                + "loop</span> Rows send, columns receive; a cell shows the number of steps, or where the packet "
                + "stopped (hover for the reason).</p>\n<div style=\"overflow-x:auto\"><table class=\"matrix\">\n"
                + "<thead><tr><th>from \\ to</th>");
        for (final String id : ids) {
            sb.append("<th title=\"").append(esc(endpoints.get(id).host())).append("\">").append(esc(id)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < ids.size(); i++) {
            sb.append("<tr><th title=\"").append(esc(endpoints.get(ids.get(i)).host())).append("\">")
                    .append(esc(ids.get(i))).append("</th>");
            for (int j = 0; j < ids.size(); j++) {
                final Trace t = results[i][j];
                if (t == null) {
                    sb.append("<td class=\"self\">&#8212;</td>");
                    continue;
                }
                final String cls = t.outcome() == Outcome.DELIVERED ? "ok" : t.outcome() == Outcome.LOOP ? "loop" : "fail";
                final String text = t.isDelivered() ? t.documentPath().size() + "" : "\u2715 " + t.drop().device();
                sb.append("<td class=\"").append(cls).append("\" data-outcome=\"").append(t.outcome()).append("\" title=\"")
                        .append(esc(t.title() + ": " + outcomeText(t))).append("\">").append(esc(text)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }
}

package vnetsim.draw;

import static vnetsim.draw.Xml.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Reachability;
import vnetsim.analysis.ReachabilityDiff;
import vnetsim.cli.ChangeOptions;
import vnetsim.trace.Outcome;
import vnetsim.trace.Trace;

/**
 * {@code vnetsim report NETWORK --change C}: the report of a what-if, one self-contained page (see
 * {@link HtmlPage}). It lists the changes, shows the reachability matrices before and after side by side with
 * every changed cell outlined, tabulates the changed flows with where and why each now drops (the lines
 * {@code vnetsim whatif} prints), and draws each changed flow's path before and after (side by side when the screen
 * is wide enough, see {@link #MAX_WIDTH_SIDE_BY_SIDE}), the drop and its root cause marked (at most {@link #MAX_COMPARED_PICTURES}; the page says when there are more).
 *
 * <p>Elements tests look for: {@code table.matrix.before}, {@code table.matrix.after}, {@code td.changed}
 * (with {@code data-change}), {@code table.changed-flows}, {@code div.compare} (one per flow drawn, with
 * {@code div.before} and {@code div.after}; class {@code wide} when a picture is too wide to be shown side by side
 * on a laptop's screen).
 */
public final class WhatIfReport {
    /** Changed flows drawn before and after at most; the table lists them all. */
    static final int MAX_COMPARED_PICTURES = 8;

    /** Past this many endpoints the two matrices are shown one above the other (side by side they would not fit). */
    static final int MAX_ENDPOINTS_SIDE_BY_SIDE = 12;

    /**
     * Pictures up to this wide (pixels) are shown before | after side by side on screens at least 1500 pixels wide
     * and in print; wider ones only on screens at least 2400 wide, else one above the other, so that neither is
     * shrunk below about 60% of its size.
     */
    static final double MAX_WIDTH_SIDE_BY_SIDE = 1400;

    private static final String CSS = """
            ol.changes code { font-size: 1em; background: #f0f3f6; padding: 1px 6px; border-radius: 3px; }
            table.matrix td { white-space: nowrap; }
            table.matrix td.changed { outline: 3px solid #1c7ed6; outline-offset: -3px; }
            .legend span.changed { outline: 3px solid #1c7ed6; outline-offset: -3px; background: #ffffff; }
            table.changed-flows td.why { font-size: 0.92em; max-width: 60em; }
            table.changed-flows td.why div + div { margin-top: 4px; }
            .compare { display: grid; grid-template-columns: 1fr; gap: 16px; margin-bottom: 8px; }
            .compare > div { min-width: 0; }
            @media (min-width: 1500px) { .compare { grid-template-columns: 1fr 1fr; } }
            @media (min-width: 1500px) and (max-width: 2399px) { .compare.wide { grid-template-columns: 1fr; } }
            .compare h4 { margin: 4px 0; }
            .compare figure { margin: 4px 0; border: 1px solid #d0d7de; border-radius: 4px; padding: 4px; }
            main { max-width: 1880px; }
            @media print {
              .compare > div, table.changed-flows tr, .matrices { break-inside: avoid; page-break-inside: avoid; }
              .compare { grid-template-columns: 1fr 1fr; }
              .compare.wide { grid-template-columns: 1fr; }
              .compare figure { border: none; padding: 0; }
            }
            """;

    private WhatIfReport() {
    }

    /**
     * The page.
     *
     * @param compared the two networks, their matrices and what differs (as {@code vnetsim whatif} computes it)
     * @param flows    flows asked for with {@code --flow}, drawn before and after whether they changed or not
     */
    public static String render(final ChangeOptions.Comparison compared, final List<Flow> flows) {
        final Network before = compared.whatIf().before();
        final Network after = compared.whatIf().after();
        final ReachabilityDiff diff = compared.diff();
        final int pairs = compared.before().cells().size();
        final HtmlPage page = new HtmlPage(before.name() + " what-if report \u2014 vnetsim").style(CSS);
        page.h1(before.name() + ": what if", ChangeOptions.summary(diff, pairs) + ". Each pair sends one "
                + compared.before().protocol().label().toUpperCase(Locale.ROOT)
                + " packet from empty caches, as vnetsim whatif runs it.");

        page.h2("changes", "Changes");
        final StringBuilder list = new StringBuilder("<ol class=\"changes\">\n");
        for (final String c : compared.whatIf().described()) {
            list.append("<li><code>").append(esc(c)).append("</code></li>\n");
        }
        page.raw(list.append("</ol>\n").toString());
        if (!diff.endpointsRemoved().isEmpty()) {
            page.paragraph("Endpoints removed (their pairs are not compared): "
                    + String.join(", ", diff.endpointsRemoved()));
        }
        if (!diff.endpointsAdded().isEmpty()) {
            page.paragraph("Endpoints added (their pairs are not compared): " + String.join(", ", diff.endpointsAdded()));
        }

        page.h2("picture", "The network before the change");
        page.figure(Drawing.network(before, null).svg(), "Drawn from the simulated topology: colour per VLAN.");

        page.h2("reachability", "Reachability before and after");
        page.raw(matrices(compared));

        page.h2("changed", "Changed flows");
        page.raw(changedFlows(diff));

        final List<ReachabilityDiff.Change> changes = diff.changes();
        if (!changes.isEmpty()) {
            page.h2("paths", "Paths before and after");
            final int shown = Math.min(changes.size(), MAX_COMPARED_PICTURES);
            page.paragraph("Each changed flow traced again, from empty caches, on both networks; hosts on neither "
                    + "path are left out. A red cross marks the drop, a red ring its root cause when that happened "
                    + "elsewhere." + (changes.size() > shown ? " The first " + shown + " of " + changes.size()
                    + " changed flows are drawn." : ""));
            for (int i = 0; i < shown; i++) {
                final ReachabilityDiff.Change c = changes.get(i);
                final Flow flow = new Flow(c.after().from(), c.after().to(), compared.before().protocol(), true);
                compare(page, "path-" + (i + 1), c.pair() + ": " + outcome(c.before()) + " \u2192 "
                        + outcome(c.after()), before, after, flow);
            }
            if (changes.size() > shown) {
                page.paragraph((changes.size() - shown) + " more changed flows are in the table above, not drawn; "
                        + "ask for one with --flow FROM TO.");
            }
        }

        if (!flows.isEmpty()) {
            page.h2("flows", "Flows asked for");
            int n = 0;
            for (final Flow f : flows) {
                compare(page, "flow-" + ++n, f.from() + " \u2192 " + f.to(), before, after, f);
            }
        }
        return page.html();
    }

    private static void compare(final HtmlPage page, final String id, final String heading, final Network before,
                                final Network after, final Flow flow) {
        final List<Drawing> drawn = Drawing.compared(before, after, flow);
        final List<String> svgs = drawn.stream().map(Drawing::svg).toList();
        final boolean wide = svgs.stream().mapToDouble(WhatIfReport::width).max().orElse(0) > MAX_WIDTH_SIDE_BY_SIDE;
        page.raw("<h3 id=\"" + esc(id) + "\">" + esc(heading) + "</h3>\n<div class=\"compare" + (wide ? " wide" : "")
                + "\">\n");
        for (int side = 0; side < 2; side++) {
            final Drawing d = drawn.get(side);
            final Trace t = d.overlay().trace();
            page.raw("<div class=\"" + (side == 0 ? "before" : "after") + "\"><h4>" + (side == 0 ? "Before" : "After")
                    + ": <span class=\"outcome-" + t.outcome() + "\" title=\"" + esc(HtmlReport.outcomeText(t)) + "\">"
                    + t.outcome().name().toLowerCase(Locale.ROOT) + "</span></h4>\n");
            page.figure(svgs.get(side), "");
            page.raw("</div>\n");
        }
        page.raw("</div>\n");
    }

    /** The natural width of a picture (its {@code width} attribute), in pixels. */
    private static double width(final String svg) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg [^>]*?width=\"([0-9.]+)\"").matcher(svg);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String outcome(final Reachability.Cell cell) {
        return cell.outcome().name().toLowerCase(Locale.ROOT);
    }

    private static String matrices(final ChangeOptions.Comparison compared) {
        final Map<String, ReachabilityDiff.Change> changed = new java.util.HashMap<>();
        for (final ReachabilityDiff.Change c : compared.diff().changes()) {
            changed.put(c.after().from() + "\u0000" + c.after().to(), c);
        }
        final boolean side = Math.max(compared.before().endpoints().size(), compared.after().endpoints().size())
                <= MAX_ENDPOINTS_SIDE_BY_SIDE;
        return "<p class=\"legend\"><span style=\"background:#b2f2bb\">delivered</span><span style=\"background:"
                + "#ffc9c9\">dropped</span><span style=\"background:#ffd8a8\">loop</span><span class=\"changed\">"
                + "changed</span> Rows send, columns receive; a cell shows the number of steps, or where the packet "
                + "stopped (an endpoint by its id; hover for the reason). Outlined: the " + compared.diff().changes().size()
                + " flows whose outcome, path or drop changed.</p>\n<div class=\"" + (side ? "side " : "")
                + "matrices\">\n<div><h3>Before</h3>\n" + matrix(compared.before(), "before", changed)
                + "</div>\n<div><h3>After</h3>\n" + matrix(compared.after(), "after", changed) + "</div>\n</div>\n";
    }

    private static String matrix(final Reachability r, final String which,
                                 final Map<String, ReachabilityDiff.Change> changed) {
        final List<String> ids = r.endpoints();
        final Map<String, String> idOfName = new java.util.HashMap<>();
        ids.forEach(id -> idOfName.put(r.nameOf(id), id));
        final StringBuilder sb = new StringBuilder("<div style=\"overflow-x:auto\"><table class=\"matrix ")
                .append(which).append("\">\n<thead><tr><th>from \\ to</th>");
        for (final String id : ids) {
            sb.append("<th title=\"").append(esc(r.nameOf(id))).append("\">").append(esc(id)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (final String from : ids) {
            sb.append("<tr><th title=\"").append(esc(r.nameOf(from))).append("\">").append(esc(from)).append("</th>");
            for (final String to : ids) {
                if (from.equals(to)) {
                    sb.append("<td class=\"self\">&#8212;</td>");
                    continue;
                }
                final Reachability.Cell c = r.cell(from, to);
                final ReachabilityDiff.Change change = changed.get(from + "\u0000" + to);
                final String cls = c.outcome() == Outcome.DELIVERED ? "ok" : c.outcome() == Outcome.LOOP ? "loop"
                        : "fail";
                final String text = c.isDelivered() ? String.valueOf(c.path().size())
                        : "\u2715 " + (c.drop() == null ? "" : idOfName.getOrDefault(c.drop().device(), c.drop().device()));
                sb.append("<td class=\"").append(cls).append(change == null ? "" : " changed")
                        .append("\" data-outcome=\"").append(c.outcome()).append('"');
                if (change != null) {
                    sb.append(" data-change=\"").append(change.kind()).append('"');
                }
                sb.append(" title=\"").append(esc(title(c, change))).append("\">").append(esc(text)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }

    private static String title(final Reachability.Cell c, final ReachabilityDiff.Change change) {
        final String stop = c.isDelivered() ? "delivered in " + c.path().size() + " steps"
                : c.outcome() == Outcome.LOOP ? "forwarding loop" : c.drop() == null ? "dropped"
                : "dropped at " + c.drop().device() + " / " + c.drop().iface() + ": " + c.drop().reason();
        return c.fromName() + " \u2192 " + c.toName() + ": " + stop + (change == null ? ""
                : " (" + change.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    }

    private static String changedFlows(final ReachabilityDiff diff) {
        if (diff.changes().isEmpty()) {
            return "<p>No flow changed: every pair has the same outcome and path before and after.</p>\n";
        }
        final StringBuilder sb = new StringBuilder("<table class=\"changed-flows\">\n<thead><tr><th>#</th><th>Pair"
                + "</th><th>Change</th><th>Before</th><th>After</th><th>Where and why</th></tr></thead>\n<tbody>\n");
        int n = 0;
        for (final ReachabilityDiff.Change c : diff.changes()) {
            n++;
            sb.append("<tr data-change=\"").append(c.kind()).append("\"><td class=\"num\">");
            if (n <= MAX_COMPARED_PICTURES) {
                sb.append("<a href=\"#path-").append(n).append("\">").append(n).append("</a>");
            } else {
                sb.append(n);
            }
            sb.append("</td><td>").append(esc(c.after().fromName() + " \u2192 " + c.after().toName()))
                    .append("<br><small>").append(esc(c.pair())).append("</small></td><td>")
                    .append(esc(c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</td>")
                    .append("<td class=\"outcome-").append(c.before().outcome()).append("\">")
                    .append(esc(outcome(c.before()))).append("</td><td class=\"outcome-").append(c.after().outcome())
                    .append("\">").append(esc(outcome(c.after()))).append("</td><td class=\"why\">");
            for (final String line : ChangeOptions.explanation(c)) {
                sb.append("<div>").append(esc(line)).append("</div>");
            }
            sb.append("</td></tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }
}

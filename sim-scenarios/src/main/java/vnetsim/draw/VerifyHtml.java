package vnetsim.draw;

import static vnetsim.draw.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.trace.Trace;
import vnetsim.verify.Column;
import vnetsim.verify.Finding;
import vnetsim.verify.FlowRow;
import vnetsim.verify.FlowTable;
import vnetsim.verify.Verification;

/**
 * {@code vnetsim verify --format html}: per flow table, the document's table next to the simulated one, every
 * cell the verification disagrees with highlighted (with what the simulation says and why), the findings, and
 * the picture of the simulated path. One self-contained page.
 */
public final class VerifyHtml {
    private VerifyHtml() {
    }

    public static String render(final String document, final String scenario, final Verification v) {
        final Network network = vnetsim.folder.Networks.named(scenario).network();
        final HtmlPage page = new HtmlPage(document + " verified \u2014 vnetsim");
        page.h1(document, (v.agrees() ? "agrees" : "disagrees") + " with the simulation of " + scenario + ": "
                + v.tables().size() + " flow tables, " + v.findings().size() + " findings.");
        int n = 0;
        for (final FlowTable table : v.tables()) {
            n++;
            final List<Finding> findings = v.findings().stream().filter(f -> f.table().equals(table.title())).toList();
            page.h2("table-" + n, table.title() + (findings.isEmpty() ? ": agrees" : ": " + findings.size()
                    + (findings.size() == 1 ? " finding" : " findings")));
            final Optional<Trace> trace = trace(network, table);
            page.raw("<div class=\"side\">\n<div><h3>The document (line " + table.headingLine() + ")</h3>\n");
            page.raw(documentTable(table, findings));
            page.raw("</div>\n<div><h3>The simulation</h3>\n");
            page.raw(trace.map(t -> HtmlReport.stepTable(t.documentPath(), simulatedHighlights(table, findings,
                            t.documentPath())))
                    .orElse("<p>No simulation: the table names no endpoints of " + esc(scenario) + ".</p>\n"));
            page.raw("</div>\n</div>\n");
            if (!findings.isEmpty()) {
                page.raw("<ul class=\"findings\">\n");
                for (final Finding f : findings) {
                    page.raw("<li>" + esc(f.toText()) + "</li>\n");
                }
                page.raw("</ul>\n");
            }
            trace.ifPresent(t -> page.figure(Drawing.of(network.name(), network.topology(), t, null).svg(),
                    "The simulated path of " + t.from() + " to " + t.to() + ", numbered as the simulated table."));
        }
        return page.html();
    }

    private static Optional<Trace> trace(final Network network, final FlowTable table) {
        if (table.from() == null || table.to() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(network.trace(Flow.icmp(table.from(), table.to())));
        } catch (vnetsim.analysis.UnknownEndpointException e) {
            return Optional.empty();
        }
    }

    /**
     * The simulated cells facing the document's disagreeing ones: document rows are matched to simulated rows in
     * order by interface (as the verifier aligns them), and a finding's column is highlighted in the matched row.
     */
    private static HtmlReport.Highlight simulatedHighlights(final FlowTable table, final List<Finding> findings,
                                                            final List<vnetsim.trace.Step> steps) {
        final java.util.Set<String> cells = new java.util.HashSet<>();
        int next = 0;
        for (final FlowRow row : table.rows()) {
            final String iface = vnetsim.device.InterfaceNames.normalize(row.value(Column.INTERFACE));
            for (int k = next; k < steps.size(); k++) {
                if (vnetsim.device.InterfaceNames.normalize(steps.get(k).iface()).equals(iface)) {
                    final Integer docStep = row.stepNumber();
                    for (final Finding f : findings) {
                        if (docStep != null && docStep.equals(f.step()) && f.column() != null) {
                            cells.add(steps.get(k).step() + "\u0000" + f.column());
                        }
                    }
                    next = k + 1;
                    break;
                }
            }
        }
        return (step, column) -> cells.contains(step + "\u0000" + column);
    }

    private static String documentTable(final FlowTable table, final List<Finding> findings) {
        // Source and Destination repeat the heading on every row: shown only when a finding is about them
        final List<Column> columns = table.columns().stream().filter(c -> c != Column.SOURCE && c != Column.DESTINATION
                || findings.stream().anyMatch(f -> c.title().equals(f.column()))).toList();
        final StringBuilder sb = new StringBuilder("<table class=\"document\">\n<thead><tr>");
        for (final Column c : columns) {
            sb.append("<th>").append(esc(c.title())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (final FlowRow row : table.rows()) {
            final Integer step = row.stepNumber();
            final boolean extra = findings.stream().anyMatch(f -> f.kind() == Finding.Kind.EXTRA_ROW
                    && step != null && step.equals(f.step()));
            sb.append("<tr").append(extra ? " class=\"drop\"" : "").append('>');
            for (final Column c : columns) {
                final List<Finding> here = new ArrayList<>();
                for (final Finding f : findings) {
                    if (step != null && step.equals(f.step()) && c.title().equals(f.column())) {
                        here.add(f);
                    }
                }
                if (here.isEmpty()) {
                    sb.append("<td>").append(esc(row.value(c))).append("</td>");
                } else {
                    sb.append("<td class=\"bad\" title=\"")
                            .append(esc(String.join("\n", here.stream().map(Finding::explanation).toList())))
                            .append("\">").append(esc(row.value(c)));
                    for (final Finding f : here) {
                        if (f.simulated() != null) {
                            sb.append("<br><small>simulation: ").append(esc(f.simulated())).append("</small>");
                        }
                    }
                    sb.append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }
}

package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.device.Action;
import vnetsim.trace.Step;

/**
 * Verifies one flow table: simulates its flow, aligns its rows with the simulated rows and reports, row by row,
 * numbering problems, rows the frame never passes, and cells that disagree.
 */
final class TableVerifier {

    private final FlowSimulator simulator;
    private final RowChecker checker = new RowChecker();
    private final RowAligner aligner = new RowAligner(checker);

    TableVerifier(final FlowSimulator simulator) {
        this.simulator = simulator;
    }

    void verify(final FlowTable table, final Report report) {
        final List<FlowRow> rows = table.rows();
        final FlowContext ctx = simulate(table, report);
        final int[] pairs = ctx == null ? null : aligner.align(rows, ctx.sim());
        final List<FlowRow> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Numbering.check(table, i).ifPresent(report::add);
            final FlowRow row = rows.get(i);
            if (pairs == null) {
                kept.add(row);
            } else if (pairs[i] < 0) {
                report.add(extraRow(ctx, row, pairs, i), Edit.deleteLine(row.line()));
            } else {
                kept.add(row);
                checker.check(ctx, row, ctx.sim().get(pairs[i]), report);
            }
        }
        Numbering.renumber(kept, report);
    }

    /** Runs the flow; null (with a finding) when it cannot be run. */
    private FlowContext simulate(final FlowTable table, final Report report) {
        if (table.from() == null || table.to() == null) {
            report.add(new Finding(table.title(), null, null, null, null, Finding.Kind.UNKNOWN_ENDPOINT,
                    "cannot tell which flow this table traces: title it \"X to Y\" or give it Source and "
                            + "Destination columns"));
            return null;
        }
        final List<Step> sim;
        try {
            sim = simulator.documentView(table.from(), table.to());
        } catch (final UnknownEndpointException e) {
            final String column = e.endpoint().equals(table.to()) ? Column.DESTINATION.title()
                    : Column.SOURCE.title();
            report.add(new Finding(table.title(), null, column, e.endpoint(), null, Finding.Kind.UNKNOWN_ENDPOINT,
                    "the scenario has no endpoint named \"" + e.endpoint() + "\""
                            + (e.known().isEmpty() ? "" : "; it has " + String.join(", ", e.known()))));
            return null;
        }
        final FlowContext ctx = FlowContext.of(table.title(), table.from(), table.to(), sim);
        if (sim.isEmpty()) {
            report.add(new Finding(table.title(), null, null, null, null, Finding.Kind.NOT_DELIVERED,
                    "the simulation of " + table.from() + " to " + table.to() + " produced no steps"));
        } else if (sim.get(sim.size() - 1).action() == Action.DROPPED) {
            final Step drop = sim.get(sim.size() - 1);
            report.add(new Finding(table.title(), null, null, ctx.to(), drop.place(), Finding.Kind.NOT_DELIVERED,
                    "the simulated frame never reaches " + ctx.to() + ": it is dropped at " + drop.place()
                            + (drop.note() == null ? "" : " (" + drop.note() + ")")));
        }
        return ctx;
    }

    private static Finding extraRow(final FlowContext ctx, final FlowRow row, final int[] pairs, final int i) {
        final String iface = row.value(Column.INTERFACE);
        final String place = row.value(Column.DEVICE) + " / " + iface;
        final List<Step> sim = ctx.sim();
        final List<Integer> sameInterface = new ArrayList<>();
        for (int j = 0; j < sim.size(); j++) {
            if (Names.sameInterface(iface, sim.get(j).iface())) {
                sameInterface.add(j + 1);
            }
        }
        String explanation;
        if (!sameInterface.isEmpty()) {
            explanation = "the simulated frame crosses " + iface + " only at simulated step"
                    + (sameInterface.size() > 1 ? "s " : " ") + sameInterface
                    .toString().replaceAll("[\\[\\]]", "") + ", which other rows already cover or which "
                    + "comes at another point of the flow; delete or move this row";
        } else {
            explanation = "the simulated frame from " + ctx.from() + " to " + ctx.to() + " never crosses " + iface
                    + "; delete this row";
            int before = -1;
            for (int k = i - 1; k >= 0 && before < 0; k--) {
                before = pairs[k];
            }
            if (before >= 0 && before + 1 < sim.size()) {
                explanation += " (after " + sim.get(before).place() + " it goes to "
                        + sim.get(before + 1).place() + ")";
            } else if (before < 0 && !sim.isEmpty()) {
                explanation += " (it starts at " + sim.get(0).place() + ")";
            }
        }
        return new Finding(ctx.table(), row.stepNumber(), Column.INTERFACE.title(), place, null,
                Finding.Kind.EXTRA_ROW, explanation);
    }
}

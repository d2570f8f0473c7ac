package vnetsim.verify;

import java.util.Arrays;
import java.util.List;
import vnetsim.trace.Step;

/**
 * Aligns a table's rows, in order, with the simulated rows: dynamic programming over document rows × simulated
 * rows that maximises how many columns agree. A simulated row may be skipped at no cost (documents are often
 * coarser than the simulation); a document row can only pair with a simulated row at the same interface, and
 * stays unpaired when none fits. Device, tag state and note claims break ties, so a row naming the wrong node
 * still pairs with the right hop.
 */
final class RowAligner {

    private static final int INTERFACE = 8;
    private static final int DEVICE = 4;
    private static final int TAG_STATE = 2;
    private static final int CLAIM = 1;

    private final RowChecker checker;

    RowAligner(final RowChecker checker) {
        this.checker = checker;
    }

    /** For each document row, the index of the simulated row it pairs with, or -1. */
    int[] align(final List<FlowRow> rows, final List<Step> sim) {
        final int n = rows.size();
        final int m = sim.size();
        final int[][] score = new int[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                score[i][j] = score(rows.get(i), sim.get(j));
            }
        }
        // best[i][j]: best total for document rows i.. against simulated rows j..
        final int[][] best = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                int b = Math.max(best[i][j + 1], best[i + 1][j]);
                if (score[i][j] > 0) {
                    b = Math.max(b, score[i][j] + best[i + 1][j + 1]);
                }
                best[i][j] = b;
            }
        }
        final int[] pairs = new int[n];
        Arrays.fill(pairs, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (score[i][j] > 0 && best[i][j] == score[i][j] + best[i + 1][j + 1]) {
                pairs[i++] = j++;
            } else if (best[i][j] == best[i][j + 1]) {
                j++;
            } else {
                i++;
            }
        }
        return pairs;
    }

    /** How well a document row fits a simulated row; 0 when it cannot be the same hop. */
    private int score(final FlowRow row, final Step sim) {
        if (!Names.sameInterface(row.value(Column.INTERFACE), sim.iface())) {
            return 0;
        }
        int s = INTERFACE;
        if (Names.sameDevice(row.value(Column.DEVICE), sim.device())) {
            s += DEVICE;
        }
        final Boolean tagged = TagCell.tagged(row.value(Column.TAGGED));
        if (tagged != null && tagged == sim.tagged()) {
            s += TAG_STATE;
        }
        s += CLAIM * checker.agreeingClaims(row, sim);
        return s;
    }
}

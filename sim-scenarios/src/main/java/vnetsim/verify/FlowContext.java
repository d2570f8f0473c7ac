package vnetsim.verify;

import java.util.List;
import vnetsim.trace.Step;

/**
 * The simulated flow one table is checked against, with the facts explanations refer to: which device hosts the
 * source endpoint and which hosts the destination.
 *
 * @param table       the table's title
 * @param from        the source endpoint as the simulation names it
 * @param to          the destination endpoint as the simulation names it
 * @param sim         the simulated document-view rows
 * @param sourceHost  the first device after the source endpoint (its host), or null
 * @param destHost    the last device before the destination endpoint (its host), or null
 */
record FlowContext(String table, String from, String to, List<Step> sim, String sourceHost, String destHost) {

    /** Builds the context from the simulated rows. */
    static FlowContext of(final String table, final String from, final String to, final List<Step> sim) {
        final String simFrom = sim.isEmpty() ? from : sim.get(0).source();
        final String simTo = sim.isEmpty() ? to : sim.get(0).destination();
        String sourceHost = null;
        for (final Step s : sim) {
            if (!Names.sameDevice(s.device(), simFrom)) {
                sourceHost = s.device();
                break;
            }
        }
        String destHost = null;
        int last = sim.size() - 1;
        while (last >= 0 && Names.sameDevice(sim.get(last).device(), simTo)) {
            last--;
        }
        if (last >= 0 && last < sim.size() - 1) {
            destHost = sim.get(last).device();
        }
        return new FlowContext(table, simFrom, simTo, List.copyOf(sim), sourceHost, destHost);
    }

    /** Index of the simulated row, or -1. */
    int indexOf(final Step step) {
        return sim.indexOf(step);
    }
}

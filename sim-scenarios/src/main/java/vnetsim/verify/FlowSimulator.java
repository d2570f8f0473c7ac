package vnetsim.verify;

import java.util.List;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.trace.Step;

/**
 * The simulated side of a verification: traces one packet through a scenario and returns the rows a design
 * document would write for it (the trace's document view, one row per interface crossed, {@code direction} null).
 */
@FunctionalInterface
public interface FlowSimulator {

    /**
     * Document-view steps of the traced packet from one endpoint to another, by display name.
     *
     * @throws UnknownEndpointException when the scenario has no such endpoint
     */
    List<Step> documentView(String from, String to);
}

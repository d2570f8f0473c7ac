package vnetsim.cli;

import vnetsim.trace.Trace;
import vnetsim.trace.View;

/** Lets tests in other packages render a trace as the CLI's JSON. */
public final class TraceJsonAccess {
    private TraceJsonAccess() {
    }

    public static String json(final Trace trace) {
        return TraceJson.render(trace, View.FULL);
    }
}

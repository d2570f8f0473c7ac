package vnetsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vnetsim.analysis.Reachability;
import vnetsim.trace.Drop;

/** One reachability cell as JSON: {from, to, fromName, toName, outcome, drop, cause, path}. */
final class ReachabilityJson {
    private ReachabilityJson() {
    }

    static void put(final ObjectNode n, final Reachability.Cell c) {
        n.put("from", c.from());
        n.put("to", c.to());
        n.put("fromName", c.fromName());
        n.put("toName", c.toName());
        n.put("outcome", c.outcome().name());
        putDrop(n, c.drop());
        TraceJson.putDrop(n, "cause", c.cause());
        c.path().forEach(n.putArray("path")::add);
    }

    static void putDrop(final ObjectNode n, final Drop drop) {
        if (drop == null) {
            n.putNull("drop");
            return;
        }
        final ObjectNode d = n.putObject("drop");
        d.put("device", drop.device());
        d.put("interface", drop.iface());
        d.put("reason", drop.reason());
    }
}

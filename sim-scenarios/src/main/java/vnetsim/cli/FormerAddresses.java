package vnetsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.MigratableNetwork;
import vnetsim.analysis.Network;
import vnetsim.frame.Ipv4Address;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;

/**
 * What-if flows to the addresses workloads held before a change: after a live migration on an OVN-Kubernetes
 * Layer3 network the workload has a new address, and peers that still use the old one (a client's configuration,
 * an ARP cache) fail. For each workload whose address changed, every other endpoint pings the old address twice:
 * with its ARP cache as before the change (the entry still maps the old address to the workload's MAC, as a
 * Linux guest keeps it until it ages out) and with the entry gone (it must ARP).
 */
final class FormerAddresses {
    /**
     * One sender's flow to a former address.
     *
     * @param from     the sender's short id
     * @param workload the workload that held the address
     * @param address  the former address, dotted
     * @param stale    the trace with the sender's ARP entry from before the change
     * @param cold     the trace after the entry aged out
     */
    record Flow(String from, String workload, String address, Trace stale, Trace cold) {
    }

    private FormerAddresses() {
    }

    /** The flows to former addresses, empty when no address changed or the network does not migrate workloads. */
    static List<Flow> of(final Network before, final Network after) {
        if (after.source().isEmpty() || !(after.source().get() instanceof MigratableNetwork changed)) {
            return List.of();
        }
        final Topology was = before.topology();
        final Topology now = after.topology();
        final List<Flow> flows = new ArrayList<>();
        for (final Map.Entry<String, Integer> e : was.endpointIds().entrySet()) {
            final Integer moved = now.endpointIds().get(e.getKey());
            final int oldIp = was.endpoint(e.getValue()).ip();
            if (moved == null || oldIp == 0 || now.endpoint(moved).ip() == oldIp) {
                continue;
            }
            final long oldMac = was.endpoint(e.getValue()).mac();
            for (final String from : now.endpointIds().keySet()) {
                if (!from.equals(e.getKey())) {
                    flows.add(new Flow(from, e.getKey(), Ipv4Address.format(oldIp),
                            changed.traceToAddress(from, oldIp, oldMac, null),
                            changed.traceToAddress(from, oldIp, 0, null)));
                }
            }
        }
        return flows;
    }

    /** The table section; empty without flows. */
    static String table(final List<Flow> flows) {
        if (flows.isEmpty()) {
            return "";
        }
        final StringBuilder sb = new StringBuilder("\nFlows to former addresses (a workload's address changed):\n");
        for (final Flow f : flows) {
            sb.append('\n').append(f.from()).append(" -> ").append(f.address()).append(" (").append(f.workload())
                    .append("'s address before)  ").append(f.stale().outcome()).append('\n');
            stop(sb, "with the ARP entry from before", f.stale());
            stop(sb, "once the entry aged out", f.cold());
        }
        return sb.toString();
    }

    private static void stop(final StringBuilder sb, final String when, final Trace t) {
        sb.append("  ").append(when).append(": ");
        if (t.isDelivered()) {
            sb.append("delivered\n");
            return;
        }
        if (t.drop() != null) {
            sb.append("dropped at ").append(t.drop().device()).append(" / ").append(t.drop().iface()).append(": ")
                    .append(t.drop().reason());
        } else {
            sb.append(t.outcome());
        }
        sb.append('\n');
        if (t.cause() != null && (t.drop() == null || !t.cause().reason().equals(t.drop().reason()))) {
            sb.append("    cause: ").append(t.cause().text()).append('\n');
        }
    }

    /** The JSON array {@code formerAddressFlows}. */
    static void json(final ObjectNode root, final List<Flow> flows) {
        final ArrayNode array = root.putArray("formerAddressFlows");
        for (final Flow f : flows) {
            final ObjectNode n = array.addObject();
            n.put("from", f.from());
            n.put("workload", f.workload());
            n.put("address", f.address());
            put(n.putObject("staleArpEntry"), f.stale());
            put(n.putObject("arpEntryAgedOut"), f.cold());
        }
    }

    private static void put(final ObjectNode n, final Trace t) {
        n.put("outcome", t.outcome().name());
        ReachabilityJson.putDrop(n, t.drop());
        TraceJson.putDrop(n, "cause", t.cause());
    }
}

package vnetsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.DhcpTrace;
import vnetsim.analysis.Network;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;

/**
 * What a what-if does to DHCP: for every endpoint without a static address (a DHCP client, {@code address: dhcp}
 * in network.yaml), the exchange before and after the change, each summed up as the lease and the ping to its
 * router, or the first DHCP message that did not arrive and where it was dropped. The ICMP matrix cannot show this:
 * such an endpoint has no address until it has a lease.
 *
 * @param client the endpoint's short id
 * @param before the outcome before the change
 * @param after  the outcome after it
 */
record DhcpWhatIf(String client, String before, String after) {
    /** Whether the outcome changed. */
    boolean changed() {
        return !before.equals(after);
    }

    /** One row per DHCP client of {@code before} that {@code after} also has, in endpoint order. */
    static List<DhcpWhatIf> compare(final Network before, final Network after) {
        final List<DhcpWhatIf> rows = new ArrayList<>();
        final Topology was = before.topology();
        final Topology now = after.topology();
        for (final Map.Entry<String, Integer> e : was.endpointIds().entrySet()) {
            if (was.endpoint(e.getValue()).ip() != 0 || now.findEndpoint(e.getKey()).isEmpty()) {
                continue;
            }
            rows.add(new DhcpWhatIf(e.getKey(), summary(before.dhcp(e.getKey())), summary(after.dhcp(e.getKey()))));
        }
        return rows;
    }

    /** "lease 192.168.28.100/24, router 192.168.28.1; ping to the router DELIVERED", or where it stopped. */
    static String summary(final DhcpTrace t) {
        if (t.isBound()) {
            return "lease " + t.lease() + "; ping to the router " + (t.gatewayPing() == null ? "not sent"
                    : outcome(t.gatewayPing()));
        }
        for (final DhcpTrace.Message m : t.messages()) {
            if (!m.trace().isDelivered()) {
                return "no lease: " + m.type() + " " + outcome(m.trace());
            }
        }
        return "no lease: " + (t.messages().isEmpty() ? "nothing sent" : "no answer");
    }

    private static String outcome(final Trace trace) {
        return trace.drop() == null ? trace.outcome().name()
                : trace.outcome() + " at " + trace.drop().device() + " / " + trace.drop().iface() + ": "
                        + trace.drop().reason();
    }

    /** The table section; empty when the network has no DHCP client. */
    static String table(final List<DhcpWhatIf> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        final StringBuilder sb = new StringBuilder("\nDHCP (endpoints without a static address), "
                + rows.stream().filter(DhcpWhatIf::changed).count() + " of " + rows.size() + " changed:\n");
        for (final DhcpWhatIf r : rows) {
            if (r.changed()) {
                sb.append(r.client).append('\n').append("  was: ").append(r.before).append('\n')
                        .append("  now: ").append(r.after).append('\n');
            } else {
                sb.append(r.client).append("  unchanged: ").append(r.before).append('\n');
            }
        }
        return sb.toString();
    }

    /** The JSON array {@code dhcp}: client, changed, before, after. */
    static void json(final ObjectNode root, final List<DhcpWhatIf> rows) {
        final ArrayNode list = root.putArray("dhcp");
        for (final DhcpWhatIf r : rows) {
            list.addObject().put("client", r.client).put("changed", r.changed()).put("before", r.before)
                    .put("after", r.after);
        }
    }
}

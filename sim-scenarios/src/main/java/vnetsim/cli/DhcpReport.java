package vnetsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import vnetsim.analysis.DhcpTrace;
import vnetsim.frame.Ipv4Address;
import vnetsim.trace.StepTable;
import vnetsim.trace.View;

/** How {@code vnetsim trace NETWORK VM dhcp} prints a DHCP exchange: each message's table, then the lease. */
final class DhcpReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DhcpReport() {
    }

    /** Each message as "at T s: TABLE", then "Lease: ..." or "No lease: ...", then the ping to the router. */
    static String text(final DhcpTrace t, final View view, final boolean markdown) {
        final StringBuilder sb = new StringBuilder();
        sb.append("DHCP ").append(t.client()).append(" (").append(t.network()).append(")\n");
        for (final DhcpTrace.Message m : t.messages()) {
            sb.append('\n').append(seconds(m.sentNs())).append("  ");
            sb.append(markdown ? m.trace().title() + "\n\n" + StepTable.markdown(m.trace().steps(view), view)
                    + "Outcome: " + outcome(m.trace()) + "\n" : StepTable.describe(m.trace(), view));
            if (!markdown && !sb.toString().endsWith("\n")) {
                sb.append('\n');
            }
        }
        sb.append('\n');
        if (t.isBound()) {
            sb.append("Lease: ").append(t.lease()).append(" (bound after ").append(seconds(t.elapsedNs()))
                    .append(")\n");
            if (t.gatewayPing() != null) {
                sb.append('\n').append(markdown ? StepTable.markdown(t.gatewayPing().steps(view), view)
                        : StepTable.describe(t.gatewayPing(), view));
                if (!sb.toString().endsWith("\n")) {
                    sb.append('\n');
                }
            }
        } else {
            sb.append("No lease: ").append(t.all("DHCPDISCOVER").size()).append(" DHCPDISCOVER and ")
                    .append(t.all("DHCPREQUEST").size()).append(" DHCPREQUEST got no usable answer; the client gave up "
                    + "after 60 s (RFC 2131 backoff 4, 8, 16, 32 s)\n");
        }
        return sb.toString();
    }

    private static String outcome(final vnetsim.trace.Trace trace) {
        return trace.drop() == null ? trace.outcome().name()
                : trace.outcome() + " at " + trace.drop().device() + " / " + trace.drop().iface() + ": "
                        + trace.drop().reason();
    }

    private static String seconds(final long ns) {
        return String.format(Locale.ROOT, "t=%.6f s", ns / 1e9);
    }

    /** {"network","client","lease": null | {"ip","prefixLength","router"}, "messages": [{"type","sent_ns","trace"}],
     *  "gatewayPing": trace | null}; each trace is the {@code trace --format json} object. */
    static String json(final DhcpTrace t, final View view) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("network", t.network());
        root.put("client", t.client());
        if (t.lease() == null) {
            root.putNull("lease");
        } else {
            final ObjectNode lease = root.putObject("lease");
            lease.put("ip", Ipv4Address.format(t.lease().ip()));
            lease.put("prefixLength", t.lease().prefixLength());
            lease.put("router", Ipv4Address.format(t.lease().router()));
        }
        final ArrayNode messages = root.putArray("messages");
        try {
            for (final DhcpTrace.Message m : t.messages()) {
                final ObjectNode n = messages.addObject();
                n.put("type", m.type());
                n.put("sent_ns", m.sentNs());
                n.set("trace", MAPPER.readTree(TraceJson.render(m.trace(), view)));
            }
            if (t.gatewayPing() == null) {
                root.putNull("gatewayPing");
            } else {
                root.set("gatewayPing", MAPPER.readTree(TraceJson.render(t.gatewayPing(), view)));
            }
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vnetsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vnetsim.trace.PacketDrop;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The stable JSON contract of {@code vnetsim trace --format json}: scenario, from, to, protocol, outcome, drop,
 * steps (the traced packet's path in the chosen view) and events (every frame event of the run, full view, with
 * time_ns). Fields are only ever added, never renamed.
 */
final class TraceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {
    }

    static String render(final Trace trace, final View view) {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", trace.scenario());
        root.put("from", trace.from());
        root.put("to", trace.to());
        root.put("protocol", trace.protocol());
        root.put("outcome", trace.outcome().name());
        if (trace.drop() == null) {
            root.putNull("drop");
        } else {
            final ObjectNode drop = root.putObject("drop");
            drop.put("device", trace.drop().device());
            drop.put("interface", trace.drop().iface());
            drop.put("reason", trace.drop().reason());
        }
        putDrop(root, "cause", trace.cause());
        steps(root.putArray("steps"), trace.steps(view), false);
        steps(root.putArray("events"), trace.events(), true);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render trace as JSON", e);
        }
    }

    private static void steps(final ArrayNode array, final List<Step> steps, final boolean withTime) {
        for (final Step s : steps) {
            final ObjectNode n = array.addObject();
            n.put("step", s.step());
            n.put("source", s.source());
            n.put("destination", s.destination());
            n.put("device", s.device());
            n.put("interface", s.iface());
            if (s.direction() == null) {
                n.putNull("direction");
            } else {
                n.put("direction", s.direction().label());
            }
            n.put("tagged", s.tagged());
            putInt(n, "vlan", s.vlan());
            putInt(n, "vlanOut", s.vlanOut());
            n.put("srcMac", s.srcMac());
            n.put("dstMac", s.dstMac());
            n.put("srcIp", s.srcIp());
            n.put("dstIp", s.dstIp());
            putInt(n, "ttl", s.ttl());
            n.put("etherType", s.etherTypeText());
            n.put("action", s.action().name());
            n.put("note", s.note());
            if (withTime) {
                n.put("time_ns", s.timeNs());
            }
        }
    }

    /** A {@link PacketDrop} as {packet, device, interface, reason, code}, or null. */
    static void putDrop(final ObjectNode parent, final String field, final PacketDrop drop) {
        if (drop == null) {
            parent.putNull(field);
            return;
        }
        final ObjectNode n = parent.putObject(field);
        n.put("packet", drop.packet());
        n.put("device", drop.device());
        n.put("interface", drop.iface());
        n.put("reason", drop.reason());
        n.put("code", drop.code() == null ? null : drop.code().name());
    }

    private static void putInt(final ObjectNode n, final String field, final Integer value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }
}

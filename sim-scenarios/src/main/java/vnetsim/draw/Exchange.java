package vnetsim.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/**
 * Every frame of a run that went from one device to another (a host, the switch, the firewall, a workload), in
 * time order: the ladder of a sequence diagram. A frame is one egress event matched with the ingress event at the
 * other end of its link (the next ingress, at a box linked to the egress box, with the same MAC addresses).
 * Hops inside one device (bridge to subinterface to NIC) are not messages.
 *
 * @param lanes    device names in order of first appearance
 * @param messages in time order
 * @param startNs  the first event's time; message times are relative to it
 */
public record Exchange(List<String> lanes, List<Message> messages, long startNs) {

    /**
     * One frame crossing from one device to another.
     *
     * @param dropped the reason when the receiving device dropped it, else null
     */
    public record Message(String from, String to, long timeNs, String frame, String tag, String dropped) {
    }

    public static Exchange of(final Diagram diagram, final Trace trace) {
        final List<Step> events = trace.events();
        final List<String> lanes = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        final boolean[] used = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            final Step out = events.get(i);
            if (out.direction() != Direction.OUT || out.action() == Action.DROPPED) {
                continue;
            }
            final String a = diagram.elementAt(out.device(), out.iface()).orElse(null);
            if (a == null) {
                continue;
            }
            for (int j = i + 1; j < events.size(); j++) {
                final Step in = events.get(j);
                if (used[j] || in.direction() != Direction.IN || !in.srcMac().equals(out.srcMac())
                        || !in.dstMac().equals(out.dstMac())) {
                    continue;
                }
                final String b = diagram.elementAt(in.device(), in.iface()).orElse(null);
                if (b == null || b.equals(a) || diagram.links().stream().noneMatch(l -> l.joins(a, b))) {
                    continue;
                }
                used[j] = true;
                if (!out.device().equals(in.device())) {
                    lane(lanes, out.device());
                    lane(lanes, in.device());
                    messages.add(new Message(out.device(), in.device(), in.timeNs(), frame(out),
                            Overlay.wireTag(in), in.action() == Action.DROPPED ? dropText(trace, in) : null));
                }
                break;
            }
        }
        final long start = events.isEmpty() ? 0 : events.get(0).timeNs();
        return new Exchange(lanes, messages, start);
    }

    private static void lane(final List<String> lanes, final String device) {
        if (!lanes.contains(device)) {
            lanes.add(device);
        }
    }

    private static String dropText(final Trace trace, final Step in) {
        final String note = in.note();
        return note.startsWith("Dropped: ") ? note.substring("Dropped: ".length()) : note;
    }

    /** "ARP who-has 172.16.4.1 tell 172.16.4.208", "IPv4 172.16.4.208 → 172.16.6.10 TTL 64". */
    static String frame(final Step s) {
        if (s.etherType() == 0x0806) {
            if ("ff:ff:ff:ff:ff:ff".equals(s.dstMac())) {
                return "ARP who-has " + s.dstIp() + " tell " + s.srcIp();
            }
            return "ARP reply " + s.srcIp() + " is-at " + s.srcMac();
        }
        if (s.etherType() == 0x0800) {
            return "IPv4 " + s.srcIp() + " \u2192 " + s.dstIp() + (s.ttl() == null ? "" : " TTL " + s.ttl());
        }
        return "EtherType " + s.etherTypeText() + " " + s.srcMac() + " \u2192 " + s.dstMac();
    }

    /** Time since the first event, "+1.300 µs". */
    public String time(final Message m) {
        final long ns = m.timeNs() - startNs;
        return String.format(java.util.Locale.ROOT, "+%d.%03d \u00b5s", ns / 1000, ns % 1000);
    }

    public boolean isEmpty() {
        return messages.isEmpty() || Objects.requireNonNull(lanes).isEmpty();
    }
}

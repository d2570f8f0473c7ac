package vnetsim.draw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.draw.Diagram.Link;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/**
 * A trace laid over a diagram: one hop per step of the document view (numbered as the trace's steps), the tag
 * state of every link the packet crossed (read from the full view: the frame as it arrives at the far end), the
 * drop, and, for a cold start, the links and boxes the broadcast ARP request was flooded to.
 *
 * @param hops        one per document-view step, in order
 * @param crossings   per link id, every crossing in time order
 * @param flooded     link ids an ARP broadcast crossed that the traced packet did not
 * @param reached     element ids a flooded broadcast reached that the traced packet did not
 * @param onPath      element ids the traced packet crossed (router subinterfaces included)
 * @param drop        where and why the packet stopped, or null
 * @param cause       the root cause when it is marked too ({@link #withCause(Diagram)}) and happened elsewhere than the
 *                    drop (an ARP request dropped at a switch port, so the router later gave up), or null
 */
public record Overlay(Trace trace, List<Hop> hops, Map<String, List<Crossing>> crossings, Set<String> flooded,
                     Set<String> reached, Set<String> onPath, Drop drop, Drop cause) {

    /** A numbered hop at one box: the step number, the box, and what happened to the tag there. */
    public record Hop(int step, String element, String tag, String note, boolean dropped) {
    }

    /** One crossing of a link: forward is from the link's upper end to its lower end; tag as on that link. */
    public record Crossing(int afterStep, boolean forward, String tag) {
    }

    /** The drop: the box it happened at (null when not drawn) and the reason in words. */
    public record Drop(String element, String place, String reason) {
    }

    public static Overlay of(final Diagram diagram, final Trace trace, final boolean showFlood) {
        final List<Hop> hops = new ArrayList<>();
        final Set<String> onPath = new LinkedHashSet<>();
        for (final Step s : trace.documentPath()) {
            final Optional<String> at = diagram.elementAt(s.device(), s.iface());
            if (at.isEmpty()) {
                continue;
            }
            hops.add(new Hop(s.step(), at.get(), tagChange(s), s.note(), s.action() == Action.DROPPED));
            onPath.add(at.get());
            if (s.action() == Action.ROUTED) {
                routerSubinterface(diagram, at.get(), s.vlan()).ifPresent(onPath::add);
                routerSubinterface(diagram, at.get(), s.vlanOut()).ifPresent(onPath::add);
            }
        }
        final Map<String, List<Crossing>> crossings = new LinkedHashMap<>();
        final List<Step> full = trace.fullPath();
        int docStep = 0;
        for (int i = 0; i + 1 < full.size(); i++) {
            final Step out = full.get(i);
            final Step in = full.get(i + 1);
            docStep = documentStepAtOrBefore(trace, out, docStep);
            if (out.direction() != Direction.OUT || in.direction() != Direction.IN) {
                continue;
            }
            final Optional<String> a = diagram.elementAt(out.device(), out.iface());
            final Optional<String> b = diagram.elementAt(in.device(), in.iface());
            if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
                continue;
            }
            onPath.add(a.get());
            onPath.add(b.get());
            for (final Link l : diagram.links()) {
                if (l.joins(a.get(), b.get())) {
                    crossings.computeIfAbsent(l.id(), k -> new ArrayList<>())
                            .add(new Crossing(docStep, l.from().equals(a.get()), wireTag(in)));
                    break;
                }
            }
        }
        final Set<String> flooded = new LinkedHashSet<>();
        final Set<String> reached = new LinkedHashSet<>();
        if (showFlood) {
            flood(diagram, trace, crossings.keySet(), onPath, flooded, reached);
        }
        Drop drop = null;
        if (trace.drop() != null) {
            final String element = diagram.elementAt(trace.drop().device(), trace.drop().iface()).orElse(null);
            drop = new Drop(element, trace.drop().device() + " / " + trace.drop().iface(), trace.drop().reason());
        }
        return new Overlay(trace, hops, crossings, flooded, reached, onPath, drop, null);
    }

    /**
     * This overlay with the trace's root cause ({@link Trace#cause()}) marked as well, when it happened at a box
     * of the diagram other than the drop's; otherwise this overlay.
     */
    public Overlay withCause(final Diagram diagram) {
        final vnetsim.trace.PacketDrop c = trace.cause();
        if (c == null) {
            return this;
        }
        final String element = diagram.elementAt(c.device(), c.iface()).orElse(null);
        if (element == null || drop != null && element.equals(drop.element())) {
            return this;
        }
        return new Overlay(trace, hops, crossings, flooded, reached, onPath, drop,
                new Drop(element, c.place(), c.packet() + ": " + c.reason()));
    }

    /** The document step a full-view row belongs to: the last document step at the same place, in order. */
    private static int documentStepAtOrBefore(final Trace trace, final Step row, final int current) {
        for (final Step s : trace.documentPath()) {
            if (s.step() > current && s.device().equals(row.device()) && s.iface().equals(row.iface())
                    && s.timeNs() <= row.timeNs()) {
                return s.step();
            }
        }
        return current;
    }

    private static Optional<String> routerSubinterface(final Diagram diagram, final String uplink,
                                                       final Integer vid) {
        if (vid == null) {
            return Optional.empty();
        }
        for (final Link l : diagram.links()) {
            if (!l.cable() && l.to().equals(uplink) && l.vlan() == vid
                    && diagram.element(l.from()).map(e -> e.role() == Diagram.Role.ROUTER_SUBINTERFACE).orElse(false)) {
                return Optional.of(l.from());
            }
        }
        return Optional.empty();
    }

    /** Every link a broadcast frame crossed in the run (an ARP request and its flooded copies). */
    private static void flood(final Diagram diagram, final Trace trace, final Set<String> pathLinks,
                              final Set<String> onPath, final Set<String> flooded, final Set<String> reached) {
        final List<Step> events = trace.events();
        final boolean[] matched = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            final Step out = events.get(i);
            if (out.direction() != Direction.OUT || !"ff:ff:ff:ff:ff:ff".equals(out.dstMac())) {
                continue;
            }
            final Optional<String> a = diagram.elementAt(out.device(), out.iface());
            if (a.isEmpty()) {
                continue;
            }
            for (int j = i + 1; j < events.size(); j++) {
                final Step in = events.get(j);
                if (matched[j] || in.direction() != Direction.IN || !"ff:ff:ff:ff:ff:ff".equals(in.dstMac())) {
                    continue;
                }
                final Optional<String> b = diagram.elementAt(in.device(), in.iface());
                if (b.isEmpty() || b.get().equals(a.get())) {
                    continue;
                }
                final Optional<Link> link = diagram.links().stream().filter(l -> l.joins(a.get(), b.get())).findFirst();
                if (link.isPresent()) {
                    matched[j] = true;
                    if (!pathLinks.contains(link.get().id())) {
                        flooded.add(link.get().id());
                    }
                    if (!onPath.contains(b.get())) {
                        reached.add(b.get());
                    }
                    if (!onPath.contains(a.get())) {
                        reached.add(a.get());
                    }
                    break;
                }
            }
        }
    }

    /** The tag as the frame crosses a link, read at the receiving end. */
    static String wireTag(final Step in) {
        return in.tagged() && in.vlan() != null ? "tagged " + in.vlan() : "untagged";
    }

    /** What happened to the tag at one step, in the documents' words. */
    static String tagChange(final Step s) {
        if (s.action() == Action.DROPPED) {
            return "dropped";
        }
        final Integer in = s.tagged() ? s.vlan() : null;
        final Integer out = s.vlanOut();
        if (in == null && out != null) {
            return "push tag " + out;
        }
        if (in != null && out == null && s.action() == Action.TAG_POPPED) {
            return "pop tag " + in;
        }
        if (in != null && out != null && !in.equals(out)) {
            return "tag " + in + " \u2192 " + out;
        }
        return in == null ? "untagged" : "tagged " + in;
    }
}

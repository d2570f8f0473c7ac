package vnetsim.draw;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.topology.Topology;
import vnetsim.trace.Trace;

/**
 * One picture request: a network, optionally one node's inside, optionally a traced flow; the diagram, overlay
 * and layout are made once and shared by every output format.
 */
public final class Drawing {
    private final Diagram diagram;
    private final Overlay overlay;

    private Drawing(final Diagram diagram, final Overlay overlay) {
        this.diagram = diagram;
        this.overlay = overlay;
    }

    /** The whole network, or one node's inside when {@code node} is not null. */
    public static Drawing network(final Network network, final String node) {
        final Diagram full = Inventory.read(network.name(), network.topology());
        return new Drawing(node == null ? full : full.only(node), null);
    }

    /** A traced flow on the network (or on one node of it). */
    public static Drawing trace(final Network network, final Flow flow, final String node) {
        final Topology topology = network.topology();
        final Trace trace = network.trace(topology, flow, null);
        return of(network.name(), topology, trace, node);
    }

    /**
     * A trace already run on {@code topology}. In a network of more than {@link #MAX_HOSTS_AROUND_A_PATH} hosts,
     * the hosts the packet (and its ARP flood) never reached are left out, so the path stays readable.
     */
    public static Drawing of(final String name, final Topology topology, final Trace trace, final String node) {
        final Diagram full = Inventory.read(name, topology);
        Diagram diagram = node == null ? full : full.only(node);
        if (trace == null) {
            return new Drawing(diagram, null);
        }
        Overlay overlay = Overlay.of(diagram, trace, coldStart(trace));
        final List<Diagram.Group> hosts = diagram.groups().stream()
                .filter(g -> g.role() == Diagram.GroupRole.HOST || g.role() == Diagram.GroupRole.WORKLOAD).toList();
        if (hosts.size() > MAX_HOSTS_AROUND_A_PATH) {
            final Set<String> touched = new HashSet<>(overlay.onPath());
            touched.addAll(overlay.reached());
            final Set<String> idle = new HashSet<>();
            for (final Diagram.Group g : hosts) {
                if (g.elements().stream().noneMatch(e -> touched.contains(e.id()))) {
                    idle.add(g.id());
                }
            }
            if (!idle.isEmpty()) {
                diagram = diagram.without(idle, idle.size() + " of " + hosts.size()
                        + " hosts not on the path left out");
                overlay = Overlay.of(diagram, trace, coldStart(trace));
            }
        }
        return new Drawing(diagram, overlay);
    }

    /**
     * The same flow traced on two versions of a network (what-if: before and after a change), drawn to be read side
     * by side: both pictures leave out the hosts neither path crosses (so the two show the same hosts), and each
     * marks its drop and, where it happened elsewhere, the drop's root cause.
     *
     * @return the picture before, then the picture after
     */
    public static List<Drawing> compared(final Network before, final Network after, final Flow flow) {
        final Topology tb = before.topology();
        final Topology ta = after.topology();
        final Trace was = before.trace(tb, flow, null);
        final Trace now = after.trace(ta, flow, null);
        final Diagram db = Inventory.read(before.name(), tb);
        final Diagram da = Inventory.read(after.name(), ta);
        final Set<String> crossed = new HashSet<>();
        crossed.addAll(groupsCrossed(db, Overlay.of(db, was, false).withCause(db)));
        crossed.addAll(groupsCrossed(da, Overlay.of(da, now, false).withCause(da)));
        return List.of(around(db, was, crossed), around(da, now, crossed));
    }

    /** Names of the groups holding a box the packet crossed, dropped at, or whose root cause is marked. */
    private static Set<String> groupsCrossed(final Diagram diagram, final Overlay overlay) {
        final Set<String> boxes = new HashSet<>(overlay.onPath());
        if (overlay.drop() != null && overlay.drop().element() != null) {
            boxes.add(overlay.drop().element());
        }
        if (overlay.cause() != null) {
            boxes.add(overlay.cause().element());
        }
        final Set<String> names = new HashSet<>();
        for (final Diagram.Group g : diagram.groups()) {
            if (g.elements().stream().anyMatch(e -> boxes.contains(e.id()))) {
                names.add(g.name());
            }
        }
        return names;
    }

    /** The diagram without the hosts whose name is not in {@code keep}, with the trace and its cause on top. */
    private static Drawing around(final Diagram full, final Trace trace, final Set<String> keep) {
        final List<Diagram.Group> hosts = full.groups().stream()
                .filter(g -> g.role() == Diagram.GroupRole.HOST || g.role() == Diagram.GroupRole.WORKLOAD).toList();
        final Set<String> idle = new HashSet<>();
        for (final Diagram.Group g : hosts) {
            if (!keep.contains(g.name())) {
                idle.add(g.id());
            }
        }
        final Diagram diagram = idle.isEmpty() ? full
                : full.without(idle, idle.size() + " of " + hosts.size() + " hosts on neither path left out");
        return new Drawing(diagram, Overlay.of(diagram, trace, coldStart(trace)).withCause(diagram));
    }

    /** Hosts a traced picture shows in full; past this, hosts off the path are left out. */
    public static final int MAX_HOSTS_AROUND_A_PATH = 6;

    /** Whether the run holds an ARP broadcast: a cold start (or an arping) whose flood is worth drawing. */
    private static boolean coldStart(final Trace trace) {
        return trace.events().stream().anyMatch(s -> "ff:ff:ff:ff:ff:ff".equals(s.dstMac()));
    }

    public Diagram diagram() {
        return diagram;
    }

    public Overlay overlay() {
        return overlay;
    }

    public String svg() {
        return SvgRenderer.render(diagram, overlay);
    }

    public String mermaid() {
        return MermaidRenderer.render(diagram, overlay);
    }

    public String dot() {
        return DotRenderer.render(diagram, overlay);
    }
}

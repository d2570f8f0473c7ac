package vnetsim.draw;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.FixedAlignment;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import vnetsim.draw.Diagram.Element;
import vnetsim.draw.Diagram.Group;
import vnetsim.draw.Diagram.Link;
import vnetsim.draw.Scene.Box;
import vnetsim.draw.Scene.Point;
import vnetsim.draw.Scene.Rect;

/**
 * Places a diagram with ELK Layered (org.eclipse.elk), hierarchically: groups are compound nodes holding their
 * boxes, links are edges routed orthogonally across the hierarchy, top to bottom from router to workloads, and
 * the tag labels of a traced path are edge labels ELK keeps clear of boxes and of each other. Boxes are sized
 * here from their text and hops, so the renderer never draws outside the room it was given. ELK Layered is
 * deterministic: the same diagram and overlay give the same coordinates.
 */
public final class Layout {
    private static final double GROUP_PAD_TOP = 46;
    private static final double GROUP_PAD = 14;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private Layout() {
    }

    /** Lays out the diagram; {@code overlay} may be null (no trace). */
    public static Scene of(final Diagram diagram, final Overlay overlay) {
        final ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        // nodes and ports in the order the network defines them (node0, node1, node2); set on the root only, as
        // ELK 0.10 fails in crossing minimisation when compound nodes carry it too under INCLUDE_CHILDREN
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        final Map<String, ElkNode> groupNodes = new LinkedHashMap<>();
        final Map<String, ElkNode> elementNodes = new LinkedHashMap<>();
        final Map<String, Box> boxes = new LinkedHashMap<>();
        for (final Group g : diagram.groups()) {
            final ElkNode gn = ElkGraphUtil.createNode(root);
            configure(gn);
            gn.setIdentifier(g.id());
            gn.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_PAD_TOP, GROUP_PAD, GROUP_PAD, GROUP_PAD));
            gn.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            final double titleWidth = Math.max(Metrics.sans(g.name(), Metrics.TITLE_SIZE),
                    Metrics.sans(g.detail(), Metrics.DETAIL_SIZE)) + 2 * GROUP_PAD;
            gn.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(titleWidth, GROUP_PAD_TOP + 20));
            groupNodes.put(g.id(), gn);
            for (final Element e : g.elements()) {
                final Box box = box(e, overlay);
                boxes.put(e.id(), box);
                final ElkNode en = ElkGraphUtil.createNode(gn);
                en.setIdentifier(e.id());
                en.setDimensions(width(box), height(box));
                elementNodes.put(e.id(), en);
            }
        }
        final Map<String, ElkEdge> edges = new LinkedHashMap<>();
        final Map<String, ElkLabel> labels = new LinkedHashMap<>();
        for (final Link l : diagram.links()) {
            final ElkEdge edge = ElkGraphUtil.createSimpleEdge(elementNodes.get(l.from()), elementNodes.get(l.to()));
            edge.setIdentifier(l.id());
            ElkGraphUtil.updateContainment(edge);
            edges.put(l.id(), edge);
            final List<String> text = labelLines(overlay, l);
            if (!text.isEmpty()) {
                final ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", text), edge);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.HEAD);
                label.setDimensions(text.stream().mapToDouble(t -> Metrics.mono(t, Metrics.DETAIL_SIZE)).max()
                        .orElse(0) + 8, text.size() * Metrics.LABEL_LINE + 4);
                labels.put(l.id(), label);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        final Map<String, Rect> groupRects = new LinkedHashMap<>();
        groupNodes.forEach((id, n) -> groupRects.put(id, absolute(n)));
        final Map<String, Rect> elementRects = new LinkedHashMap<>();
        elementNodes.forEach((id, n) -> elementRects.put(id, absolute(n)));
        final Map<String, List<Point>> routes = new LinkedHashMap<>();
        edges.forEach((id, edge) -> routes.put(id, route(edge)));
        final Map<String, Rect> labelRects = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            final Rect origin = absolute(label.getParent() instanceof ElkEdge e ? e.getContainingNode() : null);
            labelRects.put(id, new Rect(origin.x() + label.getX(), origin.y() + label.getY(), label.getWidth(),
                    label.getHeight()));
        });
        return new Scene(root.getWidth(), root.getHeight(), groupRects, elementRects, routes, labelRects, boxes);
    }

    private static void configure(final ElkNode n) {
        n.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        n.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        n.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        n.setProperty(CoreOptions.SPACING_NODE_NODE, 26.0);
        n.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
        n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 34.0);
        n.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        n.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
        n.setProperty(CoreOptions.RANDOM_SEED, 1);
        // parents centred over their children, as a hand-drawn tree is
        n.setProperty(LayeredOptions.NODE_PLACEMENT_BK_FIXED_ALIGNMENT, FixedAlignment.BALANCED);
    }

    /** What a box says: its name, one line of detail, one row per hop, and the drop reason wrapped. */
    static Box box(final Element e, final Overlay overlay) {
        final List<Overlay.Hop> hops = new ArrayList<>();
        final List<String> dropLines = new ArrayList<>();
        if (overlay != null) {
            for (final Overlay.Hop h : overlay.hops()) {
                if (h.element().equals(e.id())) {
                    hops.add(h);
                }
            }
            if (overlay.drop() != null && e.id().equals(overlay.drop().element())) {
                dropLines.addAll(Metrics.wrap(overlay.drop().reason(), Metrics.DROP_WRAP));
            }
        }
        return new Box(e.name(), e.detail(), hops, dropLines);
    }

    static double width(final Box b) {
        double w = Math.max(Metrics.mono(b.name(), Metrics.NAME_SIZE), Metrics.mono(b.detail(), Metrics.DETAIL_SIZE));
        for (final Overlay.Hop h : b.hops()) {
            w = Math.max(w, 2 * Metrics.HOP_RADIUS + 6 + Metrics.mono(h.tag(), Metrics.DETAIL_SIZE));
        }
        for (final String line : b.dropLines()) {
            w = Math.max(w, Metrics.mono(line, Metrics.DETAIL_SIZE));
        }
        return Math.max(110, Math.ceil(w + 2 * Metrics.PAD_X));
    }

    static double height(final Box b) {
        return Math.ceil(Metrics.PAD_TOP + Metrics.NAME_LINE + Metrics.DETAIL_LINE + b.hops().size() * Metrics.HOP_ROW
                + b.dropLines().size() * Metrics.DROP_LINE + 6);
    }

    /** One line per distinct crossing of the link: "↓ tagged 2003". */
    static List<String> labelLines(final Overlay overlay, final Link l) {
        final List<String> lines = new ArrayList<>();
        if (overlay == null || !overlay.crossings().containsKey(l.id())) {
            return lines;
        }
        for (final Overlay.Crossing c : overlay.crossings().get(l.id())) {
            final String line = (c.forward() ? "\u2193 " : "\u2191 ") + c.tag();
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Rect absolute(final ElkNode n) {
        double x = 0;
        double y = 0;
        for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
            x += p.getX();
            y += p.getY();
        }
        return n == null ? new Rect(0, 0, 0, 0) : new Rect(x, y, n.getWidth(), n.getHeight());
    }

    private static List<Point> route(final ElkEdge edge) {
        final Rect origin = absolute(edge.getContainingNode());
        final List<Point> points = new ArrayList<>();
        // ELK returns EMF's EList; read as a java.util.List, so the module needs no filename-based EMF automodule
        final List<ElkEdgeSection> sections = edge.getSections();
        for (final ElkEdgeSection s : sections) {
            points.add(new Point(origin.x() + s.getStartX(), origin.y() + s.getStartY()));
            final List<ElkBendPoint> bends = s.getBendPoints();
            for (final ElkBendPoint b : bends) {
                points.add(new Point(origin.x() + b.getX(), origin.y() + b.getY()));
            }
            points.add(new Point(origin.x() + s.getEndX(), origin.y() + s.getEndY()));
        }
        return points;
    }
}

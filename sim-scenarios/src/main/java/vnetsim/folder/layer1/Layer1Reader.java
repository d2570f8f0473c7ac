package vnetsim.folder.layer1;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.layer1.Layer1Topology.Edge;
import vnetsim.folder.layer1.Layer1Topology.End;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;

/**
 * Reads Batfish's layer-1 topology JSON: {@code {"edges": [{"node1": {"hostname", "interfaceName"}, "node2":
 * {...}}]}}. Batfish files often list each cable in both directions; the reverse duplicate is dropped silently.
 */
public final class Layer1Reader {
    private final Diagnostics diagnostics;

    public Layer1Reader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Layer1Topology readFile(final Path file, final String displayName) {
        final TreeReader trees = new TreeReader(diagnostics);
        final String text = trees.readText(file, displayName);
        if (text == null) {
            return new Layer1Topology(List.of());
        }
        final Node root = trees.readJson(text, displayName, 0);
        return root == null ? new Layer1Topology(List.of()) : read(root);
    }

    public Layer1Topology read(final Node root) {
        final List<Edge> edges = new ArrayList<>();
        Fields.of(root, diagnostics, "layer-1 topology").ifPresent(f -> {
            f.list("edges").ifPresentOrElse(list -> {
                final Set<String> seen = new HashSet<>();
                for (final Node e : list) {
                    edge(e).ifPresent(edge -> {
                        final String key = edge.node1() + "|" + edge.node2();
                        final String reverse = edge.node2() + "|" + edge.node1();
                        if (seen.contains(reverse) || seen.contains(key)) {
                            return;
                        }
                        seen.add(key);
                        edges.add(edge);
                    });
                }
            }, () -> diagnostics.error(f.at(), "layer-1 topology has no \"edges\" list"));
            f.finish();
        });
        return new Layer1Topology(edges);
    }

    private Optional<Edge> edge(final Node node) {
        return Fields.of(node, diagnostics, "edge").flatMap(f -> {
            final Optional<End> a = f.map("node1", "edge node1").flatMap(this::end);
            final Optional<End> b = f.map("node2", "edge node2").flatMap(this::end);
            if (!f.has("node1") || !f.has("node2")) {
                diagnostics.error(f.at(), "an edge needs \"node1\" and \"node2\", each {\"hostname\", "
                        + "\"interfaceName\"}");
            }
            f.finish();
            if (a.isPresent() && b.isPresent() && a.get().equals(b.get())) {
                diagnostics.error(f.at(), "edge connects " + a.get() + " to itself");
                return Optional.empty();
            }
            return a.isPresent() && b.isPresent() ? Optional.of(new Edge(a.get(), b.get(), f.at()))
                    : Optional.empty();
        });
    }

    private Optional<End> end(final Fields f) {
        final Optional<String> host = f.requiredString("hostname");
        final Optional<String> iface = f.requiredString("interfaceName");
        f.finish();
        return host.isPresent() && iface.isPresent() ? Optional.of(new End(host.get(), iface.get()))
                : Optional.empty();
    }
}

package vnetsim.folder.nmstate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;

/**
 * Reads {@code nmstate/*.yaml}: NodeNetworkConfigurationPolicy documents (one or many per file) or the output of
 * {@code kubectl get nncp -o yaml} ({@code kind: List}). Interfaces are read by {@link InterfaceReader}, which also
 * applies kubernetes-nmstate's default trunk to bridge ports without a {@code vlan} key
 * (kubernetes-nmstate pkg/bridge/bridge.go ApplyDefaultVlanFiltering()).
 */
public final class NncpReader {
    private final Diagnostics diagnostics;
    private final TreeReader trees;

    public NncpReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.trees = new TreeReader(diagnostics);
    }

    public List<NodePolicy> readFile(final Path file, final String displayName) {
        return read(trees.readYamlFile(file, displayName));
    }

    /** Policies from already parsed documents. */
    public List<NodePolicy> read(final List<Node> documents) {
        final List<NodePolicy> policies = new ArrayList<>();
        for (final Node doc : documents) {
            document(doc, policies);
        }
        return policies;
    }

    private void document(final Node doc, final List<NodePolicy> out) {
        final Optional<Fields> f = Fields.of(doc, diagnostics, "document");
        if (f.isEmpty() || f.get().node().isEmpty()) {
            return;
        }
        final Fields d = f.get();
        final String kind = d.string("kind").orElse("");
        if (kind.equals("List")) {
            d.ignore("apiVersion", "metadata");
            d.list("items").ifPresent(items -> items.forEach(item -> document(item, out)));
            d.finish();
            return;
        }
        if (!kind.equals("NodeNetworkConfigurationPolicy")) {
            diagnostics.error(d.at(), "kind '" + kind + "' is not valid in nmstate/; expected "
                    + "NodeNetworkConfigurationPolicy or List (kubectl get nncp -o yaml)");
            return;
        }
        d.string("apiVersion").filter(v -> !v.startsWith("nmstate.io/")).ifPresent(v ->
                diagnostics.warn(d.at("apiVersion"), "apiVersion '" + v + "' is not nmstate.io/v1 or v1beta1"));
        final String name = d.map("metadata", "metadata").flatMap(m -> {
            m.ignore("annotations", "labels", "uid", "resourceVersion", "generation", "creationTimestamp",
                    "managedFields", "selfLink");
            final Optional<String> n = m.requiredString("name");
            m.finish();
            return n;
        }).orElse("(unnamed policy at " + d.at() + ")");
        d.ignore("status");                                          // kubectl get output: the enactment results
        final Map<String, String> selector = new LinkedHashMap<>();
        final List<NmInterface> interfaces = new ArrayList<>();
        d.map("spec", "spec of policy '" + name + "'").ifPresentOrElse(spec -> {
            spec.map("nodeSelector", "nodeSelector").ifPresent(sel -> {
                for (final String key : sel.node().keys()) {
                    sel.string(key).ifPresent(v -> selector.put(key, v));
                }
                sel.finish();
            });
            spec.ignore("maxUnavailable");
            spec.map("desiredState", "desiredState of policy '" + name + "'").ifPresentOrElse(state -> {
                final InterfaceReader reader = new InterfaceReader(diagnostics, name, true);
                state.list("interfaces").ifPresent(list -> list.forEach(i -> reader.read(i).ifPresent(interfaces::add)));
                state.finish();
            }, () -> diagnostics.error(spec.at(), "policy '" + name + "' has no spec.desiredState"));
            spec.finish();
        }, () -> diagnostics.error(d.at(), "policy '" + name + "' has no spec"));
        d.finish();
        out.add(new NodePolicy(name, selector, interfaces, d.at()));
    }
}

package vnetsim.folder.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.k8s.UdnManifest.Expression;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.ScalarNode;

/**
 * Reads the spec of UserDefinedNetwork ({@code spec.topology}, {@code spec.layer3}/{@code spec.layer2}) and
 * ClusterUserDefinedNetwork ({@code spec.namespaceSelector}, {@code spec.network.topology} ...) as the CRDs define
 * them (ovn-kubernetes {@code go-controller/pkg/crd/userdefinednetwork/v1/shared.go}); every problem with file and
 * line.
 */
final class UdnReader {
    private final Diagnostics diagnostics;
    private final List<UdnManifest> result = new ArrayList<>();

    UdnReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    List<UdnManifest> result() {
        return result;
    }

    void userDefinedNetwork(final Fields d, final String name, final String namespace) {
        final String ctx = "UserDefinedNetwork " + namespace + "/" + name;
        d.map("spec", ctx + " spec").ifPresentOrElse(spec -> network(spec, name, namespace, Map.of(), List.of(), ctx),
                () -> diagnostics.error(d.at(), ctx + " has no spec"));
    }

    void clusterUserDefinedNetwork(final Fields d, final String name) {
        final String ctx = "ClusterUserDefinedNetwork " + name;
        d.map("spec", ctx + " spec").ifPresentOrElse(spec -> {
            final Map<String, String> labels = new LinkedHashMap<>();
            final List<Expression> expressions = new ArrayList<>();
            spec.map("namespaceSelector", ctx + " namespaceSelector").ifPresentOrElse(sel -> {
                sel.map("matchLabels", "matchLabels").ifPresent(m -> {
                    for (final String key : m.node().keys()) {
                        labels.put(key, m.string(key).orElse(""));
                    }
                    m.finish();
                });
                sel.list("matchExpressions").ifPresent(list -> list.forEach(n ->
                        Fields.of(n, diagnostics, ctx + " matchExpressions").ifPresent(x -> {
                            final Optional<String> key = x.requiredString("key");
                            final Optional<String> op = x.oneOf("operator", "In", "NotIn", "Exists", "DoesNotExist");
                            final List<String> values = strings(x, "values");
                            x.finish();
                            if (key.isPresent() && op.isPresent()) {
                                expressions.add(new Expression(key.get(), op.get(), values));
                            }
                        })));
                sel.finish();
            }, () -> diagnostics.error(spec.at(), ctx + " has no spec.namespaceSelector (the CRD requires one)"));
            spec.map("network", ctx + " network").ifPresentOrElse(
                    net -> network(net, name, null, labels, expressions, ctx),
                    () -> diagnostics.error(spec.at(), ctx + " has no spec.network"));
            spec.finish();
        }, () -> diagnostics.error(d.at(), ctx + " has no spec"));
    }

    private void network(final Fields spec, final String name, final String namespace,
                         final Map<String, String> labels, final List<Expression> expressions, final String ctx) {
        final Optional<String> topology = spec.oneOf("topology", "Layer3", "Layer2", "Localnet");
        if (topology.isEmpty()) {
            if (!spec.has("topology")) {
                diagnostics.error(spec.at(), ctx + " has no topology (Layer3 or Layer2)");
            }
            return;
        }
        if (topology.get().equals("Localnet")) {
            diagnostics.warn(spec.at("topology"), ctx + ": topology Localnet is not simulated; ignored");
            spec.ignore("localnet");
            spec.finish();
            return;
        }
        final String key = topology.get().equals("Layer3") ? "layer3" : "layer2";
        spec.map(key, ctx + " " + key).ifPresentOrElse(t -> {
            final String role = t.oneOf("role", "Primary", "Secondary").orElse("");
            if (role.isEmpty() && !t.has("role")) {
                diagnostics.error(t.at(), ctx + ": " + key + ".role is required (Primary or Secondary)");
            }
            final int mtu = t.integer("mtu", 576, 65536, "the CRD allows 576-65536").orElse(0);
            final List<String> subnets = new ArrayList<>();
            final int[] hostSubnet = {0};
            t.list("subnets").ifPresent(list -> list.forEach(n -> {
                if (n instanceof ScalarNode s) {
                    subnets.add(s.text());                              // layer2: a list of CIDRs
                } else {
                    Fields.of(n, diagnostics, ctx + " subnet").ifPresent(sub -> {   // layer3: {cidr, hostSubnet}
                        sub.requiredString("cidr").ifPresent(subnets::add);
                        sub.integer("hostSubnet", 1, 127, "a prefix length").ifPresent(h -> hostSubnet[0] = h);
                        sub.finish();
                    });
                }
            }));
            if (key.equals("layer3") && subnets.isEmpty()) {
                diagnostics.error(t.at(), ctx + ": layer3.subnets is required");
            }
            final boolean[] persistent = {false};
            t.map("ipam", "ipam").ifPresent(ipam -> {
                persistent[0] = ipam.oneOf("lifecycle", "Persistent").isPresent();
                ipam.ignore("mode");
                ipam.finish();
            });
            t.ignore("joinSubnets", "excludeSubnets", "infrastructureSubnets", "reservedSubnets",
                    "defaultGatewayIPs");
            t.finish();
            result.add(new UdnManifest(name, namespace, labels, expressions, topology.get(), role, subnets,
                    hostSubnet[0], mtu, persistent[0], spec.at()));
        }, () -> diagnostics.error(spec.at(), ctx + " has topology " + topology.get() + " but no " + key));
        spec.finish();
    }

    private List<String> strings(final Fields f, final String key) {
        final List<String> out = new ArrayList<>();
        f.list(key).ifPresent(list -> {
            for (final Node n : list) {
                if (n instanceof ScalarNode s) {
                    out.add(s.text());
                } else {
                    diagnostics.error(n.at(), key + " must list plain values");
                }
            }
        });
        return out;
    }
}

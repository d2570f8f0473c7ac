package vnetsim.folder.k8s;

import java.util.List;
import java.util.Map;
import vnetsim.folder.Location;

/**
 * A UserDefinedNetwork ({@code namespace} set) or ClusterUserDefinedNetwork ({@code namespace} null, namespaces
 * chosen by {@code matchLabels} and {@code matchExpressions}) as {@code k8s.ovn.org/v1} declares it
 * (ovn-kubernetes {@code docs/api-reference/userdefinednetwork-api-spec.md}).
 *
 * @param topology   "Layer3" or "Layer2"
 * @param role       "Primary" or "Secondary"
 * @param subnets    CIDRs ("192.168.24.0/23"); empty for a Layer2 network without subnets
 * @param hostSubnet Layer3 {@code subnets[].hostSubnet}, 0 when not given (IPv4 default 24)
 * @param mtu        0 when not given
 * @param persistent {@code ipam.lifecycle: Persistent}
 */
public record UdnManifest(String name, String namespace, Map<String, String> matchLabels,
                          List<Expression> matchExpressions, String topology, String role, List<String> subnets,
                          int hostSubnet, int mtu, boolean persistent, Location at) {
    public UdnManifest {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
        subnets = List.copyOf(subnets);
    }

    /** A label selector requirement: key, operator In/NotIn/Exists/DoesNotExist, values. */
    public record Expression(String key, String operator, List<String> values) {
        public Expression {
            values = List.copyOf(values);
        }

        /** Kubernetes label selector semantics (apimachinery labels.Requirement.Matches). */
        public boolean matches(final Map<String, String> labels) {
            return switch (operator) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                default -> !labels.containsKey(key);                    // DoesNotExist
            };
        }
    }

    public boolean cluster() {
        return namespace == null;
    }

    /**
     * Whether this network serves {@code ns}: a UDN its own namespace; a CUDN every namespace whose labels match
     * all of matchLabels and matchExpressions (an empty selector selects nothing: the CRD requires one).
     */
    public boolean selects(final Manifests.Namespace ns) {
        if (!cluster()) {
            return namespace.equals(ns.name());
        }
        if (matchLabels.isEmpty() && matchExpressions.isEmpty()) {
            return false;
        }
        for (final Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(ns.labels().get(e.getKey()))) {
                return false;
            }
        }
        return matchExpressions.stream().allMatch(x -> x.matches(ns.labels()));
    }
}

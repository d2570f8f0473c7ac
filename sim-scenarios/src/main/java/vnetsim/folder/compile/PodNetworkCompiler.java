package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vnetsim.device.l3.StaticRoute;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.NetworkYaml;
import vnetsim.folder.NetworkYaml.NicSpec;
import vnetsim.folder.NetworkYaml.NodeSpec;
import vnetsim.folder.k8s.Manifests;
import vnetsim.frame.Ipv4Address;
import vnetsim.network.Cidr;

/**
 * The pod network of a folder whose nodes give {@code podSubnet} in network.yaml ({@link PodNetworkPlan}): per
 * node the bridge {@code cni0} with the subnet's first address, the node's address on its uplink (the first NIC
 * with an {@code address} that no macvlan or host-device NAD takes), and a route to each other node's pod subnet
 * via that node's uplink address, which must be on the same subnet (flannel host-gw's requirement: the nodes share
 * one L2 network).
 */
final class PodNetworkCompiler {
    private PodNetworkCompiler() {
    }

    static Map<String, PodNetworkPlan> compile(final NetworkYaml network, final Manifests manifests,
                                               final Diagnostics diagnostics) {
        final Set<String> taken = manifests.nads().stream().filter(n -> n.macvlan() || n.hostDevice())
                .map(n -> n.macvlan() ? n.cni().master() : n.cni().device()).collect(Collectors.toSet());
        final Map<String, Cidr> subnets = new LinkedHashMap<>();
        final Map<String, NicSpec> uplinks = new LinkedHashMap<>();
        final Map<String, Cidr> addresses = new LinkedHashMap<>();
        for (final NodeSpec node : network.nodes()) {
            if (node.podSubnet() == null) {
                continue;
            }
            final Cidr subnet = Cidr.parse(node.podSubnet());          // checked by the reader
            if (subnet.ip() != subnet.network() || subnet.prefixLength() > 30) {
                diagnostics.error(node.at(), "node " + node.name() + ": podSubnet " + node.podSubnet() + " must be a "
                        + "network address with a prefix of at most /30 (host-local cannot allocate from it otherwise)");
                continue;
            }
            final NicSpec uplink = node.nics().stream().filter(n -> n.address() != null && !taken.contains(n.name()))
                    .findFirst().orElse(null);
            if (uplink == null) {
                diagnostics.error(node.at(), "node " + node.name() + " has a podSubnet but no NIC with an 'address' to "
                        + "route the pod network between nodes; give its machine-network NIC 'address: A.B.C.D/LEN'");
                continue;
            }
            try {
                addresses.put(node.name(), Cidr.parse(uplink.address()));
            } catch (IllegalArgumentException e) {
                diagnostics.error(uplink.at(), "node " + node.name() + " NIC " + uplink.name() + ": address "
                        + e.getMessage());
                continue;
            }
            subnets.put(node.name(), subnet);
            uplinks.put(node.name(), uplink);
        }
        final Map<String, PodNetworkPlan> plans = new LinkedHashMap<>();
        for (final Map.Entry<String, Cidr> e : subnets.entrySet()) {
            final String node = e.getKey();
            final Cidr mine = addresses.get(node);
            final List<StaticRoute> routes = new ArrayList<>();
            for (final Map.Entry<String, Cidr> other : subnets.entrySet()) {
                if (other.getKey().equals(node)) {
                    continue;
                }
                final Cidr theirs = addresses.get(other.getKey());
                if (!mine.contains(theirs.ip())) {
                    diagnostics.error(uplinks.get(node).at(), "node " + node + " cannot route pod subnet "
                            + other.getValue().subnet() + ": node " + other.getKey() + "'s address "
                            + Ipv4Address.format(theirs.ip()) + " is not on " + node + "'s " + uplinks.get(node).name()
                            + " subnet " + mine.subnet() + " (the nodes must share one network)");
                    continue;
                }
                if (other.getValue().contains(e.getValue().ip()) || e.getValue().contains(other.getValue().ip())) {
                    diagnostics.error(network.nodes().stream().filter(n -> n.name().equals(node)).findFirst()
                            .orElseThrow().at(), "nodes " + node + " and " + other.getKey() + " have overlapping pod "
                            + "subnets " + e.getValue().subnet() + " and " + other.getValue().subnet());
                    continue;
                }
                routes.add(new StaticRoute(other.getValue().network(), other.getValue().prefixLength(), theirs.ip()));
            }
            plans.put(node, new PodNetworkPlan(e.getValue(), e.getValue().network() + 1, uplinks.get(node).name(),
                    mine, routes));
        }
        return plans;
    }
}

package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.l3.StaticRoute;
import vnetsim.network.Cidr;

/**
 * One node's share of the pod network, as a routed cluster network of the flannel host-gw kind: the node's pod
 * subnet on bridge {@link #BRIDGE} with the gateway address (the CNI bridge plugin with {@code isGateway}), the
 * node's own address on its uplink NIC, and a route to every other node's pod subnet via that node's uplink address.
 * OpenShift's OVN-Kubernetes overlay (Geneve between nodes) is simplified away: the trace shows the nodes routing.
 *
 * @param subnet   the node's pod subnet (network.yaml {@code podSubnet})
 * @param gateway  the bridge's address: the subnet's first address (host-local's default gateway)
 * @param uplink   the node NIC that carries the pod network between nodes
 * @param address  the node's address on {@code uplink} (network.yaml NIC {@code address})
 * @param routes   the other nodes' pod subnets, each via that node's uplink address
 */
public record PodNetworkPlan(Cidr subnet, int gateway, String uplink, Cidr address, List<StaticRoute> routes) {
    /** The pod network's bridge on every node (the CNI bridge plugin's default name). */
    public static final String BRIDGE = "cni0";

    public PodNetworkPlan {
        routes = List.copyOf(routes);
    }
}

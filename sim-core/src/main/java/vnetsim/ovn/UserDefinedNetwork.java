package vnetsim.ovn;

import java.util.List;
import vnetsim.network.Cidr;

/**
 * A UserDefinedNetwork or ClusterUserDefinedNetwork after namespace selection: its name (also the NAD's name in
 * every selected namespace: {@code go-controller/pkg/clustermanager/userdefinednetwork/template/
 * net-attach-def-template.go}), topology, role, subnet ({@code null} for a Layer2 network without subnets),
 * {@code hostSubnet} prefix length (Layer3), {@code mtu} (0: not set), whether IPs persist
 * ({@code ipam.lifecycle: Persistent}), its network ID (cluster manager: 1, 2, ... in creation order; the default
 * network is 0) and the namespaces it serves.
 */
public record UserDefinedNetwork(String name, UdnTopology topology, boolean primary, Cidr subnet, int hostSubnet,
                                 int mtu, boolean persistentIps, int networkId, List<String> namespaces) {
    /** Transit switch (Layer3) or layer2 switch datapath key: {@code zone_ic_handler.go BaseTransitSwitchTunnelKey}. */
    public static final int BASE_TRANSIT_SWITCH_TUNNEL_KEY = 16711683;
    /** Host MTU minus this is OpenShift's pod MTU with Geneve ({@code cluster-network-operator getOVNEncapOverhead}). */
    public static final int OPENSHIFT_GENEVE_OVERHEAD = 100;
    /** Default hostSubnet for IPv4 ({@code pkg/config/utils.go ParseClusterSubnetEntries}). */
    public static final int DEFAULT_HOST_SUBNET = 24;

    /**
     * Keeps an immutable copy of the namespaces and checks what the UDN API's validation checks.
     *
     * @throws IllegalArgumentException when a Layer3 network has no subnet, its {@code hostSubnet} is not longer than
     *     the subnet's prefix or longer than /30, or {@code mtu} is set outside 576-9216
     */
    public UserDefinedNetwork {
        namespaces = List.copyOf(namespaces);
        if (topology == UdnTopology.LAYER3 && subnet == null) {
            throw new IllegalArgumentException("network " + name + ": a Layer3 network needs subnets");
        }
        if (topology == UdnTopology.LAYER3 && (hostSubnet < subnet.prefixLength() || hostSubnet > 30)) {
            throw new IllegalArgumentException("network " + name + ": hostSubnet /" + hostSubnet
                    + " must be longer than the subnet's /" + subnet.prefixLength() + " and at most /30");
        }
        if (mtu != 0 && (mtu < 576 || mtu > 9216)) {
            throw new IllegalArgumentException("network " + name + ": mtu " + mtu + " is outside 576-9216");
        }
    }

    /** The datapath key Geneve carries as VNI between nodes for this network. */
    public int tunnelKey() {
        return BASE_TRANSIT_SWITCH_TUNNEL_KEY + networkId;
    }

    /** The MTU workloads get: the network's, else the node's minus 100 as OpenShift's CNO sets the cluster MTU. */
    public int effectiveMtu(final int hostMtu) {
        return mtu != 0 ? mtu : hostMtu - OPENSHIFT_GENEVE_OVERHEAD;
    }

    /**
     * Whether this network serves the namespace (the namespace was selected for it).
     *
     * @param namespace a Kubernetes namespace name
     * @return true when the namespace is among {@link #namespaces()}
     */
    public boolean serves(final String namespace) {
        return namespaces.contains(namespace);
    }
}

package vnetsim.ovn;

import java.util.List;
import vnetsim.frame.Ipv4Address;
import vnetsim.network.Cidr;

/** Seed 003's clusters in Java, as the network folders udn-layer3 and udn-layer2 describe them. */
final class UdnClusters {
    private UdnClusters() {
    }

    static List<OvnNode> nodes(final int mtu) {
        return List.of(node("master1", 11, mtu), node("master2", 12, mtu), node("master3", 13, mtu));
    }

    private static OvnNode node(final String name, final int last, final int mtu) {
        return new OvnNode(name, "br-ex", Ipv4Address.parse("192.168.10." + last), 0x5254_0000_1000L + last, mtu);
    }

    /** CUDN udn-cluster-primary-l3: 192.168.24.0/23, hostSubnet 25, namespaces 7 and 8. */
    static UdnCluster layer3(final int networkMtu, final int nodeMtu) {
        final UserDefinedNetwork net = new UserDefinedNetwork("udn-cluster-primary-l3", UdnTopology.LAYER3, true,
                Cidr.parse("192.168.24.0/23"), 25, networkMtu, false, 1, List.of("namespace-7", "namespace-8"));
        return new UdnCluster("udn-layer3", nodes(nodeMtu), List.of(net), List.of(
                new UdnWorkload("rhel8-vm8", "namespace-7", "master1", Ipv4Address.parse("192.168.24.6"), true),
                new UdnWorkload("rhel8-vm9", "namespace-8", "master1", Ipv4Address.parse("192.168.24.11"), true),
                new UdnWorkload("web-0", "namespace-8", "master2", Ipv4Address.parse("192.168.24.131"), false)));
    }

    /** CUDN udn-cluster-primary-l2: 192.168.22.0/24, Persistent, namespaces 5 and 6. */
    static UdnCluster layer2(final boolean persistent) {
        final UserDefinedNetwork net = new UserDefinedNetwork("udn-cluster-primary-l2", UdnTopology.LAYER2, true,
                Cidr.parse("192.168.22.0/24"), 0, 0, persistent, 1, List.of("namespace-5", "namespace-6"));
        return new UdnCluster("udn-layer2", nodes(1442), List.of(net), List.of(
                new UdnWorkload("rhel8-vm6", "namespace-5", "master1", 0, true),
                new UdnWorkload("rhel8-vm7", "namespace-6", "master1", 0, true)));
    }
}

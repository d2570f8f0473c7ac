package vnetsim.ovn;

import java.util.ArrayList;
import java.util.List;
import vnetsim.device.Endpoint;
import vnetsim.device.GeneveTunnel;
import vnetsim.device.OvnLogicalRouter;
import vnetsim.device.OvnLogicalSwitch;
import vnetsim.device.OvnLogicalSwitch.PortType;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.frame.Ipv4;
import vnetsim.network.Cidr;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * Builds the logical topology ovn-kubernetes creates for each user-defined network, in interconnect mode (one OVN
 * zone per node: {@code docs/features/multiple-networks/multi-homing.md}, {@code docs/design/topology.md}):
 * <ul>
 *   <li>Layer3, per node: switch {@code <net>_<node>} with the node's workloads and router port
 *       {@code stor-<net>_<node>}; the cluster router {@code <net>_ovn_cluster_router} with {@code rtos-<net>_<node>}
 *       (the node subnet's gateway) and {@code rtots-<node>} on the transit switch {@code <net>_transit_switch}
 *       (100.88.0.0/16, address and port key from the node ID); for every other node a static route to its host
 *       subnet via its transit address and a remote transit port reached through Geneve.</li>
 *   <li>Layer2, per node: the one switch {@code <net>_ovn_layer2_switch} with local workloads and a remote port
 *       for every workload on another node, reached through Geneve.</li>
 * </ul>
 * Each node has one {@link GeneveTunnel} on its underlay interface; the underlay interfaces meet on one switch.
 * A workload port carries the network's MTU ({@link UserDefinedNetwork#effectiveMtu}): the workload's interface.
 * Not modelled: the join switch and gateway routers (north-south traffic), ACLs and network policies.
 */
final class UdnCompiler {
    /** Transit switch subnet default ({@code pkg/config/config.go ClusterManager.V4TransitSwitchSubnet}). */
    static final int TRANSIT_SUBNET = vnetsim.frame.Ipv4Address.parse("100.88.0.0");
    /** Node IDs as this simulator numbers them: 2, 3, ... in node order (documented in the network folders). */
    static final int FIRST_NODE_ID = 2;
    private static final long UNDERLAY_AGEING_NS = 300_000_000_000L;

    private final UdnCluster cluster;
    private final TopologyBuilder b = new TopologyBuilder();
    private final List<Integer> tunnelIds = new ArrayList<>();
    private final List<GeneveTunnel> tunnels = new ArrayList<>();

    UdnCompiler(final UdnCluster cluster) {
        this.cluster = cluster;
    }

    Topology compile() {
        final List<OvnNode> nodes = cluster.nodes();
        for (final OvnNode n : nodes) {
            final GeneveTunnel t = new GeneveTunnel(n.name(), n.underlayInterface(), n.mac(), n.ip(), n.mtu());
            tunnels.add(t);
            tunnelIds.add(b.add(t));
        }
        for (final UserDefinedNetwork network : cluster.networks()) {
            if (network.topology() == UdnTopology.LAYER3) {
                layer3(network);
            } else {
                layer2(network);
            }
        }
        if (nodes.size() > 1) {
            final TrunkSwitch underlay = new TrunkSwitch("underlay", UNDERLAY_AGEING_NS);
            final int u = b.add(underlay);
            for (int i = 0; i < nodes.size(); i++) {
                final int port = underlay.addPort("port" + (i + 1) + " (" + nodes.get(i).name() + ")",
                        new SwitchportMode.Access(1));
                b.link(tunnelIds.get(i), GeneveTunnel.UNDERLAY, u, port, LinkKind.CABLE);
            }
        }
        return b.build();
    }

    private static int nodeId(final int index) {
        return FIRST_NODE_ID + index;
    }

    private static int transitIp(final int index) {
        return TRANSIT_SUBNET + nodeId(index);
    }

    private void layer3(final UserDefinedNetwork network) {
        final List<OvnNode> nodes = cluster.nodes();
        final UdnAddressing addressing = cluster.addressing(network);
        final String net = network.name();
        final int vni = network.tunnelKey();
        for (int i = 0; i < nodes.size(); i++) {
            final OvnNode node = nodes.get(i);
            final Cidr nodeSubnet = addressing.nodeSubnets().get(node.name());
            final int gateway = nodeSubnet.network() + 1;
            final long gatewayMac = UdnAddress.macFor(gateway);
            final OvnLogicalSwitch ls = new OvnLogicalSwitch(node.name(), net + "_" + node.name(), 0);
            final int lsId = b.add(ls);
            final OvnLogicalRouter router = new OvnLogicalRouter(node.name(), net + "_ovn_cluster_router");
            final int routerId = b.add(router);
            for (final UdnWorkload w : cluster.workloadsOn(network)) {
                if (w.node().equals(node.name())) {
                    final UdnAddress a = addressing.of(w.name());
                    final int port = ls.addPort(w.namespace() + "_" + w.name(), PortType.WORKLOAD, a.mac(), a.ip(),
                            ls.portCount() + 1);
                    ls.limitMtu(port, network.effectiveMtu(node.mtu()));
                    b.link(addWorkload(w, a), Endpoint.NIC, lsId, port, LinkKind.VETH);
                    router.bindAddress(a.ip(), a.mac());
                }
            }
            final int stor = ls.addPort("stor-" + ls.name(), PortType.ROUTER, gatewayMac, gateway, ls.portCount() + 1);
            final int rtos = router.addPort("rtos-" + ls.name(), gatewayMac, gateway, nodeSubnet.prefixLength());
            b.link(lsId, stor, routerId, rtos, LinkKind.STACK);
            final OvnLogicalSwitch transit = new OvnLogicalSwitch(node.name(), net + "_transit_switch", vni);
            final int transitId = b.add(transit);
            final long ownTransitMac = UdnAddress.macFor(transitIp(i));
            final int tstor = transit.addPort("tstor-" + node.name(), PortType.ROUTER, ownTransitMac, transitIp(i),
                    nodeId(i));
            final int rtots = router.addPort("rtots-" + node.name(), ownTransitMac, transitIp(i), 16);
            b.link(transitId, tstor, routerId, rtots, LinkKind.STACK);
            tunnels.get(i).addLocalPort(vni, ownTransitMac, nodeId(i));
            for (int j = 0; j < nodes.size(); j++) {
                if (j == i) {
                    continue;
                }
                final OvnNode remote = nodes.get(j);
                final long remoteMac = UdnAddress.macFor(transitIp(j));
                final int port = transit.addPort("tstor-" + remote.name(), PortType.REMOTE, remoteMac, transitIp(j),
                        nodeId(j));
                final int tunnelPort = tunnels.get(i).addRemotePort(net + " tstor-" + remote.name(), vni, nodeId(j),
                        remote.ip(), remote.mac());
                b.link(transitId, port, tunnelIds.get(i), tunnelPort, LinkKind.STACK);
                final Cidr remoteSubnet = addressing.nodeSubnets().get(remote.name());
                router.addRoute(remoteSubnet.network(), remoteSubnet.prefixLength(), transitIp(j), rtots);
                router.bindAddress(transitIp(j), remoteMac);
            }
        }
    }

    private void layer2(final UserDefinedNetwork network) {
        final List<OvnNode> nodes = cluster.nodes();
        final UdnAddressing addressing = cluster.addressing(network);
        final List<UdnWorkload> workloads = cluster.workloadsOn(network);
        final int vni = network.tunnelKey();
        for (int i = 0; i < nodes.size(); i++) {
            final OvnNode node = nodes.get(i);
            final OvnLogicalSwitch ls = new OvnLogicalSwitch(node.name(), network.name() + "_ovn_layer2_switch", vni);
            final int lsId = b.add(ls);
            for (int k = 0; k < workloads.size(); k++) {
                final UdnWorkload w = workloads.get(k);
                final UdnAddress a = addressing.of(w.name());
                final int key = k + 1;
                final String portName = w.namespace() + "_" + w.name();
                if (w.node().equals(node.name())) {
                    final int port = ls.addPort(portName, PortType.WORKLOAD, a.mac(),
                            network.subnet() == null ? 0 : a.ip(), key);
                    ls.limitMtu(port, network.effectiveMtu(node.mtu()));
                    b.link(addWorkload(w, a), Endpoint.NIC, lsId, port, LinkKind.VETH);
                    tunnels.get(i).addLocalPort(vni, a.mac(), key);
                } else {
                    final OvnNode remote = cluster.node(w.node());
                    final int port = ls.addPort(portName, PortType.REMOTE, a.mac(),
                            network.subnet() == null ? 0 : a.ip(), key);
                    final int tunnelPort = tunnels.get(i).addRemotePort(network.name() + " " + portName, vni, key,
                            remote.ip(), remote.mac());
                    b.link(lsId, port, tunnelIds.get(i), tunnelPort, LinkKind.STACK);
                }
            }
        }
    }

    private int addWorkload(final UdnWorkload w, final UdnAddress a) {
        final Endpoint e = new Endpoint(w.name(), "eth0", w.vm() ? Endpoint.Workload.VM : Endpoint.Workload.POD,
                a.mac(), a.ip(), a.prefixLength(), a.gateway(), Ipv4.DEFAULT_TTL);
        return b.addEndpoint(w.name(), e);
    }
}

package vnetsim.ovn;

import java.util.ArrayList;
import java.util.List;
import vnetsim.analysis.Network;
import vnetsim.topology.Topology;

/**
 * A cluster's nodes, its user-defined networks and the workloads on them: an immutable value that compiles to a
 * topology ({@link UdnCompiler}) and changes by operations such as {@link #migrate}.
 */
public record UdnCluster(String name, List<OvnNode> nodes, List<UserDefinedNetwork> networks,
                         List<UdnWorkload> workloads) {
    /**
     * Keeps immutable copies of the lists and checks that every workload runs on a node of the cluster and that its
     * namespace has a primary user-defined network.
     *
     * @throws IllegalArgumentException when the cluster has no nodes, or a workload names an unknown node or has no
     *     primary network
     */
    public UdnCluster {
        nodes = List.copyOf(nodes);
        networks = List.copyOf(networks);
        workloads = List.copyOf(workloads);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("cluster " + name + " has no nodes");
        }
        for (final UdnWorkload w : workloads) {
            if (nodes.stream().noneMatch(n -> n.name().equals(w.node()))) {
                throw new IllegalArgumentException("workload " + w.name() + " runs on unknown node " + w.node());
            }
            if (networks.stream().noneMatch(n -> n.primary() && n.serves(w.namespace()))) {
                throw new IllegalArgumentException("workload " + w.name() + ": namespace " + w.namespace()
                        + " has no primary user-defined network");
            }
        }
    }

    /**
     * One node, by name.
     *
     * @param nodeName the node's name, exactly as given
     * @return the node
     * @throws IllegalArgumentException naming the cluster's nodes when there is none by that name
     */
    public OvnNode node(final String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown node '" + nodeName + "'; nodes: "
                        + nodes.stream().map(OvnNode::name).toList()));
    }

    /**
     * One workload, by name.
     *
     * @param workloadName the workload's name, exactly as given
     * @return the workload
     * @throws IllegalArgumentException naming the cluster's workloads when there is none by that name
     */
    public UdnWorkload workload(final String workloadName) {
        return workloads.stream().filter(w -> w.name().equals(workloadName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown workload '" + workloadName + "'; workloads: "
                        + workloads.stream().map(UdnWorkload::name).toList()));
    }

    /** The primary network of the workload's namespace (one per namespace, as the UDN controller enforces). */
    public UserDefinedNetwork networkOf(final UdnWorkload w) {
        return networks.stream().filter(n -> n.primary() && n.serves(w.namespace())).findFirst().orElseThrow(
                () -> new IllegalArgumentException("workload " + w.name() + ": namespace " + w.namespace()
                        + " has no primary user-defined network"));
    }

    /**
     * The workloads whose namespace's primary network is this one, in the cluster's order.
     *
     * @param network one of the cluster's networks
     * @return the workloads on it (possibly none)
     */
    public List<UdnWorkload> workloadsOn(final UserDefinedNetwork network) {
        return workloads.stream().filter(w -> networkOf(w).equals(network)).toList();
    }

    /**
     * The addresses one network hands out to its workloads, computed now (see {@link UdnAddressing}).
     *
     * @param network one of the cluster's networks
     * @return the addressing of that network's workloads on this cluster's nodes
     */
    public UdnAddressing addressing(final UserDefinedNetwork network) {
        return new UdnAddressing(network, nodes, workloadsOn(network));
    }

    /** The workload's address as the network hands it out now. */
    public UdnAddress address(final String workloadName) {
        final UdnWorkload w = workload(workloadName);
        return addressing(networkOf(w)).of(workloadName);
    }

    /**
     * Live migration ({@code virtctl migrate}): the workload runs on {@code targetNode} afterwards. On Layer3 its
     * address comes from the target node's host subnet, so it changes (seed 003: 192.168.24.6 on master1 became
     * 192.168.24.132 on master2); on Layer2 with {@code ipam.lifecycle: Persistent} the IPAMClaim keeps it. The
     * address it held is requested again, which only a range containing it can grant.
     */
    public UdnCluster migrate(final String workloadName, final String targetNode) {
        final UdnWorkload w = workload(workloadName);
        node(targetNode);
        if (w.node().equals(targetNode)) {
            throw new IllegalArgumentException(workloadName + " already runs on " + targetNode);
        }
        final UserDefinedNetwork network = networkOf(w);
        final int held = address(workloadName).ip();
        final boolean keeps = network.topology() == UdnTopology.LAYER2 && network.persistentIps()
                || network.subnet() == null;
        final List<UdnWorkload> moved = new ArrayList<>();
        for (final UdnWorkload other : workloads) {
            moved.add(other.name().equals(workloadName)
                    ? new UdnWorkload(w.name(), w.namespace(), targetNode, keeps ? held : 0, w.vm()) : other);
        }
        return new UdnCluster(name, nodes, networks, moved);
    }

    /**
     * After a migration: {@code from} pings {@code address}, the address {@code workload} held before it moved.
     * With {@code staleMac} (not 0) {@code from}'s ARP cache still maps the address to the workload's old MAC, as
     * a guest's cache does until the entry ages out (Linux: reachable 30 s, then probes); with 0 it starts cold
     * and must ARP. The trace shows where and why the packet dies: a unicast to a MAC no logical port declares
     * anymore, or an ARP request OVN answers for nobody.
     */
    public vnetsim.trace.Trace traceToFormerAddress(final String from, final String workload, final int address,
                                                    final long staleMac) {
        final Topology topology = compile();
        final int source = Network.endpoint(topology, from);
        final int moved = Network.endpoint(topology, workload);
        final vnetsim.engine.Simulator sim = new vnetsim.engine.Simulator(topology);
        if (staleMac != 0 && sim.device(source) instanceof vnetsim.device.Endpoint guest) {
            guest.learnNeighbor(address, staleMac);
        }
        final vnetsim.engine.StepLog log = new vnetsim.engine.StepLog();
        sim.record(log);
        final int packet = sim.ping(source, address, 1);
        sim.run();
        return new vnetsim.trace.TraceBuilder(topology, log).build(name, "ICMP", packet, source, moved);
    }

    /**
     * The cluster as a topology: per node its OVN switches, routers and Geneve underlay, per workload its pod
     * interface ({@link UdnCompiler}).
     *
     * @return a new topology each call
     */
    public Topology compile() {
        return new UdnCompiler(this).compile();
    }

    /**
     * The cluster as a network to trace; each trace compiles a fresh topology.
     *
     * @return a network named after the cluster
     */
    public Network network() {
        return new Network(name, this::compile);
    }
}

package vnetsim.ovn;

import java.util.ArrayList;
import java.util.List;
import vnetsim.analysis.MigratableNetwork;
import vnetsim.analysis.Network;
import vnetsim.device.Endpoint;
import vnetsim.device.TrafficSource;
import vnetsim.engine.FrameObserver;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.Packets;
import vnetsim.topology.Topology;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/**
 * A cluster's nodes, its user-defined networks and the workloads on them: an immutable value that compiles to a
 * topology ({@link UdnCompiler}) and changes by operations such as {@link #migrate}.
 */
public record UdnCluster(String name, List<OvnNode> nodes, List<UserDefinedNetwork> networks,
                         List<UdnWorkload> workloads) implements MigratableNetwork {
    /** Virtual time between replaying a stale ARP entry and the traced packet. */
    private static final long WARM_GAP_NS = 1_000_000L;

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
    @Override
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
     * Who announces a live migration of {@code workloadName} (running on its target node in this cluster) with a
     * gratuitous ARP, as ovn-kubernetes does it, in one line for the CLI:
     * <ul>
     *   <li>Layer2: ovnkube-node on the target node, once the target virt-launcher pod is ready, broadcasts a GARP
     *       for the network's gateway address with the MAC of the target node's gateway router
     *       ({@code go-controller/pkg/kubevirt/pod.go DefaultGatewayReconciler.ReconcileIPv4AfterLiveMigration},
     *       called from {@code pkg/ovn/layer2_user_defined_network_controller.go
     *       reconcileLiveMigrationTargetZone}; ovn-kubernetes PR 4964). It corrects the VM's route out of the
     *       cluster; the gateway routers are not modelled, so it is not simulated. Between workloads nothing needs
     *       announcing: IP and MAC are kept and OVN moved the logical port, which forwards by declaration.</li>
     *   <li>Layer3: nobody. ovn-kubernetes migrates VMs only on Layer2 and Localnet networks
     *       ({@code pkg/kubevirt IsPodAllowedForMigration}); here the VM comes up with a new address and the ARP
     *       entries peers hold for the old one stay until they age out.</li>
     * </ul>
     */
    public String gratuitousArpAfterMigration(final String workloadName) {
        final UdnWorkload w = workload(workloadName);
        final UserDefinedNetwork network = networkOf(w);
        if (network.topology() == UdnTopology.LAYER3) {
            return "No gratuitous ARP: ovn-kubernetes live-migrates VMs on Layer2 networks only (pkg/kubevirt "
                    + "IsPodAllowedForMigration); peers' ARP entries for the old address stay until they age out";
        }
        if (network.subnet() == null) {
            return "No gratuitous ARP from OVN: without subnets the network has no gateway to announce; the entries "
                    + "peers hold stay right (same IP and MAC, OVN moved the logical port)";
        }
        return "Gratuitous ARP (not simulated): ovnkube-node on " + w.node() + " broadcasts "
                + Ipv4Address.format(addressing(network).gateway(w.node())) + " is-at " + w.node()
                + "'s gateway router MAC, for the VM's traffic out of the cluster (pkg/kubevirt "
                + "ReconcileIPv4AfterLiveMigration); peers need none (same IP and MAC, OVN moved the logical port)";
    }

    /**
     * After a migration: {@code from} pings {@code address}, for instance the address a workload held before it
     * moved. With {@code staleMac} (not 0) {@code from}'s ARP cache still maps the address to that MAC, as a
     * guest's cache does until the entry ages out (Linux: reachable 30 s, then probes; nobody sends a gratuitous
     * ARP for the old address, see {@code src/docs/forwarding-rules.md} section 13); with 0 it starts cold and
     * must ARP. The trace shows where and why the packet dies: a unicast to a MAC no logical port declares
     * anymore, or an ARP request OVN answers for nobody. Its destination reads as the address.
     */
    @Override
    public Trace traceToAddress(final String from, final int address, final long staleMac,
                                final FrameObserver observer) {
        final Topology topology = compile();
        final int source = Network.endpoint(topology, from);
        final Simulator sim = new Simulator(topology);
        if (staleMac != 0) {                    // the ARP reply the sender had before the move, replayed unrecorded
            final TrafficSource guest = topology.endpoint(source);
            final Frame reply = Packets.arpReply(new Frame(), staleMac, address, guest.mac(), guest.ip());
            sim.inject(source, Endpoint.NIC, reply.bytes(), reply.start(), reply.length());
            sim.run();
            sim.advance(WARM_GAP_NS);
        }
        final StepLog log = new StepLog();
        sim.record(log);
        sim.observe(observer);
        if (observer != null) {
            observer.expectSteps();
        }
        final int packet = sim.ping(source, address, 1);
        sim.run();
        sim.record(null);
        sim.observe(null);
        final TraceBuilder builder = new TraceBuilder(topology, log);
        final Trace t = builder.build(name, "ICMP", packet, source, ownerOr(topology, address, source));
        if (observer != null) {
            observer.onSteps(builder.documentStepOfEvent());
        }
        final String to = Ipv4Address.format(address);
        return new Trace(t.scenario(), t.from(), to, t.protocol(), t.outcome(), t.drop(),
                addressed(t.documentPath(), t.from(), to), addressed(t.fullPath(), t.from(), to),
                addressed(t.events(), t.from(), to), t.cause(), t.drops());
    }

    /** Steps built with the sender as stand-in destination, relabelled with the address pinged. */
    private static List<Step> addressed(final List<Step> steps, final String from, final String to) {
        final List<Step> result = new ArrayList<>(steps.size());
        for (final Step s : steps) {
            result.add(!s.destination().equals(from) ? s : new Step(s.step(), s.source(), to, s.device(),
                    s.iface(), s.direction(), s.tagged(), s.vlan(), s.vlanOut(), s.srcMac(), s.dstMac(), s.srcIp(),
                    s.dstIp(), s.ttl(), s.etherType(), s.action(), s.dropReason(), s.note(), s.timeNs()));
        }
        return result;
    }

    /** {@link #traceToAddress} without a capture. */
    public Trace traceToFormerAddress(final String from, final int address, final long staleMac) {
        return traceToAddress(from, address, staleMac, null);
    }

    /** The endpoint with {@code ip} in {@code topology}, else {@code otherwise}. */
    private static int ownerOr(final Topology topology, final int ip, final int otherwise) {
        for (final int index : topology.endpointIds().values()) {
            if (topology.endpoint(index).ip() == ip) {
                return index;
            }
        }
        return otherwise;
    }

    /**
     * The cluster as a topology: per node its OVN switches, routers and Geneve underlay, per workload its pod
     * interface ({@link UdnCompiler}).
     *
     * @return a new topology each call
     */
    @Override
    public Topology compile() {
        return new UdnCompiler(this).compile();
    }

    /** The cluster as a network that what-if changes ({@code move WORKLOAD to NODE}) can edit. */
    public Network network() {
        return new Network(this);
    }
}

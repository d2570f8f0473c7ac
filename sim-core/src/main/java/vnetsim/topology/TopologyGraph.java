package vnetsim.topology;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.cycle.QueueBFSFundamentalCycleBasis;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import vnetsim.device.Device;
import vnetsim.device.Role;

/**
 * The JGraphT view of a {@link Topology} for analyses (never walked per frame): one vertex per device, one edge
 * per link. Used to find L2 cycles (bridges and switches with STP off forward around them forever) and which
 * devices can reach each other at all.
 */
public final class TopologyGraph {
    private final Topology topology;
    private final Graph<Integer, DefaultEdge> graph;

    /**
     * Builds the graph of a topology: a vertex per device index, an edge per link that is up (parallel links and
     * self-loops kept).
     *
     * @param topology the topology to view; it is read once, not kept in sync
     */
    public TopologyGraph(final Topology topology) {
        this.topology = topology;
        this.graph = GraphTypeBuilder.<Integer, DefaultEdge>undirected()
                .allowingMultipleEdges(true).allowingSelfLoops(true)
                .edgeClass(DefaultEdge.class).buildGraph();
        for (int d = 0; d < topology.deviceCount(); d++) {
            graph.addVertex(d);
        }
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (int p = 0; p < topology.device(d).portCount(); p++) {
                final int peer = topology.peerDevice(d, p);
                if (peer > d || (peer == d && topology.peerPort(d, p) > p)) {
                    if (topology.isLinkUp(d, p)) {
                        graph.addEdge(d, peer);
                    }
                }
            }
        }
    }

    /**
     * Cycles made only of L2 forwarding devices and the links between them: each is a place a broadcast
     * circulates with STP off. Names are "host/interface" of the devices on the cycle. Parallel links (two cables
     * between the same two bridges) make a cycle too (a fundamental cycle basis, which accepts multigraphs).
     *
     * @return one list per cycle of the basis, each the "host/interface" names of its devices; empty when the L2
     *     part of the topology is a forest
     */
    public List<List<String>> layer2Cycles() {
        final List<List<String>> result = new ArrayList<>();
        for (final GraphPath<Integer, DefaultEdge> cycle
                : new QueueBFSFundamentalCycleBasis<>(graph).getCycleBasis().getCyclesAsGraphPaths()) {
            final List<Integer> vertices = cycle.getVertexList();
            final List<String> names = new ArrayList<>();
            boolean allLayer2 = true;
            for (int i = 0; i < vertices.size(); i++) {
                if (i == vertices.size() - 1 && vertices.get(i).equals(vertices.get(0))) {
                    break;                                        // a closed walk names its start once
                }
                final Device device = topology.device(vertices.get(i));
                allLayer2 &= device.role() == Role.L2_SWITCHING || device.role() == Role.KERNEL_PLUMBING;
                names.add(device.host() + "/" + device.interfaceName(0));
            }
            if (allLayer2) {
                result.add(names);
            }
        }
        return result;
    }
}

package vnetsim.folder.layer1;

import java.util.List;
import vnetsim.folder.Location;

/** {@code layer1_topology.json}: physical cables, in Batfish's layer-1 topology format. */
public record Layer1Topology(List<Edge> edges) {
    public Layer1Topology {
        edges = List.copyOf(edges);
    }

    /** One end of a cable: a device's hostname and an interface name as that device spells it. */
    public record End(String hostname, String interfaceName) {
        @Override
        public String toString() {
            return hostname + "/" + interfaceName;
        }
    }

    /** A cable between two ends. */
    public record Edge(End node1, End node2, Location at) {
    }
}

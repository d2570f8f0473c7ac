package vnetsim.scenario;

import vnetsim.analysis.Network;
import vnetsim.topology.Topology;

/** A built-in network from a design document: a name, what it reproduces, and how to build it. */
public interface Scenario {
    /** The name users type: "acp-virtualization". */
    String name();

    /** One line: which document and what it shows. */
    String description();

    /** Builds a fresh topology, caches empty. */
    Topology build();

    default Network network() {
        return new Network(name(), this::build);
    }
}

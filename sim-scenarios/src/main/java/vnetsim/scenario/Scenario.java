package vnetsim.scenario;

import vnetsim.analysis.Network;
import vnetsim.network.NetworkSpec;
import vnetsim.topology.Topology;

/** A built-in network from a design document: a name, what it reproduces, and its description by name. */
public interface Scenario {
    /**
     * The name users type: "acp-virtualization".
     *
     * @return the name, lower case with dashes
     */
    String name();

    /**
     * One line: which document and what it shows.
     *
     * @return the description {@code vnetsim scenarios} lists
     */
    String description();

    /**
     * The network by name: an immutable value to inspect, change (what-if) and compile.
     *
     * @return the description; each call may build it anew
     */
    NetworkSpec spec();

    /**
     * Builds a fresh topology, caches empty.
     *
     * @return a topology no simulation has run on
     */
    default Topology build() {
        return spec().compile();
    }

    /**
     * The network to trace: its spec compiled afresh for every trace, so no trace sees another's learned state.
     *
     * @return the network, named {@link #name()}
     */
    default Network network() {
        return spec().network();
    }
}

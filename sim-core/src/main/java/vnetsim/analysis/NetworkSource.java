package vnetsim.analysis;

import vnetsim.topology.Topology;

/**
 * What a {@link Network} is compiled from, when it is described by name (the builder's {@code NetworkSpec}):
 * what-if {@link Change}s edit a copy of it and compile the copy.
 */
public interface NetworkSource {
    /**
     * The network's name.
     *
     * @return the name traces show
     */
    String name();

    /**
     * A fresh topology, caches empty.
     * @throws IllegalArgumentException when the description cannot be real (naming what)
     * @return a topology no simulation has run on
     */
    Topology compile();
}

/**
 * The wiring: a {@link vnetsim.topology.TopologyBuilder} collects devices and links and compiles them into a
 * {@link vnetsim.topology.Topology} of flat arrays (port to peer port) the engine indexes per frame, plus the
 * names people use. {@link vnetsim.topology.TopologyGraph} is the JGraphT view for analyses.
 */
package vnetsim.topology;

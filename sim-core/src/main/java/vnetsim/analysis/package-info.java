/**
 * Questions users ask of a network: {@link vnetsim.analysis.Network} traces a {@link vnetsim.analysis.Flow} warm
 * or cold on a fresh topology and returns a {@link vnetsim.trace.Trace}; what-if changes build on it.
 */
package vnetsim.analysis;

/**
 * Turns what a network folder says into what it becomes: per node its merged policies, per switch its cabled
 * ports, the cables and the workloads ({@link vnetsim.folder.compile.NetworkPlan}), then the topology. Every
 * inconsistency between files is an error naming file and line.
 */
package vnetsim.folder.compile;

/**
 * What-if analysis: changes a network engineer makes (a VLAN removed from a trunk, a port shut, a workload moved,
 * an ACL rule added), written as one line each ({@link vnetsim.whatif.ChangeParser}), applied to a copy of a
 * network described by name ({@link vnetsim.network.NetworkSpec}) and compared by reachability
 * ({@link vnetsim.analysis.Reachability#diff}); and intents a network must keep ({@link vnetsim.whatif.Intent}, read from YAML by the CLI).
 */
package vnetsim.whatif;

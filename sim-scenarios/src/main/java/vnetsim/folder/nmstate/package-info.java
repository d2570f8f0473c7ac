/**
 * Reads a network folder's nmstate NodeNetworkConfigurationPolicies (kubernetes-nmstate) and merges the policies
 * that select each node into its interfaces: NICs, VLAN subinterfaces and Linux bridges with their port VLANs.
 */
package vnetsim.folder.nmstate;

/**
 * Reading the vSphere side of a network folder, {@code vsphere/*.yaml}: ESXi hosts, their vSwitches and port groups
 * with the field names {@code govc host.portgroup.info -json} prints, and the node VMs' vNICs; errors name file
 * and line.
 */
package vnetsim.vsphere;

/**
 * The vSphere side of a network: ESXi hosts, their vSwitches and port groups read from {@code vsphere/*.yaml}
 * with the field names {@code govc host.portgroup.info -json} prints, the node VMs' vNICs, DHCP servers, and the
 * {@code vsphere-nested-lab} network of seed 002 built on them, with its what-if settings
 * ({@code --set PORTGROUP.FIELD=VALUE}).
 */
package vnetsim.vsphere;

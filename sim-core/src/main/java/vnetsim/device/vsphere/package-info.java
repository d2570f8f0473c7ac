/**
 * The configuration of a VMware vSphere vSwitch ({@link vnetsim.device.VSwitch}): port groups, their VLAN policy
 * (VLAN ID 0, 1-4094, 4095, a distributed trunk range) and security policy (Promiscuous mode, MAC address changes,
 * Forged transmits), with the vSphere API's names. Rules and sources: {@code src/docs/forwarding-rules.md}
 * section 11.
 */
package vnetsim.device.vsphere;

/**
 * Reads an NX-OS running-config as the switch applies it, line by line: VLANs, switchport modes, trunk allowed
 * and native VLANs, SVIs, with NX-OS's interface-name abbreviations.
 */
package vnetsim.folder.nxos;

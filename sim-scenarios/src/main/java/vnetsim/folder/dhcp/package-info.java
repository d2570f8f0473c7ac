/** {@code dhcp/*.yaml} of a network folder: DHCPv4 servers, written with ISC Kea's field names. */
package vnetsim.folder.dhcp;

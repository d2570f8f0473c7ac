/**
 * Reads a network folder's {@code firewalls/*.yaml}: the routing firewall's uplink, routed subinterfaces and ACL
 * (format in {@code src/networks/README.md}).
 */
package vnetsim.folder.firewall;

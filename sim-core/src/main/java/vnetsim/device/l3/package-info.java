/**
 * What an IPv4 router needs beyond its ports: routed interfaces, static routes, ACL rules and a neighbour (ARP)
 * table with the pending queue Linux keeps while a neighbour is unresolved. Rules and sources:
 * {@code src/docs/forwarding-rules.md}.
 */
package vnetsim.device.l3;

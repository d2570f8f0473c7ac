/**
 * The L2 vocabulary Linux bridges and switches share: VLAN sets, a port's VLAN membership, PVID/native VLAN and
 * untagged set ({@link vnetsim.device.l2.PortVlans}), the MAC table, and the egress check serving unicast and flood
 * alike ({@link vnetsim.device.l2.L2Forwarding}). Rules and sources: {@code src/docs/forwarding-rules.md}.
 */
package vnetsim.device.l2;

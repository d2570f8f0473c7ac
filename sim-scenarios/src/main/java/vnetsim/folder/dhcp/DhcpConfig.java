package vnetsim.folder.dhcp;

import vnetsim.folder.Location;

/**
 * A DHCPv4 server of a network folder ({@code dhcp/*.yaml}): its interface and one subnet it serves.
 *
 * @param name         the server's device name
 * @param iface        its interface ("eth0"), the end of a cable in layer1_topology.json
 * @param mac          the interface's MAC
 * @param ip           the interface's address
 * @param prefixLength the subnet's prefix length (1-30): the subnet mask option it offers
 * @param poolFirst    the first address it leases
 * @param poolLast     the last address it leases (inclusive)
 * @param router       the router option (3), or 0 for none
 * @param leaseSeconds the lease time option (51), in seconds
 * @param at           where the server is defined
 */
public record DhcpConfig(String name, String iface, long mac, int ip, int prefixLength, int poolFirst, int poolLast,
                         int router, int leaseSeconds, Location at) {
}

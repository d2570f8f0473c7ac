package vnetsim.device;

/**
 * A device that originates traffic: an IP host with a MAC, an address, a prefix and a default gateway. The engine
 * starts flows through this interface and never casts to a concrete device class.
 */
public interface TrafficSource {
    /**
     * Sends one ICMP echo request (56 data bytes, like ping); returns the packet id the trace follows.
     *
     * @param identifier the ICMP echo identifier, 0-65535
     * @param sequence the ICMP echo sequence number, 0-65535
     */
    int ping(int destination, int identifier, int sequence, Egress out);

    /**
     * Sends one UDP datagram; returns its packet id.
     *
     * @param payloadBytes UDP data bytes (0 to the MTU less 28)
     * @param sourcePort 0-65535
     * @param destinationPort 0-65535
     */
    int sendUdp(int destination, int sourcePort, int destinationPort, int payloadBytes, Egress out);

    /** Sends an ARP request for {@code target}, as arping does (whatever the subnet); returns its packet id. */
    int arping(int target, Egress out);

    /**
     * Runs a DHCPv4 client on the interface (RFC 2131): sends DHCPDISCOVER and follows the exchange; once bound,
     * {@link #ip()}, {@link #prefixLength()} and {@link #gateway()} are the lease's. Returns the first
     * DHCPDISCOVER's packet id.
     */
    int startDhcp(Egress out);

    /** The source's MAC, 48 bits in a long. */
    long mac();

    /** The source's IPv4 address now (a DHCP lease's once bound; 0.0.0.0 before). */
    int ip();

    /** The prefix length of the source's subnet, 0-32. */
    int prefixLength();

    /** The default gateway's IPv4 address, where off-subnet packets go; 0 when there is none. */
    int gateway();
}

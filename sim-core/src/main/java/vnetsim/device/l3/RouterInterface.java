package vnetsim.device.l3;

import vnetsim.frame.Ipv4Address;

/**
 * One routed interface of a router: the port and VLAN it is bound to and its gateway address, which is also its
 * connected route. A subinterface of a trunk port has a VID; a routed port without VLANs has {@link #UNTAGGED}.
 *
 * @param name         e.g. "Uplink 1.2003"
 * @param vid          the 802.1Q VLAN it sends and receives on
 * @param ip           gateway address (172.16.4.1)
 * @param prefixLength connected prefix (24)
 * @param mtu          IP MTU in bytes
 * @param port         the router port it is on (0 for a router-on-a-stick's only uplink)
 */
public record RouterInterface(String name, int vid, int ip, int prefixLength, int mtu, int port) {
    /** {@link #vid()} of an interface that sends and receives untagged frames (a routed port). */
    public static final int UNTAGGED = 0;

    /**
     * A subinterface on the router's first port (port 0).
     *
     * @param vid the VLAN ID, 1-4094, or {@link #UNTAGGED}
     * @param prefixLength 0-32
     * @param mtu IP MTU in bytes
     */
    public RouterInterface(final String name, final int vid, final int ip, final int prefixLength, final int mtu) {
        this(name, vid, ip, prefixLength, mtu, 0);
    }

    /** Whether it is a subinterface (tagged) rather than a routed port's untagged interface. */
    public boolean isTagged() {
        return vid != UNTAGGED;
    }

    /** Whether {@code address} is on its connected subnet. */
    public boolean isConnected(final int address) {
        return Ipv4Address.sameSubnet(address, ip, prefixLength);
    }

    /** Its connected subnet, {@code "172.16.4.0/24"}. */
    public String subnet() {
        return Ipv4Address.format(ip & Ipv4Address.mask(prefixLength)) + "/" + prefixLength;
    }
}

package vnetsim.device.l3;

import vnetsim.frame.Ipv4Address;

/**
 * One routed subinterface of a router-on-a-stick: the VLAN it is bound to and its gateway address, which is
 * also its connected route.
 *
 * @param name         e.g. "Uplink 1.2003"
 * @param vid          the 802.1Q VLAN it sends and receives on
 * @param ip           gateway address (172.16.4.1)
 * @param prefixLength connected prefix (24)
 * @param mtu          IP MTU
 */
public record RouterInterface(String name, int vid, int ip, int prefixLength, int mtu) {
    public boolean isConnected(final int address) {
        return Ipv4Address.sameSubnet(address, ip, prefixLength);
    }

    public String subnet() {
        return Ipv4Address.format(ip & Ipv4Address.mask(prefixLength)) + "/" + prefixLength;
    }
}

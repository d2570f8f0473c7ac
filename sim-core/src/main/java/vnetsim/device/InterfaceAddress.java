package vnetsim.device;

import vnetsim.frame.Ipv4Address;

/**
 * An IPv4 address configured on one of a device's interfaces, with its prefix (its connected subnet).
 *
 * @param interfaceName the interface that holds it ("vmnic1", "Uplink 1.2003")
 * @param ip            the address as an int
 * @param prefixLength  0-32
 */
public record InterfaceAddress(String interfaceName, int ip, int prefixLength) {
    /** Whether {@code address} is in this interface's connected subnet. */
    public boolean isConnected(final int address) {
        return Ipv4Address.sameSubnet(address, ip, prefixLength);
    }

    /** The connected subnet, "172.16.4.0/24". */
    public String subnet() {
        return Ipv4Address.format(ip & Ipv4Address.mask(prefixLength)) + "/" + prefixLength;
    }
}

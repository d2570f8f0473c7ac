package vnetsim.network;

import vnetsim.frame.Ipv4Address;

/**
 * An IPv4 interface address with its prefix length, as {@code ip addr} and nmstate write it:
 * {@code 192.168.28.10/24}.
 *
 * @param ip           the address
 * @param prefixLength 0-32
 */
public record Cidr(int ip, int prefixLength) {
    /**
     * Checks the prefix length.
     * @throws IllegalArgumentException when it is not 0-32
     */
    public Cidr {
        Ipv4Address.mask(prefixLength);                    // validates 0-32
    }

    /**
     * Parses {@code A.B.C.D/P}.
     * @throws IllegalArgumentException naming the text when it is not an address with a prefix length
     */
    public static Cidr parse(final String text) {
        final String t = text.trim();
        final int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' needs a prefix length, e.g. " + t + "/24");
        }
        try {
            return new Cidr(Ipv4Address.parse(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address/prefix (A.B.C.D/0-32)", e);
        }
    }

    /** The network address (host bits cleared). */
    public int network() {
        return ip & Ipv4Address.mask(prefixLength);
    }

    /** Whether {@code address} is on this subnet. */
    public boolean contains(final int address) {
        return Ipv4Address.sameSubnet(address, ip, prefixLength);
    }

    /** The subnet, {@code 192.168.28.0/24}. */
    public String subnet() {
        return Ipv4Address.format(network()) + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return Ipv4Address.format(ip) + "/" + prefixLength;
    }
}

package vnetsim.device.l3;

import vnetsim.frame.Ipv4Address;

/**
 * A static route, as {@code ip route add PREFIX/LENGTH via GATEWAY} writes it: packets for the prefix go to the
 * gateway, which must be on a connected subnet (the kernel refuses "Nexthop has invalid gateway" otherwise). A
 * default route is {@code 0.0.0.0/0}.
 *
 * @param prefix  network address (host bits are cleared)
 * @param length  prefix length, 0-32
 * @param gateway next hop IPv4 address
 */
public record StaticRoute(int prefix, int length, int gateway) {
    /** Checks the prefix length and clears the host bits of the prefix. */
    public StaticRoute {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32: " + length);
        }
        prefix &= Ipv4Address.mask(length);
    }

    /** The default route via {@code gateway}. */
    public static StaticRoute defaultVia(final int gateway) {
        return new StaticRoute(0, 0, gateway);
    }

    /** Whether {@code destination} is within the prefix. */
    public boolean matches(final int destination) {
        return Ipv4Address.sameSubnet(destination, prefix, length);
    }

    @Override
    public String toString() {
        return (length == 0 ? "default" : Ipv4Address.format(prefix) + "/" + length) + " via "
                + Ipv4Address.format(gateway);
    }
}

package vnetsim.frame;

/** IPv4 addresses as {@code int}s on the data path; parsing, printing and prefix arithmetic at the edges. */
public final class Ipv4Address {
    private Ipv4Address() {
    }

    /**
     * Parses dotted-quad text.
     *
     * @param text {@code A.B.C.D}, each octet 0-255 (surrounding blanks allowed)
     * @return the address as an int, first octet in the high byte
     * @throws IllegalArgumentException naming the text when it is not an IPv4 address
     */
    public static int parse(final String text) {
        final String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
        }
        int ip = 0;
        for (final String part : parts) {
            final int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + text + "'", e);
            }
            if (octet < 0 || octet > 255 || part.isEmpty()) {
                throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
            }
            ip = (ip << 8) | octet;
        }
        return ip;
    }

    /**
     * Prints an address as dotted-quad text.
     *
     * @param ip the address as an int, first octet in the high byte
     * @return {@code A.B.C.D}
     */
    public static String format(final int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }

    /**
     * The netmask of a prefix length.
     *
     * @param prefixLength 0-32
     * @return the mask as an int ({@code /24} is {@code 0xffffff00})
     * @throws IllegalArgumentException when the length is outside 0-32
     */
    public static int mask(final int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32: " + prefixLength);
        }
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /**
     * Whether two addresses are in one subnet, as a host decides whether a destination is on-link.
     *
     * @param a            an address
     * @param b            another address
     * @param prefixLength the subnet's prefix length, 0-32
     * @return true when both addresses agree in the first {@code prefixLength} bits
     */
    public static boolean sameSubnet(final int a, final int b, final int prefixLength) {
        final int mask = mask(prefixLength);
        return (a & mask) == (b & mask);
    }
}

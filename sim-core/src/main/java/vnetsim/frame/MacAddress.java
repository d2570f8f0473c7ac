package vnetsim.frame;

/**
 * MAC addresses as 48-bit {@code long}s on the data path; this class parses and prints them at the edges
 * (configs, traces shown to people).
 */
public final class MacAddress {
    /** The broadcast MAC ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xffff_ffff_ffffL;
    /** The all-zero MAC (not yet resolved). */
    public static final long ZERO = 0L;

    private MacAddress() {
    }

    /** Parses "52:54:00:00:04:0a" (also '-' separated). */
    public static long parse(final String text) {
        final String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address (six hex octets expected): '" + text + "'");
        }
        long mac = 0;
        for (final String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("not a MAC address: '" + text + "'");
            }
            try {
                mac = (mac << 8) | Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MAC address: '" + text + "'", e);
            }
        }
        return mac;
    }

    /** Formats a MAC as six lower-case hex pairs separated by colons. */
    public static String format(final long mac) {
        final StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            final int octet = (int) (mac >>> shift) & 0xff;
            sb.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    /** Group bit (I/G) set: broadcast or multicast. */
    public static boolean isMulticast(final long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    /** Whether {@code mac} is the broadcast address. */
    public static boolean isBroadcast(final long mac) {
        return mac == BROADCAST;
    }

    /** A valid source: not multicast and not all-zero (the kernel's is_valid_ether_addr). */
    public static boolean isValidSource(final long mac) {
        return mac != ZERO && !isMulticast(mac);
    }

    /** 01:80:c2:00:00:0X, the IEEE 802.1D reserved group addresses (is_link_local_ether_addr). */
    public static boolean isLinkLocal(final long mac) {
        return (mac & ~0xfL) == 0x0180_c200_0000L;
    }
}

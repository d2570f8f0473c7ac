package vnetsim.device.l3;

import vnetsim.frame.Ipv4Address;

/**
 * One ordered ACL entry: permit or deny by source prefix, destination prefix and IP protocol. The first rule
 * that matches decides; a packet no rule matches is permitted (the firewall's default in this model).
 *
 * @param permit      true for permit, false for deny
 * @param source      source network address
 * @param sourceLength source prefix length (0 = any)
 * @param destination destination network address
 * @param destinationLength destination prefix length (0 = any)
 * @param protocol    IP protocol number, or {@link #ANY_PROTOCOL}
 * @param text        the rule as the user wrote it, for notes
 */
public record AclRule(boolean permit, int source, int sourceLength, int destination, int destinationLength,
                      int protocol, String text) {
    /** {@link #protocol()} of a rule that matches every IP protocol (written "ip" or left out). */
    public static final int ANY_PROTOCOL = -1;

    /**
     * Whether a packet falls under this rule (permit or deny): both addresses in the rule's prefixes and the protocol
     * equal (or any).
     *
     * @param src the packet's source IPv4 address
     * @param dst its destination IPv4 address
     * @param proto its IP protocol number, 0-255 (1 ICMP, 6 TCP, 17 UDP)
     */
    public boolean matches(final int src, final int dst, final int proto) {
        return Ipv4Address.sameSubnet(src, source, sourceLength)
                && Ipv4Address.sameSubnet(dst, destination, destinationLength)
                && (protocol == ANY_PROTOCOL || protocol == proto);
    }

    /** Parses "deny 172.16.4.0/24 172.16.5.0/24 icmp" (also "any", protocol "ip"/"tcp"/"udp"/number). */
    public static AclRule parse(final String text) {
        final String[] w = text.trim().split("\\s+");
        if (w.length < 3 || w.length > 4 || !(w[0].equals("permit") || w[0].equals("deny"))) {
            throw new IllegalArgumentException("ACL rule '" + text + "': expected 'permit|deny SRC DST [PROTOCOL]'");
        }
        final int[] src = prefix(w[1], text);
        final int[] dst = prefix(w[2], text);
        final int proto = w.length == 4 ? protocol(w[3], text) : ANY_PROTOCOL;
        return new AclRule(w[0].equals("permit"), src[0], src[1], dst[0], dst[1], proto, text.trim());
    }

    private static int[] prefix(final String p, final String text) {
        if (p.equals("any")) {
            return new int[] {0, 0};
        }
        final String[] parts = p.split("/");
        try {
            final int length = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
            return new int[] {Ipv4Address.parse(parts[0]) & Ipv4Address.mask(length), length};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ACL rule '" + text + "': '" + p + "' is not a prefix", e);
        }
    }

    private static int protocol(final String p, final String text) {
        return switch (p) {
            case "ip", "any" -> ANY_PROTOCOL;
            case "icmp" -> 1;
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> {
                try {
                    yield Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("ACL rule '" + text + "': unknown protocol '" + p + "'", e);
                }
            }
        };
    }
}

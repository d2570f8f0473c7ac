package vnetsim.frame;

/**
 * DHCPv4 messages (RFC 2131) in BOOTP packets (RFC 951), with the options of RFC 2132 this simulator uses:
 * 1 subnet mask, 3 router, 50 requested IP address, 51 lease time, 53 message type, 54 server identifier,
 * 55 parameter request list, 255 end. Written as a client or server writes them: Ethernet, IPv4 (no DF), UDP
 * 68/67 with a real checksum, the fixed BOOTP fields, the magic cookie 99.130.83.99, options, and padding to the
 * 300-byte BOOTP minimum (RFC 1542 section 3.1.1), so Wireshark's "DHCP" dissector decodes every field.
 *
 * <p>Reads are bounded by the frame: a field beyond the packet reads as absent.
 */
public final class Dhcp {
    /** UDP port of the DHCP client (RFC 2131). */
    public static final int CLIENT_PORT = 68;
    /** UDP port of the DHCP server (RFC 2131). */
    public static final int SERVER_PORT = 67;

    /** DHCP message type (option 53): DHCPDISCOVER. */
    public static final int DISCOVER = 1;
    /** DHCP message type: DHCPOFFER. */
    public static final int OFFER = 2;
    /** DHCP message type: DHCPREQUEST. */
    public static final int REQUEST = 3;
    /** DHCP message type: DHCPDECLINE. */
    public static final int DECLINE = 4;
    /** DHCP message type: DHCPACK. */
    public static final int ACK = 5;
    /** DHCP message type: DHCPNAK. */
    public static final int NAK = 6;
    /** DHCP message type: DHCPRELEASE. */
    public static final int RELEASE = 7;

    /** BOOTP op: a client's message. */
    public static final int BOOTREQUEST = 1;
    /** BOOTP op: a server's message. */
    public static final int BOOTREPLY = 2;
    /** The flags bit asking the server to broadcast its reply (RFC 2131 section 2, figure 2). */
    public static final int FLAG_BROADCAST = 0x8000;

    static final int OPTION_MASK = 1;
    static final int OPTION_ROUTER = 3;
    static final int OPTION_REQUESTED_IP = 50;
    static final int OPTION_LEASE_TIME = 51;
    static final int OPTION_MESSAGE_TYPE = 53;
    static final int OPTION_SERVER_ID = 54;
    static final int OPTION_PARAMETERS = 55;
    static final int OPTION_END = 255;
    static final int OPTION_PAD = 0;

    private static final int XID = 4;
    private static final int FLAGS = 10;
    private static final int CIADDR = 12;
    private static final int YIADDR = 16;
    private static final int SIADDR = 20;
    private static final int CHADDR = 28;
    private static final int COOKIE = 236;
    private static final int OPTIONS = 240;
    private static final int MAGIC_COOKIE = 0x63825363;
    private static final int BOOTP_MINIMUM = 300;

    private Dhcp() {
    }

    /**
     * One DHCP message's content. Addresses are IPv4 as int; 0 means "not set" for an option (it is left out).
     *
     * @param type         DHCP message type (option 53)
     * @param xid          transaction ID the client chose
     * @param broadcast    the client asks for broadcast replies
     * @param ciaddr       client IP address (RENEWING, BOUND)
     * @param yiaddr       "your" address: what the server offers or acknowledges
     * @param siaddr       next server (left 0: no boot server)
     * @param chaddr       client hardware address
     * @param serverId     option 54
     * @param requestedIp  option 50
     * @param leaseSeconds option 51 (0: left out)
     * @param mask         option 1 (0: left out)
     * @param router       option 3 (0: left out)
     */
    public record Message(int type, int xid, boolean broadcast, int ciaddr, int yiaddr, int siaddr, long chaddr,
                          int serverId, int requestedIp, int leaseSeconds, int mask, int router) {
        /** Whether a client sent the message (BOOTREQUEST) rather than a server (BOOTREPLY). */
        public boolean fromClient() {
            return type == DISCOVER || type == REQUEST || type == DECLINE || type == RELEASE;
        }
    }

    /** "DHCPDISCOVER", "DHCPOFFER", ... (RFC 2131 names); "DHCP type N" for others. */
    public static String typeName(final int type) {
        return switch (type) {
            case DISCOVER -> "DHCPDISCOVER";
            case OFFER -> "DHCPOFFER";
            case REQUEST -> "DHCPREQUEST";
            case DECLINE -> "DHCPDECLINE";
            case ACK -> "DHCPACK";
            case NAK -> "DHCPNAK";
            case RELEASE -> "DHCPRELEASE";
            default -> "DHCP type " + type;
        };
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /**
     * Writes a complete untagged frame carrying {@code m}: UDP 68 -> 67 for a client's message, 67 -> 68 for a
     * server's, TTL 64 (ISC dhclient and dhcpd use the system default), no DF.
     */
    public static Frame write(final Frame f, final long srcMac, final long dstMac, final int srcIp, final int dstIp,
                              final Message m, final int ipIdentification) {
        f.clear();
        final byte[] b = f.bytes();
        final int s = f.start();
        Bytes.mac(b, s, dstMac);
        Bytes.mac(b, s + Ethernet.SOURCE_OFFSET, srcMac);
        Bytes.u16(b, s + Ethernet.TYPE_OFFSET, EtherType.IPV4);
        final int ip = s + Ethernet.HEADER_LENGTH;
        final int udp = ip + Ipv4.HEADER_LENGTH;
        final int d = udp + Udp.HEADER_LENGTH;
        final int bootpLength = bootp(b, d, m);
        final int udpLength = Udp.HEADER_LENGTH + bootpLength;
        Bytes.u16(b, udp, m.fromClient() ? CLIENT_PORT : SERVER_PORT);
        Bytes.u16(b, udp + 2, m.fromClient() ? SERVER_PORT : CLIENT_PORT);
        Bytes.u16(b, udp + 4, udpLength);
        Bytes.u16(b, udp + 6, 0);
        Ipv4.writeHeader(b, ip, udpLength, ipIdentification, false, Ipv4.DEFAULT_TTL, Ipv4.PROTOCOL_UDP, srcIp,
                dstIp);
        final int checksum = ~Udp.sum(b, ip, udp, udpLength) & 0xffff;
        Bytes.u16(b, udp + 6, checksum == 0 ? 0xffff : checksum);
        f.setLength(Ethernet.HEADER_LENGTH + Ipv4.HEADER_LENGTH + udpLength);
        f.padToMinimum();
        return f;
    }

    /** The BOOTP message with its options; returns its length (at least 300 bytes). */
    private static int bootp(final byte[] b, final int d, final Message m) {
        for (int i = 0; i < OPTIONS; i++) {
            b[d + i] = 0;
        }
        b[d] = (byte) (m.fromClient() ? BOOTREQUEST : BOOTREPLY);
        b[d + 1] = 1;                              // htype: Ethernet
        b[d + 2] = 6;                              // hlen
        Bytes.i32(b, d + XID, m.xid());
        Bytes.u16(b, d + FLAGS, m.broadcast() ? FLAG_BROADCAST : 0);
        Bytes.i32(b, d + CIADDR, m.ciaddr());
        Bytes.i32(b, d + YIADDR, m.yiaddr());
        Bytes.i32(b, d + SIADDR, m.siaddr());
        Bytes.mac(b, d + CHADDR, m.chaddr());
        Bytes.i32(b, d + COOKIE, MAGIC_COOKIE);
        int o = d + OPTIONS;
        b[o++] = (byte) OPTION_MESSAGE_TYPE;
        b[o++] = 1;
        b[o++] = (byte) m.type();
        o = address(b, o, OPTION_SERVER_ID, m.serverId());
        o = address(b, o, OPTION_REQUESTED_IP, m.requestedIp());
        o = address(b, o, OPTION_LEASE_TIME, m.leaseSeconds());
        o = address(b, o, OPTION_MASK, m.mask());
        o = address(b, o, OPTION_ROUTER, m.router());
        if (m.fromClient() && m.type() != RELEASE) {
            b[o++] = (byte) OPTION_PARAMETERS;       // what dhclient asks for, in its order (subset)
            b[o++] = 4;
            b[o++] = (byte) OPTION_MASK;
            b[o++] = (byte) OPTION_ROUTER;
            b[o++] = (byte) OPTION_LEASE_TIME;
            b[o++] = (byte) OPTION_SERVER_ID;
        }
        b[o++] = (byte) OPTION_END;
        while (o - d < BOOTP_MINIMUM) {
            b[o++] = OPTION_PAD;
        }
        return o - d;
    }

    private static int address(final byte[] b, final int o, final int code, final int value) {
        if (value == 0) {
            return o;
        }
        b[o] = (byte) code;
        b[o + 1] = 4;
        Bytes.i32(b, o + 2, value);
        return o + 6;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The offset of the BOOTP message if {@code frame} is an untagged IPv4/UDP datagram to {@code port} with a
     * complete BOOTP header and the DHCP magic cookie; -1 otherwise.
     */
    public static int find(final Frame frame, final int port) {
        if (frame.outerType() != EtherType.IPV4) {
            return -1;
        }
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        if (frame.end() - ip < Ipv4.HEADER_LENGTH || !Ipv4.isValidHeader(b, ip, frame.end() - ip)
                || Ipv4.protocol(b, ip) != Ipv4.PROTOCOL_UDP) {
            return -1;
        }
        final int udp = ip + Ipv4.headerLength(b, ip);
        final int d = udp + Udp.HEADER_LENGTH;
        if (d + OPTIONS > frame.end() || Udp.destinationPort(b, udp) != port || Bytes.i32(b, d + COOKIE) != MAGIC_COOKIE) {
            return -1;
        }
        return d;
    }

    /** Reads the message at {@code d} (from {@link #find}); options beyond {@code end} are absent. */
    public static Message read(final byte[] b, final int d, final int end) {
        int type = 0;
        int serverId = 0;
        int requested = 0;
        int lease = 0;
        int mask = 0;
        int router = 0;
        int o = d + OPTIONS;
        while (o < end) {
            final int code = b[o] & 0xff;
            if (code == OPTION_END) {
                break;
            }
            if (code == OPTION_PAD) {
                o++;
                continue;
            }
            if (o + 1 >= end) {
                break;
            }
            final int len = b[o + 1] & 0xff;
            final int v = o + 2;
            if (v + len > end) {
                break;
            }
            if (code == OPTION_MESSAGE_TYPE && len == 1) {
                type = b[v] & 0xff;
            } else if (len == 4) {
                final int value = Bytes.i32(b, v);
                switch (code) {
                    case OPTION_SERVER_ID -> serverId = value;
                    case OPTION_REQUESTED_IP -> requested = value;
                    case OPTION_LEASE_TIME -> lease = value;
                    case OPTION_MASK -> mask = value;
                    case OPTION_ROUTER -> router = value;
                    default -> { }
                }
            } else if (code == OPTION_ROUTER && len >= 4) {
                router = Bytes.i32(b, v);                 // the first router of the list
            }
            o = v + len;
        }
        return new Message(type, Bytes.i32(b, d + XID), (Bytes.u16(b, d + FLAGS) & FLAG_BROADCAST) != 0,
                Bytes.i32(b, d + CIADDR), Bytes.i32(b, d + YIADDR), Bytes.i32(b, d + SIADDR),
                Bytes.mac(b, d + CHADDR), serverId, requested, lease, mask, router);
    }

    /** The message in {@code frame} if it is a DHCP message to {@code port}, else null. */
    public static Message read(final Frame frame, final int port) {
        final int d = find(frame, port);
        return d < 0 ? null : read(frame.bytes(), d, frame.end());
    }
}

package vnetsim.frame;

/**
 * ARP for IPv4 over Ethernet (RFC 826); {@code arp} is the packet's offset ({@link Frame#l3Offset()}).
 * <pre>
 *  0     2     4    5    6     8          14         18         24         28
 *  |HTYPE|PTYPE|HLEN|PLEN|OPER | SHA (6)  | SPA (4)  | THA (6)  | TPA (4)  |
 * </pre>
 */
public final class Arp {
    /** ARP payload length for Ethernet/IPv4 (RFC 826): 28 bytes. */
    public static final int LENGTH = 28;
    /** ARP operation: request. */
    public static final int REQUEST = 1;
    /** ARP operation: reply. */
    public static final int REPLY = 2;

    private Arp() {
    }

    /** The operation ({@link #REQUEST} or {@link #REPLY}) of the ARP payload at offset {@code arp}. */
    public static int operation(final byte[] b, final int arp) {
        return Bytes.u16(b, arp + 6);
    }

    /** The sender hardware address of the ARP payload at offset {@code arp}. */
    public static long senderMac(final byte[] b, final int arp) {
        return Bytes.mac(b, arp + 8);
    }

    /** The sender protocol (IPv4) address of the ARP payload at offset {@code arp}. */
    public static int senderIp(final byte[] b, final int arp) {
        return Bytes.i32(b, arp + 14);
    }

    /** The target hardware address of the ARP payload at offset {@code arp}. */
    public static long targetMac(final byte[] b, final int arp) {
        return Bytes.mac(b, arp + 18);
    }

    /** The target protocol (IPv4) address of the ARP payload at offset {@code arp}. */
    public static int targetIp(final byte[] b, final int arp) {
        return Bytes.i32(b, arp + 24);
    }

    /**
     * Ethernet/IPv4 ARP with the expected lengths, all 28 bytes within the {@code available} bytes the frame
     * holds from {@code arp} on: anything else is not for an IPv4 stack (arp_rcv() drops a short packet).
     */
    public static boolean isEthernetIpv4(final byte[] b, final int arp, final int available) {
        return available >= LENGTH && Bytes.u16(b, arp) == 1 && Bytes.u16(b, arp + 2) == EtherType.IPV4 && b[arp + 4] == 6 && b[arp + 5] == 4;
    }

    static void write(final byte[] b, final int arp, final int operation, final long senderMac, final int senderIp,
                      final long targetMac, final int targetIp) {
        Bytes.u16(b, arp, 1);
        Bytes.u16(b, arp + 2, EtherType.IPV4);
        b[arp + 4] = 6;
        b[arp + 5] = 4;
        Bytes.u16(b, arp + 6, operation);
        Bytes.mac(b, arp + 8, senderMac);
        Bytes.i32(b, arp + 14, senderIp);
        Bytes.mac(b, arp + 18, targetMac);
        Bytes.i32(b, arp + 24, targetIp);
    }
}

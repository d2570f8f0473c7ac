package vnetsim.device;

import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * Test data: real frames built with {@link Packets}, as a host's stack would write them. Addresses are written
 * the way the design documents print them; VIDs are above 255 so byte truncation cannot hide.
 */
public final class Frames {
    public static final int PING_ID = 0x7e57;
    /** ping's default: "56(84) bytes". */
    public static final int PING_DATA = 56;

    private Frames() {
    }

    public static long mac(final String text) {
        return MacAddress.parse(text);
    }

    public static int ip(final String text) {
        return Ipv4Address.parse(text);
    }

    /** Untagged ICMP echo request, TTL 64, 56 data bytes, DF set. */
    public static Frame icmpEcho(final long srcMac, final long dstMac, final int srcIp, final int dstIp) {
        return icmpEcho(srcMac, dstMac, srcIp, dstIp, 64, PING_DATA);
    }

    public static Frame icmpEcho(final long srcMac, final long dstMac, final int srcIp, final int dstIp,
                                 final int ttl, final int dataLength) {
        return Packets.icmpEcho(new Frame(), srcMac, dstMac, srcIp, dstIp, ttl, Icmp.ECHO_REQUEST, PING_ID, 1,
                dataLength, 0x1234);
    }

    /** An untagged echo request whose IPv4 packet (the Ethernet payload) is exactly {@code ipTotalLength} bytes. */
    public static Frame icmpEchoOfIpLength(final long srcMac, final long dstMac, final int ipTotalLength) {
        return icmpEcho(srcMac, dstMac, ip("10.0.0.1"), ip("10.0.0.2"), 64, ipTotalLength - 28);
    }

    /** Pushes an 802.1Q tag (PCP 0) onto the frame and returns it. */
    public static Frame tagged(final Frame frame, final int vid) {
        frame.pushVlanTag(EtherType.VLAN_8021Q, vid);
        return frame;
    }

    public static Frame arpRequest(final long senderMac, final int senderIp, final int targetIp) {
        return Packets.arpRequest(new Frame(), senderMac, senderIp, targetIp);
    }

    public static Frame arpReply(final long senderMac, final int senderIp, final long targetMac, final int targetIp) {
        return Packets.arpReply(new Frame(), senderMac, senderIp, targetMac, targetIp);
    }

    /** A frame of an EtherType nobody here handles, from/to the given MACs (e.g. for pure L2 tests). */
    public static Frame broadcastFrom(final long srcMac) {
        return icmpEcho(srcMac, MacAddress.BROADCAST, ip("10.0.0.1"), ip("10.0.0.255"));
    }
}

package vnetsim.pcap;

import java.io.ByteArrayOutputStream;

/** Hand-built Ethernet frames for the capture tests: no dependency on the code under test. */
final class Frames {

    static final byte[] DST_MAC = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
    static final byte[] SRC_MAC = {0x52, 0x54, 0x00, (byte) 0xab, (byte) 0xcd, (byte) 0xef};

    private Frames() {
    }

    /** Untagged IPv4 ICMP echo request 10.0.3.10 -> 10.0.3.1. */
    static byte[] untaggedIcmpEcho(int ttl) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(DST_MAC);
        f.writeBytes(SRC_MAC);
        u16(f, 0x0800);
        f.writeBytes(ipv4Icmp(ttl));
        return f.toByteArray();
    }

    /** 802.1Q-tagged (PCP 0) IPv4 ICMP echo request; VIDs above 255 catch single-byte truncation. */
    static byte[] taggedIcmpEcho(int vid, int ttl) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(DST_MAC);
        f.writeBytes(SRC_MAC);
        u16(f, 0x8100);
        u16(f, vid & 0x0FFF);
        u16(f, 0x0800);
        f.writeBytes(ipv4Icmp(ttl));
        return f.toByteArray();
    }

    private static byte[] ipv4Icmp(int ttl) {
        byte[] icmp = new byte[8 + 32];
        icmp[0] = 8; // echo request
        icmp[4] = 0x12; // identifier 0x1234
        icmp[5] = 0x34;
        icmp[7] = 1; // sequence 1
        for (int i = 8; i < icmp.length; i++) {
            icmp[i] = (byte) ('a' + (i - 8) % 23);
        }
        putChecksum(icmp, 0, icmp.length, 2);

        byte[] ip = new byte[20 + icmp.length];
        ip[0] = 0x45;
        ip[2] = (byte) (ip.length >> 8);
        ip[3] = (byte) ip.length;
        ip[4] = 0x1c; // identification
        ip[5] = 0x46;
        ip[6] = 0x40; // don't fragment
        ip[8] = (byte) ttl;
        ip[9] = 1; // ICMP
        byte[] addrs = {10, 0, 3, 10, 10, 0, 3, 1};
        System.arraycopy(addrs, 0, ip, 12, 8);
        putChecksum(ip, 0, 20, 10);
        System.arraycopy(icmp, 0, ip, 20, icmp.length);
        return ip;
    }

    /** RFC 1071 internet checksum of data[from, from+len), stored big-endian at data[at]. */
    private static void putChecksum(byte[] data, int from, int len, int at) {
        long sum = 0;
        for (int i = from; i < from + len; i += 2) {
            int hi = data[i] & 0xFF;
            int lo = i + 1 < from + len ? data[i + 1] & 0xFF : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        int c = (int) ~sum & 0xFFFF;
        data[at] = (byte) (c >> 8);
        data[at + 1] = (byte) c;
    }

    private static void u16(ByteArrayOutputStream f, int v) {
        f.write(v >> 8);
        f.write(v);
    }
}

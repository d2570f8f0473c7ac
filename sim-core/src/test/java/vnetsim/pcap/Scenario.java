package vnetsim.pcap;

/** A fixed little capture used by several tests: three interfaces, four frames, VLANs 2003 and 4094. */
final class Scenario {

    static final CapturedInterface VM_NIC = new CapturedInterface("vm-a", "eth0", "VM NIC of vm-a");
    static final CapturedInterface TRUNK = new CapturedInterface("switch", "port 1:trunk", "trunk to host-b");
    static final CapturedInterface BRIDGE = new CapturedInterface("host-b", "br0.2003", "bridge port, VLAN 2003");

    static final String DROP_COMMENT = "step 9 in; dropped: VLAN 2004 is not allowed on this port (ingress)";
    /** Beyond 2^32 ns so the high timestamp word matters: 5000000.123456789 s. */
    static final long T0 = 5_000_000_123_456_789L;

    static final byte[] F1 = Frames.untaggedIcmpEcho(64);
    static final byte[] F2 = Frames.taggedIcmpEcho(2003, 64);
    static final byte[] F3 = Frames.taggedIcmpEcho(4094, 63);
    static final byte[] F4 = Frames.untaggedIcmpEcho(63);

    private Scenario() {
    }

    static void play(CaptureSink sink) {
        sink.capture(VM_NIC, T0, false, F1, 0, F1.length, "step 1 out");
        sink.capture(TRUNK, T0 + 1_000, true, F2, 0, F2.length, "step 2 in");
        // offset/length: the writer must copy exactly the slice, not the whole array
        byte[] padded = new byte[F3.length + 7];
        System.arraycopy(F3, 0, padded, 3, F3.length);
        sink.capture(TRUNK, T0 + 2_000, false, padded, 3, F3.length, null);
        sink.capture(BRIDGE, T0 + 3_001, true, F4, 0, F4.length, DROP_COMMENT);
    }
}

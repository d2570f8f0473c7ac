package vnetsim.frame;

/** EtherType values the simulator reads and writes. */
public final class EtherType {
    /** EtherType of IPv4. */
    public static final int IPV4 = 0x0800;
    /** EtherType of ARP. */
    public static final int ARP = 0x0806;
    /** IEEE 802.1Q customer VLAN tag (C-tag). */
    public static final int VLAN_8021Q = 0x8100;
    /** IEEE 802.1ad service VLAN tag (S-tag, QinQ outer). */
    public static final int VLAN_8021AD = 0x88a8;
    /** Where a frame ends before its type field: no EtherType at all (never equal to a real one). */
    public static final int NONE = -1;

    private EtherType() {
    }

    /** Whether {@code type} is a VLAN tag's TPID (802.1Q 0x8100 or 802.1ad 0x88a8). */
    public static boolean isVlanTpid(final int type) {
        return type == VLAN_8021Q || type == VLAN_8021AD;
    }
}

package vnetsim.frame;

/**
 * IEEE 802.1Q tag layout, inserted after the source MAC.
 * <pre>
 *  12        14                    16
 *  +---------+---+---+-------------+
 *  | TPID    |PCP|DEI| VID (12)    |   TPID 0x8100 (C-tag) or 0x88a8 (S-tag)
 *  +---------+---+---+-------------+
 * </pre>
 */
public final class VlanTag {
    /** Bytes of one VLAN tag: TPID and TCI. */
    public static final int LENGTH = 4;
    /** Offset of the tag control information (PCP, DEI, VID) from the frame start. */
    public static final int TCI_OFFSET = Ethernet.TYPE_OFFSET + 2;
    /** The VID bits of the TCI. */
    public static final int VID_MASK = 0x0fff;
    /** Marker for "no tag" where a VID is expected. */
    public static final int UNTAGGED = -1;
    /** Highest VID a port may use (4095 is reserved). */
    public static final int MAX_VID = 4094;

    private VlanTag() {
    }
}

package vnetsim.frame;

/**
 * Ethernet II header layout.
 * <pre>
 *  0                   6                   12        14
 *  +-------------------+-------------------+---------+
 *  | destination MAC   | source MAC        | type    |
 *  +-------------------+-------------------+---------+
 * </pre>
 */
public final class Ethernet {
    /** Offset of the destination MAC in the Ethernet header. */
    public static final int DESTINATION_OFFSET = 0;
    /** Offset of the source MAC in the Ethernet header. */
    public static final int SOURCE_OFFSET = 6;
    /** Offset of the EtherType (or a tag's TPID) in the Ethernet header. */
    public static final int TYPE_OFFSET = 12;
    /** Bytes of the two MAC addresses. */
    public static final int ADDRESSES_LENGTH = 12;
    /** Bytes of an untagged Ethernet header: two MACs and the EtherType. */
    public static final int HEADER_LENGTH = 14;

    private Ethernet() {
    }
}

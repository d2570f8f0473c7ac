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
    public static final int DESTINATION_OFFSET = 0;
    public static final int SOURCE_OFFSET = 6;
    public static final int TYPE_OFFSET = 12;
    public static final int ADDRESSES_LENGTH = 12;
    public static final int HEADER_LENGTH = 14;

    private Ethernet() {
    }
}

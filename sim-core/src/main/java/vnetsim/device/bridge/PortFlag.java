package vnetsim.device.bridge;

/**
 * The per-port flags of {@code bridge link set dev PORT FLAG on|off} (include/linux/if_bridge.h BR_*), in the
 * words iproute2 prints. A new port gets {@link PortFlags#KERNEL_DEFAULT}: learning, flood, mcast_flood and
 * bcast_flood on (br_if.c new_nbp()).
 */
public enum PortFlag {
    /** BR_LEARNING: source MACs seen on the port are learned. */
    LEARNING("learning"),
    /** BR_FLOOD: unknown unicast is flooded to the port. */
    FLOOD("flood"),
    /** BR_MCAST_FLOOD: unregistered multicast is flooded to the port. */
    MCAST_FLOOD("mcast_flood"),
    /** BR_BCAST_FLOOD: broadcast is flooded to the port. */
    BCAST_FLOOD("bcast_flood"),
    /** BR_ISOLATED: the port never talks to another isolated port (br_skb_isolated()). */
    ISOLATED("isolated"),
    /** BR_PORT_LOCKED: only sources with an FDB entry pointing at this port may send (802.1X). */
    LOCKED("locked"),
    /** BR_PORT_MAB: on a locked port with learning, unknown sources create a "locked" FDB entry (MAC auth bypass). */
    MAB("mab");

    private final String word;

    PortFlag(final String word) {
        this.word = word;
    }

    /** The flag as iproute2 spells it. */
    public String word() {
        return word;
    }

    int bit() {
        return 1 << ordinal();
    }
}

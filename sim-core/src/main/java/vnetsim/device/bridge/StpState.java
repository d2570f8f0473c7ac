package vnetsim.device.bridge;

/**
 * A bridge port's STP state (include/uapi/linux/if_bridge.h BR_STATE_*), in the words {@code bridge link} prints.
 * With STP off a port that is up is {@link #FORWARDING} at once (br_stp.c: BR_NO_STP); with the kernel's STP a port
 * that comes up listens for forward_delay, learns for forward_delay, then forwards (br_stp_timer.c).
 */
public enum StpState {
    /** BR_STATE_DISABLED: the port is down (administratively or no carrier); it neither learns nor forwards. */
    DISABLED("disabled"),
    /** BR_STATE_LISTENING: the first forward_delay after the port came up with STP on; no learning, no forwarding. */
    LISTENING("listening"),
    /** BR_STATE_LEARNING: the second forward_delay; source MACs are learned, frames are not forwarded. */
    LEARNING("learning"),
    /** BR_STATE_FORWARDING: learns and forwards; where a port with STP off is as soon as it is up. */
    FORWARDING("forwarding"),
    /** BR_STATE_BLOCKING: STP blocked the port to break a loop; it neither learns nor forwards. */
    BLOCKING("blocking");

    private final String word;

    StpState(final String word) {
        this.word = word;
    }

    /** The state as {@code bridge link} prints it ("forwarding"). */
    public String word() {
        return word;
    }

    /** br_handle_frame(): only LEARNING and FORWARDING ports learn source addresses. */
    public boolean learns() {
        return this == LEARNING || this == FORWARDING;
    }
}

package vnetsim.device.bridge;

/**
 * A bridge port's STP state (include/uapi/linux/if_bridge.h BR_STATE_*), in the words {@code bridge link} prints.
 * With STP off a port that is up is {@link #FORWARDING} at once (br_stp.c: BR_NO_STP); with the kernel's STP a port
 * that comes up listens for forward_delay, learns for forward_delay, then forwards (br_stp_timer.c).
 */
public enum StpState {
    DISABLED("disabled"),
    LISTENING("listening"),
    LEARNING("learning"),
    FORWARDING("forwarding"),
    BLOCKING("blocking");

    private final String word;

    StpState(final String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** br_handle_frame(): only LEARNING and FORWARDING ports learn source addresses. */
    public boolean learns() {
        return this == LEARNING || this == FORWARDING;
    }
}

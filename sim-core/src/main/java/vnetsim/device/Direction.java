package vnetsim.device;

/** Which way a frame crossed an interface: arriving at it, or leaving it. */
public enum Direction {
    /** Arriving at the interface (received). */
    IN,
    /** Leaving the interface (transmitted, or the outcome of a frame that stopped there). */
    OUT;

    /** Lower-case form used in JSON and tables ("in", "out"). */
    public String label() {
        return this == IN ? "in" : "out";
    }
}

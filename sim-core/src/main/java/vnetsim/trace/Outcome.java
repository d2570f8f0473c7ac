package vnetsim.trace;

/** How the traced packet's journey ended. */
public enum Outcome {
    /** It reached the endpoint it was addressed to. */
    DELIVERED,
    /** A device dropped it; the trace names where and why. */
    DROPPED,
    /** It circulated in a forwarding loop until the hop limit stopped it. */
    LOOP
}

package vnetsim.trace;

/** How much of a trace to show. */
public enum View {
    /** The design documents' granularity: one row per interface the packet crossed. */
    DOCUMENT,
    /** Every ingress and egress of every interface. */
    FULL
}

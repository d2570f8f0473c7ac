package vnetsim.topology;

/** What joins two ports, with the one-way latency the engine gives it in virtual time. */
public enum LinkKind {
    /** A physical cable between a NIC and a switch port, or between switch and firewall. */
    CABLE(1_000),
    /** A veth pair or tap device between a workload and its bridge. */
    VETH(200),
    /** Kernel plumbing inside one host: subinterface to parent, bridge to its port device. */
    STACK(50);

    private final long latencyNs;

    LinkKind(final long latencyNs) {
        this.latencyNs = latencyNs;
    }

    /**
     * One-way latency the engine gives a frame crossing a link of this kind.
     *
     * @return latency in virtual nanoseconds (1000 for a cable, 200 for a veth, 50 inside a host)
     */
    public long latencyNs() {
        return latencyNs;
    }
}

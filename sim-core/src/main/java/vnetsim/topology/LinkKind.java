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

    public long latencyNs() {
        return latencyNs;
    }
}

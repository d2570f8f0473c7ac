package vnetsim.ovn;

/** A user-defined network's {@code spec.topology} (docs/api-reference/userdefinednetwork-api-spec.md). */
public enum UdnTopology {
    /** One logical switch per node, each with its own host subnet, joined by the network's router and transit switch. */
    LAYER3,
    /** One logical switch shared by all nodes, stretched over Geneve; one subnet. */
    LAYER2
}

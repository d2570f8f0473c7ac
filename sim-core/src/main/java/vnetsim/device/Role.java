package vnetsim.device;

/**
 * The part a device plays in a network, which is all the engine, the trace notes and the topology need to know
 * about it: they ask the device its role instead of testing its class.
 */
public enum Role {
    /** An IP host stack that originates and consumes traffic: a VM or pod NIC. */
    HOST_STACK,
    /** Forwards frames by MAC within a VLAN: a Linux bridge, a switch. */
    L2_SWITCHING,
    /** Forwards packets by IP between subnets: a router, a firewall. */
    L3_ROUTING,
    /** Kernel plumbing between a wire and an upper device: a physical NIC, an 802.1Q subinterface. */
    KERNEL_PLUMBING
}

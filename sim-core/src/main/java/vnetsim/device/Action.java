package vnetsim.device;

/** What a device did with a frame at one interface. Notes shown to people are built from these after a run. */
public enum Action {
    /** An endpoint's IP stack built the frame and sent it out of its NIC. */
    ORIGINATED,
    /** The frame arrived at an interface. */
    RECEIVED,
    /** A bridge or switch forwarded a frame whose destination it had learned. */
    SWITCHED,
    /** A bridge or switch sent the frame out of every other port in the VLAN (broadcast, multicast or unknown unicast). */
    FLOODED,
    /** A VLAN subinterface pushed its 802.1Q tag on transmit. */
    TAG_PUSHED,
    /** A VLAN subinterface (or the parent NIC demultiplexing for it) removed the 802.1Q tag on receive. */
    TAG_POPPED,
    /** The frame left a physical NIC or switch port onto the wire with its tag state unchanged. */
    TRANSMITTED,
    /** A router forwarded the packet: MACs rewritten, TTL decremented, VLAN possibly changed. */
    ROUTED,
    /** A host or router answered (ARP reply, ICMP echo reply, ICMP error) with a new frame. */
    REPLIED,
    /** The frame reached the endpoint it was addressed to. */
    DELIVERED,
    /** A tunnel endpoint wrapped the frame in outer headers (Geneve: Ethernet, IPv4, UDP 6081, Geneve). */
    ENCAPSULATED,
    /** A tunnel endpoint removed the outer headers; the inner frame goes on. */
    DECAPSULATED,
    /** The frame was dropped; the step carries the reason. */
    DROPPED
}

/**
 * Frames as real Ethernet bytes: a reusable buffer with headroom ({@link vnetsim.frame.Frame}), layout classes
 * for Ethernet, 802.1Q, IPv4, ARP, ICMP and UDP that read and write in place, and {@link vnetsim.frame.Packets},
 * which builds whole frames as a host's stack would. Nothing here allocates per frame.
 */
package vnetsim.frame;

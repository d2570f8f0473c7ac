package vnetsim.network;

import vnetsim.frame.MacAddress;

/**
 * A host's physical NIC ({@code ens224}): its cable side is linked by name in {@link NetworkSpec#links()}.
 * Whether it is promiscuous is not configured: it follows from what is stacked on it, as the kernel sets it.
 *
 * @param name the interface name
 * @param mac  its MAC address (48 bits in a long)
 * @param mtu  its MTU in bytes (the largest L3 payload, tags not counted)
 * @param up   false for {@code state: down}
 */
public record NicSpec(String name, long mac, int mtu, boolean up) {
    /** An up NIC. */
    public static NicSpec of(final String name, final String mac, final int mtu) {
        return new NicSpec(name, MacAddress.parse(mac), mtu, true);
    }

    /** This NIC with another MTU, in bytes. */
    public NicSpec withMtu(final int newMtu) {
        return new NicSpec(name, mac, newMtu, up);
    }

    /** This NIC up ({@code true}) or administratively down. */
    public NicSpec withUp(final boolean newUp) {
        return new NicSpec(name, mac, mtu, newUp);
    }

    @Override
    public String toString() {
        return name + " " + MacAddress.format(mac) + " mtu " + mtu + (up ? "" : " down");
    }
}

package vnetsim.network;

/**
 * An 802.1Q subinterface ({@code ens224.1928}) on a NIC of the same host: its VID is given here once, and the
 * parent's VID-to-subinterface mapping follows from it.
 *
 * @param name   the interface name
 * @param parent the NIC it is stacked on
 * @param vid    1-4094
 * @param mtu    its MTU in bytes, or {@link #INHERIT} for the parent's (what the kernel gives a new VLAN device)
 * @param up     false for {@code state: down}
 * @param reorderHeaders the kernel's reorder_hdr (nmstate {@code reorder-headers}, default true)
 */
public record VlanSpec(String name, String parent, int vid, int mtu, boolean up, boolean reorderHeaders) {
    /** A subinterface with reorder_hdr on (the kernel's and nmstate's default). */
    public VlanSpec(final String name, final String parent, final int vid, final int mtu, final boolean up) {
        this(name, parent, vid, mtu, up, true);
    }

    /** {@link #mtu()} of a subinterface that has its parent's MTU. */
    public static final int INHERIT = 0;

    /** The usual subinterface: named {@code parent.vid}, the parent's MTU, up. */
    public static VlanSpec of(final String parent, final int vid) {
        return new VlanSpec(parent + "." + vid, parent, vid, INHERIT, true);
    }

    public VlanSpec withVid(final int newVid) {
        return new VlanSpec(name, parent, newVid, mtu, up, reorderHeaders);
    }

    public VlanSpec withMtu(final int newMtu) {
        return new VlanSpec(name, parent, vid, newMtu, up, reorderHeaders);
    }

    public VlanSpec withUp(final boolean newUp) {
        return new VlanSpec(name, parent, vid, mtu, newUp, reorderHeaders);
    }
}

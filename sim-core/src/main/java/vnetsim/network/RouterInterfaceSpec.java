package vnetsim.network;

/**
 * A routed interface: a subinterface of a port for one VLAN ({@code Uplink 1.2003}), or a port's untagged
 * interface (a routed port without VLANs). Its address is the gateway of a connected route.
 *
 * @param name     the interface name
 * @param port     the router port it is on
 * @param vid      its VLAN, or {@link #UNTAGGED} for a routed port
 * @param address  gateway address and prefix ({@code 172.16.4.1/24})
 * @param mtu      IP MTU in bytes
 * @param shutdown administratively down: it takes no frames and its connected route is withdrawn
 */
public record RouterInterfaceSpec(String name, String port, int vid, Cidr address, int mtu, boolean shutdown) {
    /** {@link #vid()} of a routed port's untagged interface. */
    public static final int UNTAGGED = 0;

    /** An interface that is up. */
    public RouterInterfaceSpec(final String name, final String port, final int vid, final Cidr address,
                               final int mtu) {
        this(name, port, vid, address, mtu, false);
    }

    /** A subinterface {@code port.vid} with MTU 1500. */
    public static RouterInterfaceSpec subinterface(final String port, final int vid, final String address) {
        return new RouterInterfaceSpec(port + "." + vid, port, vid, Cidr.parse(address), 1500);
    }

    /** The untagged interface of a routed port, named as the port, MTU 1500. */
    public static RouterInterfaceSpec routed(final String port, final String address) {
        return new RouterInterfaceSpec(port, port, UNTAGGED, Cidr.parse(address), 1500);
    }

    /** This interface bound to another VLAN ({@link #UNTAGGED} for a routed port). */
    public RouterInterfaceSpec withVid(final int newVid) {
        return new RouterInterfaceSpec(name, port, newVid, address, mtu, shutdown);
    }

    /** This interface with another IP MTU, in bytes. */
    public RouterInterfaceSpec withMtu(final int newMtu) {
        return new RouterInterfaceSpec(name, port, vid, address, newMtu, shutdown);
    }

    /** This interface shut down ({@code true}) or up. */
    public RouterInterfaceSpec withShutdown(final boolean down) {
        return new RouterInterfaceSpec(name, port, vid, address, mtu, down);
    }
}

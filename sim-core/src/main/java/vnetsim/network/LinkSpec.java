package vnetsim.network;

/**
 * A cable between two ports, each named by device and interface, as Batfish's layer-1 topology writes it:
 * ({@code node0}, {@code enp4s0f0}) to ({@code Switch}, {@code Ethernet1/3}). Links inside a host (subinterface
 * to NIC, port to bridge, workload to bridge) follow from the spec and are not listed.
 *
 * @param a  one end
 * @param b  the other end
 * @param up false for a pulled cable
 */
public record LinkSpec(End a, End b, boolean up) {
    /**
     * One end of a link.
     * @param device a host, switch, router or cabled workload (by id or name)
     * @param iface  its NIC, port or interface
     */
    public record End(String device, String iface) {
        @Override
        public String toString() {
            return device + "/" + iface;
        }
    }

    /** A cable that is up between {@code deviceA/ifaceA} and {@code deviceB/ifaceB}. */
    public static LinkSpec cable(final String deviceA, final String ifaceA, final String deviceB,
                                 final String ifaceB) {
        return new LinkSpec(new End(deviceA, ifaceA), new End(deviceB, ifaceB), true);
    }

    /** This cable plugged in ({@code true}) or pulled ({@code false}). */
    public LinkSpec withUp(final boolean newUp) {
        return new LinkSpec(a, b, newUp);
    }

    /** Whether either end is this device and interface. */
    public boolean touches(final String device, final String iface) {
        return a.equals(new End(device, iface)) || b.equals(new End(device, iface));
    }

    @Override
    public String toString() {
        return a + " <-> " + b + (up ? "" : " (down)");
    }
}

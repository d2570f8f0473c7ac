package vnetsim.network;

/**
 * A host interface (NIC or subinterface) enslaved to a bridge. Workloads are bridge ports too; their port is in
 * {@link WorkloadSpec}.
 *
 * @param name    the enslaved interface, by name
 * @param vlans   its VLAN table, or null for the one the kernel gives a new port (the bridge's default PVID,
 *                untagged); only used when the bridge filters VLANs
 * @param hairpin hairpin mode: frames may go back out the port they came in on
 */
public record BridgePortSpec(String name, PortVlans vlans, boolean hairpin) {
    /** A port with the kernel's default VLAN table and no hairpin (nmstate {@code vlan: {}}). */
    public static BridgePortSpec of(final String name) {
        return new BridgePortSpec(name, null, false);
    }

    /** This port with another VLAN table (null: the bridge default). */
    public BridgePortSpec withVlans(final PortVlans newVlans) {
        return new BridgePortSpec(name, newVlans, hairpin);
    }
}

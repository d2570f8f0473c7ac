package vnetsim.network;

import java.util.List;

/**
 * A virtualization host (an OpenShift node): its NICs, VLAN subinterfaces and bridges. Workloads name the host
 * and bridge they are plugged into ({@link WorkloadSpec}), so moving one is a change to the workload alone.
 *
 * @param name    the host name, unique in the network
 * @param nics    physical NICs
 * @param vlans   802.1Q subinterfaces
 * @param bridges Linux bridges
 * @param bonds   Linux bonds over some of the NICs (a subinterface's parent or a bridge port may be one)
 * @param stack   the host's own IPv4 stack (addresses, routes, forwarding), or null when it takes no part
 */
public record HostSpec(String name, List<NicSpec> nics, List<VlanSpec> vlans, List<BridgeSpec> bridges,
                       List<BondSpec> bonds, HostStackSpec stack) {
    /** Copies the lists: the record stays immutable. */
    public HostSpec {
        nics = List.copyOf(nics);
        vlans = List.copyOf(vlans);
        bridges = List.copyOf(bridges);
        bonds = List.copyOf(bonds);
    }

    /** A host whose own IP stack takes no part. */
    public HostSpec(final String name, final List<NicSpec> nics, final List<VlanSpec> vlans,
                    final List<BridgeSpec> bridges, final List<BondSpec> bonds) {
        this(name, nics, vlans, bridges, bonds, null);
    }

    /** This host with its own IP stack (null: none). */
    public HostSpec withStack(final HostStackSpec newStack) {
        return new HostSpec(name, nics, vlans, bridges, bonds, newStack);
    }

    /** A host without bonds. */
    public HostSpec(final String name, final List<NicSpec> nics, final List<VlanSpec> vlans,
                    final List<BridgeSpec> bridges) {
        this(name, nics, vlans, bridges, List.of());
    }

    /** This host with {@code bond} replacing the bond of the same name (or added). */
    public HostSpec withBond(final BondSpec bond) {
        return new HostSpec(name, nics, vlans, bridges, Lists.replaceOrAdd(bonds, bond, BondSpec::name), stack);
    }

    /** The NIC named {@code name}; an {@link UnknownNameException} with the closest names otherwise. */
    public NicSpec nic(final String nicName) {
        return Names.get(nics, nicName, NicSpec::name, "NIC on " + name);
    }

    /** The subinterface named {@code vlanName}; an {@link UnknownNameException} with the closest names otherwise. */
    public VlanSpec vlan(final String vlanName) {
        return Names.get(vlans, vlanName, VlanSpec::name, "VLAN subinterface on " + name);
    }

    /** The bridge named {@code bridgeName}; an {@link UnknownNameException} with the closest names otherwise. */
    public BridgeSpec bridge(final String bridgeName) {
        return Names.get(bridges, bridgeName, BridgeSpec::name, "bridge on " + name);
    }

    /** This host with {@code nic} replacing the NIC of the same name (or added). */
    public HostSpec withNic(final NicSpec nic) {
        return new HostSpec(name, Lists.replaceOrAdd(nics, nic, NicSpec::name), vlans, bridges, bonds, stack);
    }

    /** This host with {@code vlan} replacing the subinterface of the same name (or added). */
    public HostSpec withVlan(final VlanSpec vlan) {
        return new HostSpec(name, nics, Lists.replaceOrAdd(vlans, vlan, VlanSpec::name), bridges, bonds, stack);
    }

    /** This host with {@code bridge} replacing the bridge of the same name (or added). */
    public HostSpec withBridge(final BridgeSpec bridge) {
        return new HostSpec(name, nics, vlans, Lists.replaceOrAdd(bridges, bridge, BridgeSpec::name), bonds, stack);
    }

    /** This host without the subinterface named {@code vlanName}. */
    public HostSpec withoutVlan(final String vlanName) {
        return new HostSpec(name, nics, Lists.remove(vlans, vlanName, VlanSpec::name), bridges, bonds, stack);
    }

    /** This host without the bridge named {@code bridgeName}. */
    public HostSpec withoutBridge(final String bridgeName) {
        return new HostSpec(name, nics, vlans, Lists.remove(bridges, bridgeName, BridgeSpec::name), bonds, stack);
    }
}

package vnetsim.folder.nxos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.device.InterfaceNames;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/**
 * What an NX-OS running-config says, as the switch would apply it.
 *
 * @param vlans    VLANs created with {@code vlan N} (VLAN 1 always exists), with their names
 * @param svis     {@code interface VlanN} routed interfaces
 */
public record SwitchConfig(String hostname, Location at, boolean interfaceVlanFeature, Map<Integer, VlanDef> vlans,
                           List<SwitchInterface> interfaces, List<Svi> svis) {
    public SwitchConfig {
        vlans = Map.copyOf(vlans);
        interfaces = List.copyOf(interfaces);
        svis = List.copyOf(svis);
    }

    /** {@code vlan N} / {@code name X}. */
    public record VlanDef(int id, String name, Location at) {
    }

    /** The VLANs that exist on the switch. */
    public VlanSet createdVlans() {
        return VlanSet.of(vlans.keySet().stream().mapToInt(Integer::intValue).toArray()).plus(VlanSet.of(1));
    }

    public Optional<SwitchInterface> find(final String name) {
        final String wanted = InterfaceNames.normalize(NxosNames.canonical(name).orElse(name));
        return interfaces.stream().filter(i -> InterfaceNames.normalize(i.name()).equals(wanted)).findFirst();
    }

    /**
     * One Ethernet interface.
     *
     * @param layer2    Layer 2 ({@code switchport}, or assumed: see {@link #layer2Said})
     * @param layer2Said whether the config says {@code switchport} / {@code no switchport} (otherwise platform default)
     * @param allowed   trunk allowed VLANs (NX-OS default: all)
     * @param allowedAt the last line that changed the allowed list (for messages), or the interface line
     */
    public record SwitchInterface(String name, String description, boolean layer2, boolean layer2Said, Mode mode,
                                  int accessVlan, VlanSet allowed, Location allowedAt, int nativeVlan,
                                  boolean shutdown, int mtu, Location at) {
    }

    /** {@code switchport mode}. */
    public enum Mode { ACCESS, TRUNK }

    /** {@code interface VlanN}: {@code ip address A/P}, shutdown by default as on NX-OS. */
    public record Svi(int vlan, String address, int prefixLength, boolean shutdown, int mtu, String description,
                      Location at) {
    }
}

package vnetsim.folder.nmstate;

import vnetsim.folder.Location;

/**
 * One {@code bridge.port[]} entry.
 *
 * @param vlan      the port's {@code vlan} section, null when the key is absent
 * @param defaulted the {@code vlan} section was added by kubernetes-nmstate (NNCP port without a {@code vlan} key)
 */
public record BridgePortConfig(String name, PortVlan vlan, boolean defaulted, Location at) {
}

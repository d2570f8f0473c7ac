package vnetsim.network;

import vnetsim.device.l2.VlanSet;

/**
 * One NX-OS switch port: {@code switchport mode access|trunk}, {@code switchport access vlan N},
 * {@code switchport trunk allowed vlan LIST}, {@code switchport trunk native vlan N}, {@code vlan dot1q tag
 * native}, {@code shutdown}.
 *
 * @param name       the interface, {@code Ethernet1/3}
 * @param mode       access or trunk
 * @param accessVlan the access VLAN (access mode)
 * @param allowed    the allowed list (trunk mode)
 * @param nativeVlan the native VLAN (trunk mode; NX-OS default 1)
 * @param tagNative  {@code vlan dot1q tag native}: the native VLAN is tagged too and untagged frames dropped
 * @param shutdown   administratively down
 */
public record SwitchPortSpec(String name, Mode mode, int accessVlan, VlanSet allowed, int nativeVlan,
                             boolean tagNative, boolean shutdown) {
    /** {@code switchport mode}. */
    public enum Mode {
        /** {@code switchport mode access}: one VLAN, untagged. */
        ACCESS,
        /** {@code switchport mode trunk}: the allowed VLANs, tagged except the native one. */
        TRUNK
    }

    /** {@code switchport mode access} + {@code switchport access vlan N}. */
    public static SwitchPortSpec access(final String name, final int vlan) {
        return new SwitchPortSpec(name, Mode.ACCESS, vlan, VlanSet.NONE, 1, false, false);
    }

    /** {@code switchport mode trunk} + {@code switchport trunk allowed vlan LIST}, native VLAN 1. */
    public static SwitchPortSpec trunk(final String name, final VlanSet allowed) {
        return new SwitchPortSpec(name, Mode.TRUNK, 1, allowed, 1, false, false);
    }

    /** This port with another allowed list ({@code switchport trunk allowed vlan LIST}). */
    public SwitchPortSpec withAllowed(final VlanSet newAllowed) {
        return new SwitchPortSpec(name, mode, accessVlan, newAllowed, nativeVlan, tagNative, shutdown);
    }

    /** {@code switchport trunk allowed vlan remove N}. */
    public SwitchPortSpec withoutAllowed(final int vid) {
        return withAllowed(allowed.minus(VlanSet.of(vid)));
    }

    /** {@code switchport trunk allowed vlan add N}. */
    public SwitchPortSpec withAllowedAdded(final int vid) {
        return withAllowed(allowed.plus(VlanSet.of(vid)));
    }

    /** This port with another native VLAN ({@code switchport trunk native vlan N}). */
    public SwitchPortSpec withNativeVlan(final int vid) {
        return new SwitchPortSpec(name, mode, accessVlan, allowed, vid, tagNative, shutdown);
    }

    /** This port with another access VLAN ({@code switchport access vlan N}). */
    public SwitchPortSpec withAccessVlan(final int vid) {
        return new SwitchPortSpec(name, mode, vid, allowed, nativeVlan, tagNative, shutdown);
    }

    /** This port shut down ({@code true}) or up ({@code no shutdown}). */
    public SwitchPortSpec withShutdown(final boolean down) {
        return new SwitchPortSpec(name, mode, accessVlan, allowed, nativeVlan, tagNative, down);
    }
}

package vnetsim.device;

import vnetsim.device.l2.PortVlans;
import vnetsim.device.l2.VlanSet;

/**
 * One port of a {@link LinuxBridge} with its VLAN table (used only when the bridge has vlan_filtering on):
 * the VIDs it carries, which of them leave untagged, and its PVID for untagged ingress ({@code bridge vlan add
 * vid N pvid untagged}), in the {@link PortVlans} words a switch port speaks too. Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 3.
 *
 * @param name     the enslaved device ("enp4s0f0.2003", "vnet-vm1")
 * @param vids     VIDs allowed on the port
 * @param untagged VIDs sent untagged on egress
 * @param pvid     VLAN for untagged and priority-tagged ingress, or {@link #NO_PVID} (such frames are dropped)
 * @param hairpin  hairpin_mode: frames may go back out the port they came in on
 * @param mtu      the enslaved device's MTU
 */
public record BridgePort(String name, VlanSet vids, VlanSet untagged, int pvid, boolean hairpin, int mtu)
        implements PortVlans {
    /**
     * Kernel default for a new port: VID 1 PVID untagged (nbp_vlan_init with default_pvid 1).
     *
     * @param mtu the enslaved device's MTU in bytes
     */
    public static BridgePort withDefaults(final String name, final int mtu) {
        return new BridgePort(name, VlanSet.of(1), VlanSet.of(1), 1, false, mtu);
    }

    /**
     * An access-like port: one VID, PVID and untagged (the CNI bridge plugin's {@code "vlan": N}).
     *
     * @param vid the one VLAN, 1-4094
     * @param mtu the enslaved device's MTU in bytes
     */
    public static BridgePort access(final String name, final int vid, final int mtu) {
        return new BridgePort(name, VlanSet.of(vid), VlanSet.of(vid), vid, false, mtu);
    }

    /**
     * A trunk: the given VIDs tagged, plus a native PVID untagged (or NO_PVID).
     *
     * @param nativePvid the VLAN untagged frames join, 1-4094, or {@link #NO_PVID}
     * @param mtu the enslaved device's MTU in bytes
     */
    public static BridgePort trunk(final String name, final VlanSet tagged, final int nativePvid, final int mtu) {
        final VlanSet vids = nativePvid == NO_PVID ? tagged : tagged.plus(VlanSet.of(nativePvid));
        final VlanSet untagged = nativePvid == NO_PVID ? VlanSet.NONE : VlanSet.of(nativePvid);
        return new BridgePort(name, vids, untagged, nativePvid, false, mtu);
    }

    @Override
    public boolean carries(final int vid) {
        return vids.contains(vid);
    }

    @Override
    public boolean sendsUntagged(final int vid) {
        return untagged.contains(vid);
    }

    /**
     * {@code bridge vlan add dev PORT vid VID [pvid] [untagged]} as __vlan_add_flags() applies it: the VID joins the
     * port; {@code pvid} makes it the PVID, and re-adding the current PVID without {@code pvid} clears the PVID;
     * {@code untagged} is set or cleared as given.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public BridgePort withVlan(final int vid, final boolean isPvid, final boolean isUntagged) {
        final VlanSet one = VlanSet.of(vid);
        final int newPvid = isPvid ? vid : (pvid == vid ? NO_PVID : pvid);
        return new BridgePort(name, vids.plus(one), isUntagged ? untagged.plus(one) : untagged.minus(one), newPvid,
                hairpin, mtu);
    }

    /**
     * {@code bridge vlan del dev PORT vid VID}: the VID leaves the port; if it was the PVID, untagged frames are
     * dropped.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public BridgePort withoutVlan(final int vid) {
        final VlanSet one = VlanSet.of(vid);
        return new BridgePort(name, vids.minus(one), untagged.minus(one), pvid == vid ? NO_PVID : pvid, hairpin, mtu);
    }

    /** {@code bridge link set dev PORT hairpin on|off}. */
    public BridgePort withHairpin(final boolean on) {
        return new BridgePort(name, vids, untagged, pvid, on, mtu);
    }

    /**
     * This port with another MTU (the enslaved device's, {@code ip link set dev PORT mtu N}); VLAN membership
     * unchanged.
     *
     * @param newMtu the device's MTU in bytes (the IP packet, without the Ethernet header)
     */
    public BridgePort withMtu(final int newMtu) {
        return new BridgePort(name, vids, untagged, pvid, hairpin, newMtu);
    }
}

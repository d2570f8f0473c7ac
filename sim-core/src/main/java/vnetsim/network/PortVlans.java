package vnetsim.network;

import vnetsim.device.l2.VlanSet;

/**
 * A bridge port's VLAN table, used when the bridge filters VLANs: the VIDs it carries, which of them leave
 * untagged, and the PVID untagged frames take on ingress ({@code bridge vlan add dev P vid N [pvid] [untagged]}).
 *
 * @param vids     VIDs the port carries (tagged or untagged)
 * @param untagged VIDs it sends untagged; a subset of {@code vids}
 * @param pvid     VID for untagged ingress, or {@link #NO_PVID} (untagged frames are dropped)
 */
public record PortVlans(VlanSet vids, VlanSet untagged, int pvid) {
    /** {@link #pvid()} of a port that has none: its untagged frames are dropped. */
    public static final int NO_PVID = -1;

    /** One VID, PVID and untagged: an access port (the CNI bridge plugin's {@code "vlan": N}). */
    public static PortVlans access(final int vid) {
        return new PortVlans(VlanSet.of(vid), VlanSet.of(vid), vid);
    }

    /** {@code tagged} VIDs tagged, plus {@code nativePvid} untagged as PVID (or {@link #NO_PVID}). */
    public static PortVlans trunk(final VlanSet tagged, final int nativePvid) {
        return nativePvid == NO_PVID ? new PortVlans(tagged, VlanSet.NONE, NO_PVID)
                : new PortVlans(tagged.plus(VlanSet.of(nativePvid)), VlanSet.of(nativePvid), nativePvid);
    }

    @Override
    public String toString() {
        return "vids " + vids + ", untagged " + untagged + ", pvid " + (pvid == NO_PVID ? "none" : pvid);
    }
}

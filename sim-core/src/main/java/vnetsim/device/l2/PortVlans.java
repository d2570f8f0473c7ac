package vnetsim.device.l2;

/**
 * The VLAN words every L2 port speaks, whether a Linux bridge port ({@code bridge vlan}) or a switch port
 * ({@code switchport}): which VLANs it carries, which VLAN an untagged frame arriving on it belongs to (the PVID,
 * NX-OS's native VLAN), and which VLANs leave it untagged.
 */
public interface PortVlans {
    /** {@link #pvid} when untagged frames belong to no VLAN on this port (they are dropped). */
    int NO_PVID = -1;
    /** {@link #admit} result: the frame is dropped on ingress. */
    int NOT_ADMITTED = -1;

    /**
     * Whether frames of this VLAN may cross the port (in and out).
     *
     * @param vid the VLAN ID, 0-4095
     */
    boolean carries(int vid);

    /** The VLAN untagged ingress frames belong to, or {@link #NO_PVID}. */
    int pvid();

    /**
     * Whether frames of this VLAN leave the port without a tag.
     *
     * @param vid the VLAN ID, 0-4095
     */
    boolean sendsUntagged(int vid);

    /**
     * The VLAN a frame with this outer tag belongs to on ingress, or {@link #NOT_ADMITTED}.
     *
     * @param wireVid the outer VID, or a negative value for an untagged frame
     */
    default int admit(final int wireVid) {
        if (wireVid < 0) {
            return pvid() == NO_PVID ? NOT_ADMITTED : pvid();
        }
        return carries(wireVid) ? wireVid : NOT_ADMITTED;
    }
}

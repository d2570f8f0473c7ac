package vnetsim.device;

/**
 * An L2 forwarding device that can say, after the fact, why it would not send a frame out of a port: the same
 * should_deliver() check its unicast and flood paths use. A flood silently leaves out the ports that refuse it
 * (as br_flood() does); root-cause analysis asks here which rule left out the port towards the destination.
 */
public interface Switching {
    /**
     * Why a frame arriving on {@code ingress} with the wire VID {@code wireVid} (-1 when untagged) would not leave
     * through {@code egress} at virtual time {@code nowNs} (a port's STP state depends on it), or null when it
     * would (or when the ingress port would not admit it at all).
     *
     * @param wireVid the VID of the frame's outer tag, 0-4095, or -1 when untagged
     * @param nowNs virtual time in nanoseconds
     */
    Refusal egressRefusal(int ingress, int wireVid, int egress, long nowNs);

    /**
     * The VLANs {@code port} is a member of, in words ("VLAN 200 (PVID, untagged)"), so a refusal for a VLAN can
     * name the VLAN the port is in instead: the root cause of a workload on the wrong VLAN. Null when the device
     * does not filter by VLAN there.
     */
    default String vlanMembership(final int port) {
        return null;
    }
}

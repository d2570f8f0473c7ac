package vnetsim.device;

import org.agrona.collections.Int2IntHashMap;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * What a lower device (a NIC, a bond) does with a frame it received, as __netif_receive_skb_core() does it: not
 * for its MAC and not promiscuous, dropped (PACKET_OTHERHOST); tagged with a VID, to the 802.1Q subinterface
 * registered for that VID (which pops the tag), else tagged to the bridge the device is enslaved to, else dropped
 * ("no 802.1Q interface for VID n"); untagged or priority-tagged (VID 0, the tag popped), to the bridge, else
 * dropped (no upper device). Rules and sources: {@code src/docs/forwarding-rules.md} sections 1 and 15.
 *
 * <p>Ports are the owning device's; this class only remembers which port leads where. It allocates nothing per
 * frame.
 */
final class VlanDemux {
    private static final int NONE = -1;

    private final Int2IntHashMap portByVid = new Int2IntHashMap(NONE);
    private int masterPort = NONE;
    private boolean promiscuous;

    /**
     * Registers the subinterface for {@code vid} behind {@code port}.
     *
     * @param owner the lower device's name, for the message
     * @throws IllegalArgumentException when {@code vid} already has one
     */
    void addSubinterface(final int vid, final int port, final String owner) {
        checkNoSubinterface(vid, owner);
        portByVid.put(vid, port);
    }

    /** Throws as {@link #addSubinterface} would, before the owner allocates a port for it. */
    void checkNoSubinterface(final int vid, final String owner) {
        if (portByVid.containsKey(vid)) {
            throw new IllegalArgumentException(owner + " already has a subinterface for VID " + vid);
        }
    }

    /** Throws when the device is already enslaved to a bridge, before the owner allocates a port for it. */
    void checkNoMaster(final String owner) {
        if (masterPort != NONE) {
            throw new IllegalArgumentException(owner + " is already enslaved to a bridge");
        }
    }

    /** The device is enslaved to a bridge behind {@code port}; a bridge port is promiscuous (br_manage_promisc()). */
    void setMaster(final int port) {
        masterPort = port;
        promiscuous = true;
    }

    /** IFF_PROMISC: whether frames for other MACs are received too. */
    void setPromiscuous(final boolean on) {
        promiscuous = on;
    }

    /**
     * Hands a frame that arrived on {@code port} (the wire, a slave) up, or drops it there with
     * {@link DropReason#NOT_ADDRESSED_TO_HOST}, {@link DropReason#NO_VLAN_SUBINTERFACE} (detail: the VID) or
     * {@link DropReason#NO_UPPER_DEVICE}.
     *
     * @param mac the device's own MAC (48 bits in a long)
     */
    void receive(final Frame frame, final int port, final long mac, final Egress out) {
        final long destination = frame.destinationMac();
        if (!promiscuous && destination != mac && !MacAddress.isMulticast(destination)) {
            out.drop(frame, port, DropReason.NOT_ADDRESSED_TO_HOST, 0);
            return;
        }
        if (frame.isTagged() && frame.vlanId() != 0) {
            final int vid = frame.vlanId();
            final int subinterface = portByVid.get(vid);
            if (subinterface != NONE) {
                out.transmit(frame, subinterface, Action.RECEIVED);   // the subinterface pops the tag
            } else if (masterPort != NONE) {
                out.transmit(frame, masterPort, Action.RECEIVED);     // the bridge rx_handler gets it tagged
            } else {
                out.drop(frame, port, DropReason.NO_VLAN_SUBINTERFACE, vid);
            }
            return;
        }
        if (frame.isTagged()) {
            frame.popVlanTag();                                       // priority tag: processed as untagged
        }
        if (masterPort != NONE) {
            out.transmit(frame, masterPort, Action.RECEIVED);
        } else {
            out.drop(frame, port, DropReason.NO_UPPER_DEVICE, 0);
        }
    }
}

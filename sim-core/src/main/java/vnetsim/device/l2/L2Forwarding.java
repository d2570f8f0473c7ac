package vnetsim.device.l2;

import vnetsim.device.DropReason;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;

/**
 * The egress rules every L2 device shares, for unicast and flood alike: the kernel's should_deliver() (not back
 * out the ingress port unless hairpin, port forwarding, VLAN allowed on egress; br_forward.c) and the egress
 * tagging of br_handle_vlan() / an NX-OS trunk (the port's untagged set leaves untagged, the rest tagged).
 */
public final class L2Forwarding {
    private L2Forwarding() {
    }

    /**
     * Why a frame of {@code vlan} that came in on {@code ingress} may not leave through {@code egress}, or null
     * when it may. The device answers whether the egress port carries the VLAN ({@link PortVlans#carries}, or a
     * flat per-port table read per frame).
     *
     * @param hairpin whether the egress port may send a frame back where it came from
     * @param up      whether the egress port is forwarding
     * @param carries whether the egress port carries the frame's VLAN
     */
    public static DropReason shouldDeliver(final int egress, final int ingress, final boolean hairpin,
                                           final boolean up, final boolean carries) {
        if (egress == ingress && !hairpin) {
            return DropReason.DESTINATION_ON_INGRESS_PORT;
        }
        if (!up) {
            return DropReason.LINK_DOWN;
        }
        if (!carries) {
            return DropReason.VLAN_NOT_ALLOWED_EGRESS;
        }
        return null;
    }

    /** The detail a {@link #shouldDeliver} drop records: the VLAN for a VLAN refusal, else 0. */
    public static int detail(final DropReason reason, final int vlan) {
        return reason == DropReason.VLAN_NOT_ALLOWED_EGRESS ? vlan : 0;
    }

    /**
     * Writes the egress port's tag: none if it sends {@code vlan} untagged ({@link PortVlans#sendsUntagged}), else
     * one 802.1Q tag with {@code vlan}.
     *
     * @param untagged whether the egress port sends {@code vlan} without a tag
     * @param vlan the frame's VLAN, 1-4094
     */
    public static void tagForEgress(final Frame frame, final boolean untagged, final int vlan) {
        final boolean tagged = frame.outerType() == EtherType.VLAN_8021Q;
        if (untagged) {
            if (tagged) {
                frame.popVlanTag();
            }
        } else if (tagged) {
            frame.setVlanId(vlan);
        } else {
            frame.pushVlanTag(EtherType.VLAN_8021Q, vlan);
        }
    }
}

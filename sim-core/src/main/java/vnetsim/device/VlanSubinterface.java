package vnetsim.device;

import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.VlanTag;

/**
 * A Linux 802.1Q VLAN subinterface such as {@code enp4s0f0.2003} (net/8021q). Its lower side faces the parent
 * NIC, its upper side the bridge it is enslaved to (or the host stack). Transmit pushes exactly one tag (VID,
 * PCP 0, DEI 0) in place; a frame that already carries a tag gets a second one while {@code reorder_hdr} is on
 * (the default), as vlan_dev_hard_start_xmit() does. Receive pops the tag, so the bridge never sees the VID.
 * Rules and sources: {@code src/docs/forwarding-rules.md} section 2.
 */
public final class VlanSubinterface implements Device {
    /** Toward the parent NIC. */
    public static final int LOWER = 0;
    /** Toward the bridge master or host stack. */
    public static final int UPPER = 1;

    private final String host;
    private final String name;
    private final int vid;
    private final int tpid;
    private final boolean reorderHeader;
    private boolean up = true;
    private final int mtu;

    /** Set by {@link #seal()}: part of a built topology, configuration final. */
    private boolean sealed;

    /**
     * {@code ip link add link PARENT name NAME type vlan id VID [protocol 802.1ad] [reorder_hdr off]}, up.
     *
     * @param host the machine it is on ("node0")
     * @param name its interface name ("enp4s0f0.2003")
     * @param vid its VLAN ID, 1-4094
     * @param tpid the tag's EtherType: 0x8100 (802.1Q) or 0x88a8 (802.1ad)
     * @param reorderHeader reorder_hdr: true (the default) tags a frame that already carries a tag again
     * @param mtu its MTU in bytes, at most its parent's
     * @throws IllegalArgumentException when the VID is outside 1-4094
     */
    public VlanSubinterface(final String host, final String name, final int vid, final int tpid,
                            final boolean reorderHeader, final int mtu) {
        if (vid < 1 || vid > VlanTag.MAX_VID) {
            throw new IllegalArgumentException("VLAN ID must be 1-4094 for interface " + name + ": " + vid);
        }
        this.host = host;
        this.name = name;
        this.vid = vid;
        this.tpid = tpid;
        this.reorderHeader = reorderHeader;
        this.mtu = mtu;
    }

    /**
     * A default 802.1Q subinterface: TPID 0x8100, reorder_hdr on.
     *
     * @param vid the VLAN ID, 1-4094
     * @param mtu its MTU in bytes
     */
    public static VlanSubinterface dot1q(final String host, final String name, final int vid, final int mtu) {
        return new VlanSubinterface(host, name, vid, EtherType.VLAN_8021Q, true, mtu);
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (port == UPPER) {
            transmitDown(frame, out);
        } else {
            receiveFromParent(frame, out);
        }
    }

    /** Bridge (or stack) to wire: push our tag. */
    private void transmitDown(final Frame frame, final Egress out) {
        if (!up) {
            out.drop(frame, UPPER, DropReason.LINK_DOWN, 0);
            return;
        }
        if (payloadLength(frame) > mtu) {
            out.drop(frame, UPPER, DropReason.MTU_EXCEEDED, mtu);   // the tag is not counted against the MTU
            return;
        }
        final boolean alreadyTagged = frame.outerType() == tpid;
        if (alreadyTagged && !reorderHeader) {
            out.transmit(frame, LOWER, Action.TRANSMITTED);          // reorder_hdr off: the existing tag is kept
            return;
        }
        frame.pushVlanTag(tpid, vid);                                // already tagged + reorder_hdr on: double tag
        out.transmit(frame, LOWER, Action.TAG_PUSHED);
    }

    /** The parent demultiplexed a frame tagged with our VID: pop the tag and hand it up. */
    private void receiveFromParent(final Frame frame, final Egress out) {
        if (!up) {
            out.drop(frame, LOWER, DropReason.VLAN_DEVICE_DOWN, vid);
            return;
        }
        if (frame.outerType() != tpid || frame.vlanId() != vid) {     // only a frame injected here directly
            out.drop(frame, LOWER, DropReason.NOT_THIS_SUBINTERFACES_VLAN, vid);
            return;
        }
        frame.popVlanTag();
        out.transmit(frame, UPPER, Action.TAG_POPPED);
    }

    private static int payloadLength(final Frame frame) {
        return frame.end() - frame.innerTypeOffset() - 2;
    }

    /** tcpdump on the subinterface sees its upper side: untagged frames. */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return port == UPPER;
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        Sealing.check(sealed, host + "/" + name);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return name;
    }

    @Override
    public String portName(final int port) {
        return port == LOWER ? name + " (to parent)" : name + " (to master)";
    }

    @Override
    public int portCount() {
        return 2;
    }

    @Override
    public Sketch sketch() {
        return Sketch.whole(this, Sketch.Shape.SUBINTERFACE, "802.1Q VLAN " + vid(), vid());
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.VLAN_SUBINTERFACE;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        return List.of(name + "  802.1Q VLAN " + vid + " on " + peer.apply(LOWER) + ", master " + peer.apply(UPPER));
    }

    /** Its VLAN ID, 1-4094. */
    public int vid() {
        return vid;
    }

    /**
     * {@code ip link set dev NAME up|down}: a subinterface that is down drops frames both ways ({@link
     * DropReason#LINK_DOWN} to the wire, {@link DropReason#VLAN_DEVICE_DOWN} from it).
     */
    public void setUp(final boolean up) {
        checkConfigurable();
        this.up = up;
    }

    /**
     * Its MTU in bytes: a frame from above whose payload (tag not counted) is larger is dropped as {@link
     * DropReason#MTU_EXCEEDED}.
     */
    public int mtu() {
        return mtu;
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A host's physical NIC such as {@code enp4s0f0}, parent of 802.1Q subinterfaces. Receive follows
 * __netif_receive_skb_core(): a tagged frame goes to the subinterface registered for its VID (which pops the
 * tag); with none, it goes tagged to the bridge the NIC is enslaved to, or is dropped (PACKET_OTHERHOST, "no
 * 802.1Q interface for VID n"); a priority tag (VID 0) counts as untagged; untagged frames stay on the parent.
 * Transmit puts upper-layer frames on the wire unchanged. Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 1.
 */
public final class PhysicalNic implements Device {
    /** The cable side. */
    public static final int WIRE = 0;

    private final String host;
    private final String name;
    private final long mac;
    private final List<String> upperNames = new ArrayList<>();
    private final VlanDemux demux = new VlanDemux();
    private boolean up = true;
    private final int mtu;

    /** Set by {@link #seal()}: part of a built topology, configuration final. */
    private boolean sealed;

    /**
     * A NIC that is up, not promiscuous, with nothing stacked on it yet; port 0 ({@link #WIRE}) is its cable.
     *
     * @param host the machine it is in ("node0")
     * @param name its interface name ("enp4s0f0")
     * @param mac its MAC, 48 bits in a long
     * @param mtu its MTU in bytes: the largest payload (IP packet) it puts on the wire
     */
    public PhysicalNic(final String host, final String name, final long mac, final int mtu) {
        this.host = host;
        this.name = name;
        this.mac = mac;
        this.mtu = mtu;
        upperNames.add(name);
    }

    /**
     * Registers the subinterface for {@code vid}; returns the NIC port that links to it.
     *
     * @param vid the VLAN ID, 1-4094, frames tagged with it go up to that subinterface
     */
    public int addSubinterface(final int vid, final String subinterfaceName) {
        checkConfigurable();
        final int port = upperNames.size();
        demux.addSubinterface(vid, port, name);
        upperNames.add(subinterfaceName);
        return port;
    }

    /** Enslaves the NIC itself to a bridge; returns the NIC port that links to it. */
    public int setMaster(final String bridgeName) {
        checkConfigurable();
        demux.checkNoMaster(name);
        final int port = upperNames.size();
        demux.setMaster(port);                 // br_manage_promisc(): a bridge port is promiscuous
        upperNames.add(bridgeName);
        return port;
    }

    /** A bridge with vlan_filtering 0 makes its ports promiscuous, and a subinterface passes that to its parent. */
    public void setPromiscuous(final boolean promiscuous) {
        checkConfigurable();
        demux.setPromiscuous(promiscuous);
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (!up) {
            out.drop(frame, port, DropReason.LINK_DOWN, 0);
            return;
        }
        if (port == WIRE) {
            demux.receive(frame, WIRE, mac, out);
        } else {
            transmitToWire(frame, port, out);
        }
    }

    private void transmitToWire(final Frame frame, final int port, final Egress out) {
        if (frame.end() - frame.innerTypeOffset() - 2 > mtu) {
            out.drop(frame, port, DropReason.MTU_EXCEEDED, mtu);
            return;
        }
        out.transmit(frame, WIRE, Action.TRANSMITTED);
    }

    /** tcpdump on the NIC sees the wire side, tags included (ptype_all taps run before the VLAN demux). */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return port == WIRE;
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
        return port == WIRE ? name + " (wire)" : name + " (to " + upperNames.get(port) + ")";
    }

    @Override
    public int portCount() {
        return upperNames.size();
    }

    @Override
    public Sketch sketch() {
        return Sketch.whole(this, Sketch.Shape.NIC, "physical NIC", 0);
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.PHYSICAL_NIC;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        return List.of(name + "  physical NIC, mac " + MacAddress.format(mac) + ", mtu " + mtu + ", cabled to "
                + peer.apply(WIRE));
    }

    /** The NIC's MAC, 48 bits in a long. */
    public long mac() {
        return mac;
    }

    /**
     * {@code ip link set dev NAME up|down}: a NIC that is down drops every frame, both ways, as {@link
     * DropReason#LINK_DOWN}.
     */
    public void setUp(final boolean up) {
        checkConfigurable();
        this.up = up;
    }

    /**
     * The NIC's MTU in bytes: a frame to the wire whose payload is larger is dropped as {@link
     * DropReason#MTU_EXCEEDED}.
     */
    public int mtu() {
        return mtu;
    }
}

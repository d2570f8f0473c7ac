package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.l2.ForwardingDatabase;
import vnetsim.device.l2.L2Forwarding;
import vnetsim.device.l2.PortVlans;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A Linux bridge (net/bridge) with STP off, as the documents' NMState configures it. Ingress follows
 * br_handle_frame() / br_handle_frame_finish(): valid source, link-local handling, VLAN ingress check (only with
 * vlan_filtering), learning after filtering, then known unicast to one port, everything else flooded to every
 * other port (the last one gets the original, as br_flood() does). A frame never goes back out its ingress port
 * unless the port is in hairpin mode. With vlan_filtering off, tags pass unchanged and learning is on MAC only
 * (VID 0). Rules and sources: {@code src/docs/forwarding-rules.md} section 3.
 */
public final class LinuxBridge implements Device, Switching, Cloneable {
    /** br_fdb ageing default, BR_DEFAULT_AGEING_TIME. */
    public static final long DEFAULT_AGEING_NS = 300_000_000_000L;
    private static final int NONE = -1;
    private static final long STP_GROUP = 0x0180_c200_0000L;

    private final String host;
    private final String name;
    private final boolean vlanFiltering;
    private final int defaultPvid;
    private final List<BridgePort> ports = new ArrayList<>();
    private final List<Boolean> portUp = new ArrayList<>();
    private ForwardingDatabase fdb;              // learned state: fresh in each instance

    /** A bridge with the kernel's default_pvid 1. */
    /** Set by {@link #seal()}: part of a built topology, configuration final. */
    private boolean sealed;

    public LinuxBridge(final String host, final String name, final boolean vlanFiltering, final long ageingNs) {
        this(host, name, vlanFiltering, ageingNs, 1);
    }

    /** @param defaultPvid the VID new ports get as PVID untagged (vlan_default_pvid); 0 means none */
    public LinuxBridge(final String host, final String name, final boolean vlanFiltering, final long ageingNs,
                       final int defaultPvid) {
        this.host = host;
        this.name = name;
        this.vlanFiltering = vlanFiltering;
        this.defaultPvid = defaultPvid;
        this.fdb = new ForwardingDatabase(ageingNs);
    }

    /**
     * The VLAN table a newly enslaved port gets (nbp_vlan_init): default_pvid as PVID untagged, or nothing when
     * default_pvid is 0, in which case untagged frames from that port are dropped until a PVID is set.
     */
    public BridgePort defaultPort(final String portName, final int mtu) {
        return defaultPvid == 0
                ? new BridgePort(portName, VlanSet.NONE, VlanSet.NONE, PortVlans.NO_PVID, false, mtu)
                : BridgePort.access(portName, defaultPvid, mtu);
    }

    /** Enslaves a device; returns its port number. */
    public int addPort(final BridgePort port) {
        checkConfigurable();
        ports.add(port);
        portUp.add(Boolean.TRUE);
        return ports.size() - 1;
    }

    @Override
    public void receive(final Frame frame, final int ingress, final Egress out) {
        final long source = frame.sourceMac();
        if (!MacAddress.isValidSource(source)) {
            out.drop(frame, ingress, DropReason.INVALID_SOURCE_MAC, 0);
            return;
        }
        final long destination = frame.destinationMac();
        if (MacAddress.isLinkLocal(destination) && destination != STP_GROUP) {
            // 01:80:c2:00:00:00 is flooded like multicast when STP is off; PAUSE and the rest stay local
            out.drop(frame, ingress, DropReason.LINK_LOCAL_NOT_FORWARDED, 0);
            return;
        }
        if (!portUp.get(ingress)) {
            out.drop(frame, ingress, DropReason.LINK_DOWN, 0);
            return;
        }
        final int vlan = vlanFiltering ? admit(frame, ingress, out) : 0;
        if (vlan == NONE) {
            return;                                                  // admit() dropped it
        }
        fdb.learn(source, vlan, ingress, out.now());                 // after filtering, to avoid spoofing

        final int egress = MacAddress.isMulticast(destination) ? ForwardingDatabase.UNKNOWN
                : fdb.lookup(destination, vlan, out.now());
        if (egress == ForwardingDatabase.UNKNOWN) {
            flood(frame, ingress, vlan, out);
            return;
        }
        final DropReason refused = shouldDeliver(egress, ingress, vlan);
        if (refused != null) {
            out.drop(frame, ingress, refused, L2Forwarding.detail(refused, vlan));
        } else {
            forward(frame, egress, vlan, Action.SWITCHED, out);
        }
    }

    /** __allowed_ingress(): untagged or priority-tagged frames take the PVID; tagged ones need their VID on the port. */
    private int admit(final Frame frame, final int ingress, final Egress out) {
        final BridgePort port = ports.get(ingress);
        if (frame.outerType() != EtherType.VLAN_8021Q || frame.vlanId() == 0) {
            if (port.pvid() == PortVlans.NO_PVID) {
                out.drop(frame, ingress, DropReason.NO_PVID, 0);
                return NONE;
            }
            if (frame.outerType() == EtherType.VLAN_8021Q) {
                frame.popVlanTag();                                   // priority tag: classified like untagged
            }
            return port.pvid();
        }
        final int vid = frame.vlanId();
        if (port.admit(vid) == PortVlans.NOT_ADMITTED) {
            out.drop(frame, ingress, DropReason.VLAN_NOT_ALLOWED_INGRESS, vid);
            return NONE;
        }
        return vid;
    }

    private void flood(final Frame frame, final int ingress, final int vlan, final Egress out) {
        int previous = NONE;
        for (int port = 0; port < ports.size(); port++) {
            if (shouldDeliver(port, ingress, vlan) == null) {
                if (previous != NONE) {
                    forward(out.copy(frame), previous, vlan, Action.FLOODED, out);
                }
                previous = port;
            }
        }
        if (previous == NONE) {
            out.drop(frame, ingress, DropReason.NO_EGRESS_PORT, vlan);
        } else {
            forward(frame, previous, vlan, Action.FLOODED, out);     // the last port gets the original
        }
    }

    @Override
    public Refusal egressRefusal(final int ingress, final int wireVid, final int egress) {
        int vlan = 0;
        if (vlanFiltering) {
            final BridgePort port = ports.get(ingress);
            vlan = wireVid <= 0 ? port.pvid() : port.admit(wireVid);
            if (vlan == PortVlans.NO_PVID || vlan == PortVlans.NOT_ADMITTED) {
                return null;
            }
        }
        final DropReason refused = shouldDeliver(egress, ingress, vlan);
        return refused == null ? null : new Refusal(refused, L2Forwarding.detail(refused, vlan));
    }

    /** should_deliver(): not back out the ingress port (unless hairpin), port up, VLAN allowed on egress. */
    private DropReason shouldDeliver(final int port, final int ingress, final int vlan) {
        final BridgePort p = ports.get(port);
        return L2Forwarding.shouldDeliver(port, ingress, p.hairpin(), portUp.get(port),
                vlanFiltering ? p : PortVlans.UNAWARE, vlan);
    }

    private void forward(final Frame frame, final int egress, final int vlan, final Action action, final Egress out) {
        final BridgePort port = ports.get(egress);
        if (vlanFiltering) {
            L2Forwarding.tagForEgress(frame, port, vlan);             // br_handle_vlan()
        }
        if (frame.length() > port.mtu() + 18) {                       // is_skb_forwardable(): silent L2 drop
            out.drop(frame, egress, DropReason.MTU_EXCEEDED, port.mtu());
            return;
        }
        out.transmit(frame, egress, action);
    }

    /** tcpdump on the bridge device: each frame once, as it enters the bridge. */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return direction == Direction.IN;
    }

    /** Configuration shared (a shallow copy: lists and maps are never written while simulating), state fresh. */
    @Override
    public LinuxBridge instantiate() {
        try {
            final LinuxBridge copy = (LinuxBridge) clone();
            copy.fdb = new ForwardingDatabase(fdb.ageingNs());
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        fdb.clear();
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        if (sealed) {
            throw new IllegalStateException(host + "/" + name + " is part of a built topology: its configuration cannot change "
                    + "(build a new topology for a what-if)");
        }
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
        return ports.get(port).name();
    }

    @Override
    public int portCount() {
        return ports.size();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.LINUX_BRIDGE;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final StringBuilder sb = new StringBuilder(name + "  Linux bridge, vlan_filtering " + (vlanFiltering ? 1 : 0)
                + ", STP off, ports:");
        for (final BridgePort port : ports) {
            sb.append(' ').append(port.name());
            if (vlanFiltering) {
                sb.append(" (vids ").append(port.vids()).append(", pvid ").append(port.pvid()).append(')');
            }
        }
        return List.of(sb.toString());
    }

    public boolean vlanFiltering() {
        return vlanFiltering;
    }

    public BridgePort port(final int port) {
        return ports.get(port);
    }

    public void setPort(final int index, final BridgePort port) {
        checkConfigurable();
        ports.set(index, port);
    }

    public void setPortUp(final int index, final boolean up) {
        checkConfigurable();
        portUp.set(index, up);
    }

    public ForwardingDatabase fdb() {
        return fdb;
    }

    /** Port number of the enslaved device with this name, or -1. */
    public int portNamed(final String portName) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(portName)) {
                return i;
            }
        }
        return NONE;
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.bridge.BridgeFdb;
import vnetsim.device.bridge.FdbEntry;
import vnetsim.device.bridge.FdbFlag;
import vnetsim.device.bridge.PortFlag;
import vnetsim.device.bridge.PortFlags;
import vnetsim.device.bridge.StpState;
import vnetsim.device.l2.L2Forwarding;
import vnetsim.device.l2.PortVlans;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A Linux bridge (net/bridge). Ingress follows br_handle_frame() / br_handle_frame_finish(): valid source,
 * link-local handling, STP port state, VLAN ingress check (only with vlan_filtering), locked port, learning after
 * filtering, then: broadcast and multicast flooded and a copy passed up to the bridge device; unicast to a local
 * FDB entry (a port's or the bridge's own MAC) passed up; known unicast to one port; unknown unicast flooded (the
 * last port gets the original, as br_flood() does). Every egress port passes should_deliver(): not back out the
 * ingress port unless hairpin, port forwarding, VLAN allowed, not isolated to isolated; a flood also needs the
 * port's flood / mcast_flood / bcast_flood flag.
 *
 * <p>The bridge device itself is an optional port ({@link #addHostPort}) linked to the host's IP stack: frames
 * from it enter as br_dev_xmit() sends them (the bridge's own VLAN table, "self", classifies them; no learning).
 * With vlan_filtering off, tags pass unchanged and learning is on MAC only (VID 0). Configuration changes are
 * made as {@code ip} and {@code bridge} make them, at run time. Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 3.
 */
public final class LinuxBridge implements Device, Switching, Cloneable {
    /** br_fdb ageing default, BR_DEFAULT_AGEING_TIME. */
    public static final long DEFAULT_AGEING_NS = 300_000_000_000L;
    /** BR_DEFAULT_FORWARD_DELAY (15 s), also NetworkManager's and nmstate's default. */
    public static final long DEFAULT_FORWARD_DELAY_NS = 15_000_000_000L;
    /** {@code bridge fdb add} without {@code vlan}: VID 0 and every VLAN of the port. */
    public static final int ALL_VLANS = -1;
    private static final int NONE = -1;
    /** {@link #lookupUnicast}: the destination is one of the bridge's own MACs. */
    private static final int LOCAL = -3;
    private static final long STP_GROUP = 0x0180_c200_0000L;
    private static final int UNICAST = 0;
    private static final int MULTICAST = 1;
    private static final int BROADCAST = 2;

    private final String host;
    /** Set by {@link #seal()}: part of a built topology, configuration final; a simulation's instance is open. */
    private boolean sealed;
    private final String name;
    /** By port number; configuration, copied per simulation (run-time changes). An array: read on every frame. */
    private Member[] members = new Member[0];
    private BridgeFdb fdb;                               // learned state: fresh in each instance
    private boolean vlanFiltering;
    private int defaultPvid;
    /** The bridge device's own VLAN table ({@code bridge vlan ... self}); VID default_pvid PVID untagged at creation. */
    private BridgePort self;
    private int hostPort = NONE;
    private long mac;
    private boolean macSet;
    private boolean stp;
    private long forwardDelayNs = DEFAULT_FORWARD_DELAY_NS;
    private boolean fdbLocalVlan0;

    /** One enslaved device: its VLAN table, flags, MAC and state. */
    private static final class Member implements Cloneable {
        BridgePort vlans;
        PortFlags flags = PortFlags.KERNEL_DEFAULT;
        long mac;
        boolean up = true;
        boolean attached = true;
        long upSinceNs;

        Member(final BridgePort vlans, final long mac) {
            this.vlans = vlans;
            this.mac = mac;
        }

        Member copy() {
            try {
                return (Member) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A bridge with the kernel's default_pvid 1.
     *
     * @param ageingNs ageing_time in nanoseconds: how long a learned entry lives without traffic (the kernel default
     *   is 300 s)
     */
    public LinuxBridge(final String host, final String name, final boolean vlanFiltering, final long ageingNs) {
        this(host, name, vlanFiltering, ageingNs, 1);
    }

    /**
     * {@code ip link add NAME type bridge vlan_filtering 0|1 ageing_time T vlan_default_pvid N}: a bridge with no
     * port yet; its MAC is random (made deterministic from the names) until a port gives it one.
     *
     * @param host          the machine it is on ("node0")
     * @param name          the bridge device's name ("br-1928")
     * @param vlanFiltering whether ports' VLAN entries filter traffic
     * @param ageingNs      ageing_time in nanoseconds (the kernel default is 300 s)
     * @param defaultPvid   the VID new ports get as PVID untagged (vlan_default_pvid), 1-4094; 0 means none
     */
    public LinuxBridge(final String host, final String name, final boolean vlanFiltering, final long ageingNs,
                       final int defaultPvid) {
        this.host = host;
        this.name = name;
        this.vlanFiltering = vlanFiltering;
        this.defaultPvid = defaultPvid;
        this.fdb = new BridgeFdb(ageingNs);
        this.self = defaultVlans(name, 1500);
        this.mac = randomMac(host, name);
        refreshLocalEntries();
    }

    /** eth_hw_addr_random() at creation, made deterministic: locally administered, derived from the names. */
    private static long randomMac(final String host, final String name) {
        final long h = (host + "/" + name).hashCode() & 0xffff_ffffL;
        return 0x0200_0000_0000L | (h << 8) | 0x42L;
    }

    /**
     * The VLAN table a newly enslaved port gets (nbp_vlan_init): default_pvid as PVID untagged, or nothing when
     * default_pvid is 0, in which case untagged frames from that port are dropped until a PVID is set.
     *
     * @param mtu the enslaved device's MTU in bytes
     */
    public BridgePort defaultPort(final String portName, final int mtu) {
        return defaultVlans(portName, mtu);
    }

    private BridgePort defaultVlans(final String portName, final int mtu) {
        return defaultPvid == 0
                ? new BridgePort(portName, VlanSet.NONE, VlanSet.NONE, PortVlans.NO_PVID, false, mtu)
                : BridgePort.access(portName, defaultPvid, mtu);
    }

    /** Enslaves a device whose MAC does not matter; returns its port number. */
    public int addPort(final BridgePort port) {
        checkConfigurable();
        return addPort(port, 0L);
    }

    /** Enslaves a device ({@code ip link set dev X master BR}); its MAC gets local FDB entries. */
    public int addPort(final BridgePort port, final long portMac) {
        checkConfigurable();
        members = Arrays.copyOf(members, members.length + 1);
        members[members.length - 1] = new Member(port, portMac);
        refreshLocalEntries();
        return members.length - 1;
    }

    /**
     * The bridge device as a port of its own, linked to the host's IP stack (an address on the bridge, VLAN devices
     * such as {@code br0.10} on top of it). Returns its port number.
     */
    public int addHostPort() {
        checkConfigurable();
        if (hostPort != NONE) {
            throw new IllegalStateException(name + " already has its host port");
        }
        final Member m = new Member(self, 0L);
        members = Arrays.copyOf(members, members.length + 1);
        members[members.length - 1] = m;
        hostPort = members.length - 1;
        return hostPort;
    }

    // ---- data path ----------------------------------------------------------------------------------------------

    @Override
    public void receive(final Frame frame, final int ingress, final Egress out) {
        if (ingress == hostPort) {
            transmitFromBridgeDevice(frame, out);
            return;
        }
        final Member in = members[ingress];
        if (!in.attached) {
            out.drop(frame, ingress, DropReason.NOT_A_BRIDGE_PORT, 0);
            return;
        }
        if (!in.up) {
            out.drop(frame, ingress, DropReason.LINK_DOWN, 0);
            return;
        }
        final long source = frame.sourceMac();
        if (!MacAddress.isValidSource(source)) {
            out.drop(frame, ingress, DropReason.INVALID_SOURCE_MAC, 0);
            return;
        }
        final long destination = frame.destinationMac();
        if (MacAddress.isLinkLocal(destination)) {
            // 01:80:c2:00:00:00 is flooded like multicast when STP is off; with STP on it is the bridge's BPDU.
            // PAUSE and the rest stay local.
            if (destination != STP_GROUP) {
                out.drop(frame, ingress, DropReason.LINK_LOCAL_NOT_FORWARDED, 0);
                return;
            }
            if (stp) {
                out.drop(frame, ingress, DropReason.STP_BPDU_CONSUMED, 0);
                return;
            }
        }
        final long now = out.now();
        final StpState state = state(in, now);
        if (!state.learns()) {
            out.drop(frame, ingress, DropReason.PORT_NOT_FORWARDING, state.ordinal());
            return;
        }
        final int vlan = vlanFiltering ? admit(frame, ingress, in.vlans, out) : 0;
        if (vlan == NONE) {
            return;                                                  // admit() dropped it
        }
        if (in.flags.has(PortFlag.LOCKED) && !lockedPortAdmits(source, vlan, ingress, in, now)) {
            out.drop(frame, ingress, DropReason.PORT_LOCKED, 0);
            return;
        }
        if (in.flags.has(PortFlag.LEARNING)) {
            fdb.learn(source, vlan, ingress, now);                   // after filtering, to avoid spoofing
        }
        if (state == StpState.LEARNING) {
            out.drop(frame, ingress, DropReason.PORT_NOT_FORWARDING, state.ordinal());
            return;
        }
        final boolean isolated = in.flags.has(PortFlag.ISOLATED);
        if (MacAddress.isBroadcast(destination)) {
            flood(frame, ingress, vlan, BROADCAST, true, isolated, out);
        } else if (MacAddress.isMulticast(destination)) {
            flood(frame, ingress, vlan, MULTICAST, true, isolated, out);   // no MDB: unregistered multicast
        } else {
            final int egress = lookupUnicast(destination, vlan, now);
            if (egress == LOCAL) {
                passUp(frame, ingress, vlan, Action.SWITCHED, out);  // a port's or the bridge's own MAC
            } else if (egress >= 0) {
                forwardKnown(frame, ingress, egress, vlan, isolated, out);
            } else {
                flood(frame, ingress, vlan, UNICAST, false, isolated, out);
            }
        }
    }

    /**
     * br_handle_frame_finish() on a locked port: the source needs an FDB entry pointing at this port that is not
     * local and not locked. With MAB an unknown source gets a locked entry (and is still dropped); a locked entry is
     * refreshed.
     */
    private boolean lockedPortAdmits(final long source, final int vlan, final int ingress, final Member in,
                                     final long now) {
        final int port = fdb.lookup(source, vlan, now);
        if (port == -1) {
            if (in.flags.has(PortFlag.MAB)) {
                fdb.learn(source, vlan, ingress, now, true);
            }
            return false;
        }
        if (port != ingress || fdb.isLocal(source, vlan, now)) {
            return false;                                            // FDB mismatch: dropped without roaming
        }
        if (fdb.has(source, vlan, FdbFlag.LOCKED, now)) {
            fdb.learn(source, vlan, ingress, now, true);
            return false;
        }
        return true;
    }

    /**
     * br_fdb_find_rcu() for a unicast destination: the port of its entry, {@link #LOCAL} for a local entry (a port's
     * or the bridge's own MAC), or -1. With fdb_local_vlan_0 a miss in the frame's VLAN is looked up again in VLAN
     * 0, where only a local entry the bridge made itself counts (not one a user added).
     */
    private int lookupUnicast(final long destination, final int vlan, final long now) {
        final int port = fdb.lookup(destination, vlan, now);
        if (port != -1) {
            return fdb.lastLookupLocal() ? LOCAL : port;
        }
        if (!fdbLocalVlan0 || vlan == 0) {
            return -1;
        }
        fdb.lookup(destination, 0, now);
        return fdb.lastLookupOwnLocal() ? LOCAL : -1;
    }

    /** br_dev_xmit(): the host stack sends through the bridge device. No learning; classified by the "self" VLANs. */
    private void transmitFromBridgeDevice(final Frame frame, final Egress out) {
        final int vlan = vlanFiltering ? admit(frame, hostPort, self, out) : 0;
        if (vlan == NONE) {
            return;
        }
        final long destination = frame.destinationMac();
        if (MacAddress.isBroadcast(destination)) {
            flood(frame, hostPort, vlan, BROADCAST, false, false, out);
        } else if (MacAddress.isMulticast(destination)) {
            flood(frame, hostPort, vlan, MULTICAST, false, false, out);
        } else {
            final int egress = fdb.lookup(destination, vlan, out.now());
            if (egress == -1) {
                flood(frame, hostPort, vlan, UNICAST, false, false, out);
            } else if (fdb.lastLookupLocal()) {
                out.drop(frame, hostPort, DropReason.DESTINATION_ON_INGRESS_PORT, 0);   // to its own address
            } else {
                forwardKnown(frame, hostPort, egress, vlan, false, out);
            }
        }
    }

    /** __allowed_ingress(): untagged or priority-tagged frames take the PVID; tagged ones need their VID on the port. */
    private int admit(final Frame frame, final int ingress, final BridgePort port, final Egress out) {
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

    /** br_forward() to the one port the FDB names, if should_deliver() lets it; otherwise the frame is dropped. */
    private void forwardKnown(final Frame frame, final int ingress, final int egress, final int vlan,
                              final boolean sourceIsolated, final Egress out) {
        final DropReason refused = shouldDeliver(egress, ingress, vlan, sourceIsolated, out.now());
        if (refused != null) {
            out.drop(frame, ingress, refused, detail(refused, egress, vlan, out.now()));
            return;
        }
        forward(frame, egress, vlan, Action.SWITCHED, out);
    }

    /**
     * br_flood(): every port that should_deliver() allows and whose flood flag for this kind of frame is on (a
     * multicast or broadcast the bridge device itself sends ignores mcast_flood / bcast_flood). With
     * {@code local}, the bridge device gets the frame too (br_pass_frame_up() after the flood).
     */
    private void flood(final Frame frame, final int ingress, final int vlan, final int kind, final boolean local,
                       final boolean sourceIsolated, final Egress out) {
        final long now = out.now();
        final boolean passUp = local && hostPort != NONE;
        int previous = NONE;
        boolean flagRefused = false;
        for (int port = 0; port < members.length; port++) {
            if (port == hostPort || !members[port].attached) {
                continue;
            }
            if (!floods(members[port].flags, kind, ingress == hostPort)) {
                flagRefused |= port != ingress;
                continue;
            }
            if (shouldDeliver(port, ingress, vlan, sourceIsolated, now) == null) {
                if (previous != NONE) {
                    forward(out.copy(frame), previous, vlan, Action.FLOODED, out);
                }
                previous = port;
            }
        }
        if (previous != NONE) {
            forward(passUp ? out.copy(frame) : frame, previous, vlan, Action.FLOODED, out);
        }
        if (passUp) {
            passUp(frame, ingress, vlan, Action.FLOODED, out);
        } else if (previous == NONE) {
            if (flagRefused) {
                out.drop(frame, ingress, DropReason.FLOOD_DISABLED, kind);
            } else {
                out.drop(frame, ingress, DropReason.NO_EGRESS_PORT, vlan);
            }
        }
    }

    private static boolean floods(final PortFlags flags, final int kind, final boolean fromBridgeDevice) {
        return switch (kind) {
            case UNICAST -> flags.has(PortFlag.FLOOD);
            case MULTICAST -> flags.has(PortFlag.MCAST_FLOOD) || fromBridgeDevice;
            default -> flags.has(PortFlag.BCAST_FLOOD) || fromBridgeDevice;
        };
    }

    @Override
    public Refusal egressRefusal(final int ingress, final int wireVid, final int egress, final long nowNs) {
        final Member in = members[ingress];
        int vlan = 0;
        if (vlanFiltering) {
            vlan = wireVid <= 0 ? in.vlans.pvid() : in.vlans.admit(wireVid);
            if (vlan == PortVlans.NO_PVID || vlan == PortVlans.NOT_ADMITTED) {
                return null;
            }
        }
        final DropReason refused = shouldDeliver(egress, ingress, vlan, in.flags.has(PortFlag.ISOLATED), nowNs);
        return refused == null ? null : new Refusal(refused, detail(refused, egress, vlan, nowNs));
    }

    /** With vlan_filtering: "VLAN 200 (PVID, untagged) and VLAN 1 (untagged)"; "no VLAN" for an empty table. */
    @Override
    public String vlanMembership(final int port) {
        if (!vlanFiltering) {
            return null;
        }
        final BridgePort p = members[port].vlans;
        final List<String> parts = new ArrayList<>();
        VlanSet others = p.vids();
        if (p.pvid() != BridgePort.NO_PVID) {
            parts.add("VLAN " + p.pvid() + " (PVID, " + (p.sendsUntagged(p.pvid()) ? "untagged)" : "tagged)"));
            others = others.minus(VlanSet.of(p.pvid()));
        }
        final VlanSet tagged = others.minus(p.untagged());
        final VlanSet untagged = others.minus(tagged);
        for (final VlanSet set : List.of(untagged, tagged)) {
            if (!set.isEmpty()) {
                final String text = set.toString();
                parts.add((text.contains(",") || text.contains("-") ? "VLANs " : "VLAN ") + text
                        + (set == untagged ? " (untagged)" : " (tagged)"));
            }
        }
        return parts.isEmpty() ? "no VLAN" : String.join(" and ", parts);
    }

    /**
     * should_deliver() (br_forward.c): the rules every L2 port shares (not back out the ingress port unless hairpin,
     * port up, VLAN allowed on egress), then the bridge's own: STP state forwarding, and not from an isolated port to
     * an isolated port. Null when the frame may go; otherwise why not.
     */
    private DropReason shouldDeliver(final int port, final int ingress, final int vlan, final boolean sourceIsolated,
                                     final long now) {
        final Member m = members[port];
        final BridgePort vlans = m.vlans;                              // VLAN-unaware: carries everything
        final DropReason shared = L2Forwarding.shouldDeliver(port, ingress, vlans.hairpin(), m.up,
                !vlanFiltering || vlans.carries(vlan));
        if (shared != null) {
            return shared;
        }
        if (state(m, now) != StpState.FORWARDING) {
            return DropReason.PORT_NOT_FORWARDING;
        }
        if (sourceIsolated && m.flags.has(PortFlag.ISOLATED)) {
            return DropReason.PORT_ISOLATED;
        }
        return null;
    }

    private int detail(final DropReason reason, final int port, final int vlan, final long now) {
        return switch (reason) {
            case VLAN_NOT_ALLOWED_EGRESS -> vlan;
            case PORT_NOT_FORWARDING -> state(members[port], now).ordinal();
            default -> 0;
        };
    }

    /**
     * br_pass_frame_up(): the frame goes to the bridge device's own stack. With vlan_filtering the bridge's own
     * VLAN table must hold the VID, and its untagged flag decides whether the stack (or a VLAN device on top,
     * {@code br0.10}) sees it tagged.
     */
    private void passUp(final Frame frame, final int ingress, final int vlan, final Action action,
                        final Egress out) {
        if (hostPort == NONE) {
            out.drop(frame, ingress, DropReason.BRIDGE_HAS_NO_ADDRESS, 0);
            return;
        }
        if (vlanFiltering) {
            if (!self.carries(vlan)) {
                out.drop(frame, ingress, DropReason.VLAN_NOT_ON_BRIDGE_DEVICE, vlan);
                return;
            }
            L2Forwarding.tagForEgress(frame, self.sendsUntagged(vlan), vlan);   // br_handle_vlan(), bridge device
        }
        out.transmit(frame, hostPort, action);
    }

    private void forward(final Frame frame, final int egress, final int vlan, final Action action, final Egress out) {
        final BridgePort port = members[egress].vlans;
        if (vlanFiltering) {
            L2Forwarding.tagForEgress(frame, port.sendsUntagged(vlan), vlan);   // br_handle_vlan()
        }
        if (frame.length() > port.mtu() + 18) {                       // is_skb_forwardable(): silent L2 drop
            out.drop(frame, egress, DropReason.MTU_EXCEEDED, port.mtu());
            return;
        }
        out.transmit(frame, egress, action);
    }

    /**
     * The port's STP state now. STP off: forwarding while up. STP on (the kernel's STP, every port designated on a
     * lone bridge): listening for forward_delay after the port came up, learning for another forward_delay, then
     * forwarding.
     */
    private StpState state(final Member m, final long now) {
        if (!m.up || !m.attached) {
            return StpState.DISABLED;
        }
        if (!stp) {
            return StpState.FORWARDING;
        }
        final long since = now - m.upSinceNs;
        if (since < forwardDelayNs) {
            return StpState.LISTENING;
        }
        return since < 2 * forwardDelayNs ? StpState.LEARNING : StpState.FORWARDING;
    }

    // ---- run-time configuration, as ip / bridge make it ------------------------------------------------------------

    /** {@code ip link set dev PORT nomaster}: the port leaves; its FDB entries go; the bridge MAC is recomputed. */
    public void removePort(final int index) {
        checkConfigurable();
        final Member m = port(index, "nomaster");
        m.attached = false;
        fdb.flushPort(index);
        refreshLocalEntries();
    }

    /**
     * {@code ip link set dev PORT master BR} for a port removed earlier: it comes back as a new port does, with the
     * kernel's default flags and the default_pvid VLAN, not with what it had before.
     *
     * @param nowNs simulation time in nanoseconds (STP timers start from it)
     */
    public void reattachPort(final int index, final long nowNs) {
        checkConfigurable();
        final Member m = members[index];
        if (m.attached) {
            throw new IllegalArgumentException(m.vlans.name() + " is already a port of " + name);
        }
        m.attached = true;
        m.flags = PortFlags.KERNEL_DEFAULT;
        m.vlans = defaultVlans(m.vlans.name(), m.vlans.mtu()).withHairpin(false);
        m.upSinceNs = nowNs;
        refreshLocalEntries();
    }

    /**
     * {@code ip link set dev PORT down|up}: a port going down forgets what was learned on it (br_stp_disable_port()).
     *
     * @param nowNs simulation time in nanoseconds (STP timers start from it)
     */
    public void setPortUp(final int index, final boolean up, final long nowNs) {
        checkConfigurable();
        final Member m = members[index];
        if (m.up == up) {
            return;
        }
        m.up = up;
        if (up) {
            m.upSinceNs = nowNs;                                     // STP starts over: listening
        } else {
            fdb.flushDynamic(index);
        }
    }

    /**
     * {@code ip link set dev PORT down|up} at time 0 (configuration): as {@link #setPortUp(int, boolean, long)}.
     *
     * @param index the port number
     */
    public void setPortUp(final int index, final boolean up) {
        checkConfigurable();
        setPortUp(index, up, 0);
    }

    /**
     * {@code bridge link set dev PORT ...}: all flags at once, checked as br_setport() checks them.
     * @throws IllegalArgumentException with the kernel's message when MAB is on without locked and learning
     */
    public void setPortFlags(final int index, final PortFlags flags) {
        checkConfigurable();
        final Member m = port(index, "bridge link set");
        if (flags.has(PortFlag.MAB) && (!flags.has(PortFlag.LOCKED) || !flags.has(PortFlag.LEARNING))) {
            throw new IllegalArgumentException(
                    "Bridge port must be locked and have learning enabled when MAB is enabled");
        }
        final boolean mabOff = m.flags.has(PortFlag.MAB) && !flags.has(PortFlag.MAB);
        m.flags = flags;
        if (mabOff) {
            fdb.flushLocked(index);
        }
    }

    /** {@code bridge link set dev PORT FLAG on|off}. */
    public void setPortFlag(final int index, final PortFlag flag, final boolean on) {
        checkConfigurable();
        setPortFlags(index, members[index].flags.with(flag, on));
    }

    /**
     * The port's flags now (learning, flood, hairpin, isolated, locked, ...), as {@code bridge -d link show} lists
     * them.
     */
    public PortFlags portFlags(final int index) {
        return members[index].flags;
    }

    /**
     * {@code bridge vlan add dev PORT vid VID [pvid] [untagged]}.
     *
     * @param vid the VLAN ID, 1-4094
     * @param pvid make it the port's PVID (untagged ingress joins it)
     * @param untagged frames of this VLAN leave the port untagged
     */
    public void vlanAdd(final int index, final int vid, final boolean pvid, final boolean untagged) {
        checkConfigurable();
        final Member m = port(index, "bridge vlan add");
        m.vlans = m.vlans.withVlan(vid, pvid, untagged);
        refreshLocalEntries();
    }

    /**
     * {@code bridge vlan del dev PORT vid VID}: traffic of that VLAN stops at once; what was learned in it goes.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public void vlanDel(final int index, final int vid) {
        checkConfigurable();
        final Member m = port(index, "bridge vlan del");
        if (!m.vlans.carries(vid)) {
            throw new IllegalArgumentException("RTNETLINK answers: No such file or directory");
        }
        m.vlans = m.vlans.withoutVlan(vid);
        fdb.flushPortVlan(index, vid);
        refreshLocalEntries();
    }

    /**
     * {@code bridge vlan add dev BR vid VID [pvid] [untagged] self}: the bridge device's own membership.
     *
     * @param vid the VLAN ID, 1-4094
     * @param pvid make it the bridge device's PVID
     * @param untagged frames of this VLAN go up to the host stack untagged
     */
    public void selfVlanAdd(final int vid, final boolean pvid, final boolean untagged) {
        checkConfigurable();
        setSelf(self.withVlan(vid, pvid, untagged));
    }

    /**
     * {@code bridge vlan del dev BR vid VID self}.
     *
     * @param vid the VLAN ID, 1-4094
     */
    public void selfVlanDel(final int vid) {
        checkConfigurable();
        if (!self.carries(vid)) {
            throw new IllegalArgumentException("RTNETLINK answers: No such file or directory");
        }
        setSelf(self.withoutVlan(vid));
    }

    private void setSelf(final BridgePort vlans) {
        self = vlans;
        if (hostPort != NONE) {
            members[hostPort].vlans = vlans;
        }
        refreshLocalEntries();
    }

    /**
     * The bridge device's own VLAN entries ({@code bridge vlan show dev BR self}): which VLANs frames to and from the
     * host stack carry, its PVID and which leave untagged.
     */
    public BridgePort selfVlans() {
        return self;
    }

    /**
     * {@code ip link set BR type bridge vlan_default_pvid N} (br_vlan_set_default_pvid()): only while vlan_filtering is
     * off; the bridge and every port still on the old default (PVID, untagged) move to the new one.
     *
     * @param pvid the new vlan_default_pvid, 1-4094, or 0 for none
     * @throws IllegalArgumentException "Operation not permitted" while filtering, as the kernel refuses it
     */
    public void setDefaultPvid(final int pvid) {
        checkConfigurable();
        if (pvid == defaultPvid) {
            return;
        }
        if (vlanFiltering) {
            throw new IllegalArgumentException(
                    "RTNETLINK answers: Operation not permitted (Please disable vlan filtering to change default_pvid)");
        }
        final int old = defaultPvid;
        defaultPvid = pvid;
        self = moveDefault(self, old, pvid);
        if (hostPort != NONE) {
            members[hostPort].vlans = self;
        }
        for (int i = 0; i < members.length; i++) {
            if (i != hostPort) {
                members[i].vlans = moveDefault(members[i].vlans, old, pvid);
            }
        }
        refreshLocalEntries();
    }

    /**
     * __br_vlan_set_default_pvid() / __br_vlan_disable_default_pvid() for one VLAN table: a table still on the old
     * default (it is the PVID and untagged, or there was no default) that does not hold the new VID yet gets the new
     * VID as PVID untagged and loses the old one; disabling removes the old default where it is still the default.
     */
    private static BridgePort moveDefault(final BridgePort p, final int old, final int pvid) {
        final boolean onOldDefault = p.pvid() == old && p.sendsUntagged(old);
        if (pvid == 0) {
            return onOldDefault ? p.withoutVlan(old) : p;
        }
        if (old != 0 && !onOldDefault || p.carries(pvid)) {
            return p;                                            // user configuration wins
        }
        final BridgePort moved = p.withVlan(pvid, true, true);
        return old == 0 ? moved : moved.withoutVlan(old);
    }

    /** vlan_default_pvid: the VLAN, 1-4094, a newly enslaved port gets as PVID untagged; 0 when new ports get none. */
    public int defaultPvid() {
        return defaultPvid;
    }

    /** {@code ip link set BR type bridge vlan_filtering 0|1}. */
    public void setVlanFiltering(final boolean on) {
        checkConfigurable();
        vlanFiltering = on;
    }

    /**
     * {@code ip link set BR type bridge stp_state 1 forward_delay N}: ports that come up pass listening and learning.
     * @throws IllegalArgumentException when STP is on and forward_delay is outside 2-30 s (br_set_forward_delay())
     */
    public void setStp(final boolean on, final long forwardDelay) {
        checkConfigurable();
        if (on && (forwardDelay < 2_000_000_000L || forwardDelay > 30_000_000_000L)) {
            throw new IllegalArgumentException("RTNETLINK answers: Numerical result out of range (forward_delay "
                    + forwardDelay / 1e9 + " s: with STP on it must be 2-30 s)");
        }
        this.stp = on;
        this.forwardDelayNs = forwardDelay;
    }

    /** Whether the kernel's STP is on ({@code stp_state 1}). */
    public boolean stp() {
        return stp;
    }

    /**
     * forward_delay in nanoseconds: with STP on, how long a port that came up listens, then learns, before it forwards.
     */
    public long forwardDelayNs() {
        return forwardDelayNs;
    }

    /**
     * The port's STP state at {@code nowNs}, as {@code bridge link} shows it.
     *
     * @param nowNs simulation time in nanoseconds
     */
    public StpState portState(final int index, final long nowNs) {
        return state(members[index], nowNs);
    }

    /** {@code ip link set BR type bridge fdb_local_vlan_0 0|1}: local entries only on VLAN 0, looked up from any VLAN. */
    public void setFdbLocalVlan0(final boolean on) {
        checkConfigurable();
        fdbLocalVlan0 = on;
        refreshLocalEntries();
    }

    /** {@code ip link set dev PORT address MAC}: the port's local entries follow; the bridge MAC may change. */
    public void setPortMac(final int index, final long portMac) {
        checkConfigurable();
        members[index].mac = portMac;
        refreshLocalEntries();
    }

    /** The MAC of the device enslaved as port {@code index}, 48 bits in a long; its local FDB entries use it. */
    public long portMac(final int index) {
        return members[index].mac;
    }

    /** {@code ip link set dev BR address MAC}: pinned (NET_ADDR_SET), no longer the lowest port MAC. */
    public void setMac(final long bridgeMac) {
        checkConfigurable();
        mac = bridgeMac;
        macSet = true;
        refreshLocalEntries();
    }

    /**
     * The bridge MAC: the one set by the user, else the numerically lowest port MAC (br_stp_recalculate_bridge_id()),
     * else the random one it got at creation (kept when the last port leaves).
     */
    public long mac() {
        return mac;
    }

    private void recalculateMac() {
        if (macSet) {
            return;
        }
        long lowest = 0;
        for (int i = 0; i < members.length; i++) {
            final Member m = members[i];
            if (i != hostPort && m.attached && m.mac != 0 && (lowest == 0 || Long.compareUnsigned(m.mac, lowest) < 0)) {
                lowest = m.mac;
            }
        }
        if (lowest != 0) {
            mac = lowest;
        }
    }

    /**
     * br_fdb_add_local() for every own MAC: each port's MAC on VID 0 and on each of its VLANs, the bridge MAC on VID
     * 0 and on each of its own VLANs; with fdb_local_vlan_0 only on VID 0. The first owner of a MAC keeps it.
     */
    private void refreshLocalEntries() {
        recalculateMac();
        fdb.clearLocal();
        for (int i = 0; i < members.length; i++) {
            final Member m = members[i];
            if (i != hostPort && m.attached && m.mac != 0) {
                addLocal(m.mac, i, m.vlans);
            }
        }
        addLocal(mac, BridgeFdb.BRIDGE_DEVICE, self);
    }

    private void addLocal(final long ownMac, final int port, final BridgePort vlans) {
        fdb.addLocal(ownMac, 0, port);
        if (!fdbLocalVlan0) {
            for (final int vid : vlans.vids().toArray()) {
                fdb.addLocal(ownMac, vid, port);
            }
        }
    }

    // ---- FDB management, as bridge fdb does it ----------------------------------------------------------------------

    /**
     * {@code bridge fdb add MAC dev PORT [vlan VID] master [permanent|static|dynamic] [sticky]}. Without a VLAN
     * ({@link #ALL_VLANS}) the kernel adds the entry on VID 0 and on every VLAN of the port (br_fdb_add()).
     *
     * @param vid the VLAN, 1-4094, or {@link #ALL_VLANS}
     * @param nowNs simulation time in nanoseconds
     */
    public void fdbAdd(final long entryMac, final int index, final int vid, final BridgeFdb.State state,
                       final boolean sticky, final long nowNs) {
        checkConfigurable();
        for (final int v : vidsFor(index, vid)) {
            fdb.add(entryMac, v, index, state, sticky, nowNs);
        }
    }

    /**
     * {@code bridge fdb replace MAC dev PORT [vlan VID] master [permanent|static|dynamic] [sticky]}.
     *
     * @param vid the VLAN, 1-4094, or {@link #ALL_VLANS}
     * @param nowNs simulation time in nanoseconds
     */
    public void fdbReplace(final long entryMac, final int index, final int vid, final BridgeFdb.State state,
                           final boolean sticky, final long nowNs) {
        checkConfigurable();
        for (final int v : vidsFor(index, vid)) {
            fdb.replace(entryMac, v, index, state, sticky, nowNs);
        }
    }

    /**
     * {@code bridge fdb replace MAC dev PORT [vlan VID] master extern_learn}.
     *
     * @param vid the VLAN, 1-4094, or {@link #ALL_VLANS}
     * @param nowNs simulation time in nanoseconds
     */
    public void fdbExternLearn(final long entryMac, final int index, final int vid, final long nowNs) {
        checkConfigurable();
        for (final int v : vidsFor(index, vid)) {
            fdb.externLearn(entryMac, v, index, nowNs);
        }
    }

    /**
     * {@code bridge fdb del MAC dev PORT [vlan VID] master}; without a VLAN, VID 0 and every VLAN of the port, which
     * succeeds when any of them was there (br_fdb_delete()).
     *
     * @param vid the VLAN, 1-4094, or {@link #ALL_VLANS}
     * @param nowNs simulation time in nanoseconds
     * @throws IllegalArgumentException "No such file or directory" when nothing was deleted
     */
    public void fdbDel(final long entryMac, final int index, final int vid, final long nowNs) {
        checkConfigurable();
        boolean deleted = false;
        IllegalArgumentException failure = null;
        for (final int v : vidsFor(index, vid)) {
            try {
                fdb.delete(entryMac, v, index, nowNs);
                deleted = true;
            } catch (IllegalArgumentException notThere) {
                failure = notThere;
            }
        }
        if (!deleted) {
            throw failure;
        }
    }

    /** {@code bridge fdb flush dev BR}: everything but the permanent entries. */
    public void fdbFlush() {
        checkConfigurable();
        fdb.flush();
    }

    /**
     * {@code bridge fdb show br BR}.
     *
     * @param nowNs simulation time in nanoseconds: expired entries are left out and ages count from it
     */
    public List<FdbEntry> fdbShow(final long nowNs) {
        return fdb.show(nowNs);
    }

    /**
     * {@code bridge fdb show br BR} as text, one entry a line.
     *
     * @param nowNs simulation time in nanoseconds: expired entries are left out
     */
    public List<String> fdbShowLines(final long nowNs) {
        final List<String> lines = new ArrayList<>();
        for (final FdbEntry e : fdb.show(nowNs)) {
            lines.add(e.format(this::portName, name));
        }
        return lines;
    }

    private int[] vidsFor(final int index, final int vid) {
        port(index, "bridge fdb");
        if (vid != ALL_VLANS) {
            return new int[] {vid};
        }
        final int[] vlans = members[index].vlans.vids().toArray();
        final int[] all = new int[vlans.length + 1];
        System.arraycopy(vlans, 0, all, 1, vlans.length);
        return all;
    }

    private Member port(final int index, final String command) {
        if (index < 0 || index >= members.length || index == hostPort) {
            throw new IllegalArgumentException(command + ": no port " + index + " on bridge " + name);
        }
        return members[index];
    }

    // ---- identity -------------------------------------------------------------------------------------------------

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final StringBuilder sb = new StringBuilder(name + "  Linux bridge, vlan_filtering " + (vlanFiltering ? 1 : 0)
                + (stp ? ", STP on (forward_delay " + forwardDelayNs / 1_000_000_000L + " s)" : ", STP off")
                + ", ports:");
        for (int i = 0; i < members.length; i++) {
            if (i == hostPort || !members[i].attached) {
                continue;
            }
            final BridgePort port = members[i].vlans;
            sb.append(' ').append(port.name());
            if (vlanFiltering) {
                sb.append(" (vids ").append(port.vids()).append(", pvid ").append(port.pvid()).append(')');
            }
        }
        return List.of(sb.toString());
    }

    /** tcpdump on the bridge device: each frame once, as it enters the bridge. */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return direction == Direction.IN;
    }

    /**
     * This bridge for one simulation: its own copy of the port configuration (so {@code bridge} and {@code ip}
     * changes made at run time stay in that simulation), the user's FDB entries, and nothing learned.
     */
    @Override
    public LinuxBridge instantiate() {
        try {
            final LinuxBridge copy = (LinuxBridge) clone();
            copy.sealed = false;                     // this simulation's own configuration
            copy.members = new Member[members.length];
            for (int i = 0; i < members.length; i++) {
                copy.members[i] = members[i].copy();
            }
            copy.fdb = fdb.configurationCopy();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        Sealing.check(sealed, host + "/" + name);
    }

    @Override
    public void reset() {
        fdb.clear();
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
        return members[port].vlans.name();
    }

    /** The port {@link #addHostPort} made: the bridge device itself, towards the host's IP stack. */
    @Override
    public boolean isHostPort(final int port) {
        return hostPort != NONE && port == hostPort;
    }

    @Override
    public int portCount() {
        return members.length;
    }

    @Override
    public Sketch sketch() {
        return Sketch.whole(this, Sketch.Shape.BRIDGE, vlanFiltering() ? "Linux bridge, VLAN filtering"
                : "Linux bridge", 0);
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.LINUX_BRIDGE;
    }

    /** The bridge device's name ("br-1928"). */
    public String name() {
        return name;
    }

    /**
     * Whether vlan_filtering is on: then ingress and egress follow each port's VLAN entries; off, VLAN tags are just
     * payload.
     */
    public boolean vlanFiltering() {
        return vlanFiltering;
    }

    /** The port number of the bridge device itself ({@link #addHostPort}), or -1 when it has none. */
    public int hostPort() {
        return hostPort;
    }

    /** Whether port {@code index} is enslaved now; false after {@link #removePort} until it is added again. */
    public boolean isPortAttached(final int index) {
        return members[index].attached;
    }

    /** The VLAN entries and settings of port {@code port} ({@code bridge vlan show dev PORT}). */
    public BridgePort port(final int port) {
        return members[port].vlans;
    }

    /**
     * Replaces port {@code index}'s VLAN entries and settings at once (what {@code bridge vlan} commands add up to);
     * local FDB entries follow.
     *
     * @param index the port number
     * @param port its new VLAN table, PVID, untagged set, hairpin and MTU
     */
    public void setPort(final int index, final BridgePort port) {
        checkConfigurable();
        members[index].vlans = port;
        refreshLocalEntries();
    }

    /** This instance's forwarding database: learned, static and local entries ({@code bridge fdb show}). */
    public BridgeFdb fdb() {
        return fdb;
    }

    /** Port number of the enslaved device with this name, or -1. */
    public int portNamed(final String portName) {
        for (int i = 0; i < members.length; i++) {
            if (i != hostPort && members[i].vlans.name().equals(portName)) {
                return i;
            }
        }
        return NONE;
    }
}

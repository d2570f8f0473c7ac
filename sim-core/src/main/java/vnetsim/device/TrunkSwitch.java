package vnetsim.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import vnetsim.device.l2.ForwardingDatabase;
import vnetsim.device.l2.L2Forwarding;
import vnetsim.device.l2.PortVlans;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * An NX-OS style L2 switch: access and trunk ports ({@link SwitchportMode}), per-VLAN MAC learning, flooding of
 * broadcast, multicast and unknown unicast "to all LAN ports of the same VLAN except the port that received the
 * frame". A frame in a VLAN not allowed on its ingress port is dropped without learning; frames of a VLAN never
 * leave a port that does not carry it. Rules and sources: {@code src/docs/forwarding-rules.md} section 4
 * (Nexus L2 interfaces guides).
 */
public final class TrunkSwitch implements Device, Switching, Cloneable {
    /** NX-OS (Nexus 9000) default MAC ageing: 1800 s. */
    public static final long DEFAULT_AGEING_NS = 1_800_000_000_000L;
    private static final int NONE = -1;
    /** {@link #untaggedVlan} of an access port: every VLAN it carries (its one VLAN) leaves untagged. */
    private static final int ALL_UNTAGGED = -2;

    private final String host;
    private final List<String> portNames = new ArrayList<>();
    // Per port, indexed by port number (configuration, shared by instances; never written while simulating). The
    // last three are the port's SwitchportMode flattened for the data path: what admit(), carries() and
    // sendsUntagged() answer, without an interface call per frame (see setPortMode).
    private SwitchportMode[] modes = new SwitchportMode[0];
    private boolean[] portUp = new boolean[0];
    /** The VLAN an untagged frame arriving on the port belongs to (PVID, native VLAN), or NOT_ADMITTED. */
    private int[] untaggedIngressVlan = new int[0];
    /** The VLANs the port carries, in and out (an access port: its VLAN; a trunk: its allowed list). */
    private VlanSet[] carried = new VlanSet[0];
    /** The one VLAN that leaves the port untagged, {@link #ALL_UNTAGGED} (access), or {@link #NONE}. */
    private int[] untaggedVlan = new int[0];
    private ForwardingDatabase macTable;         // learned state: fresh in each instance
    private VlanSet createdVlans = VlanSet.ALL;

    /** Set by {@link #seal()}: part of a built topology, configuration final. */
    private boolean sealed;

    /**
     * A switch with no port yet, every VLAN created.
     *
     * @param host the switch as the design names it ("Switch")
     * @param ageingNs how long a learned MAC stays without traffic, in nanoseconds ({@link #DEFAULT_AGEING_NS})
     */
    public TrunkSwitch(final String host, final long ageingNs) {
        this.host = host;
        this.macTable = new ForwardingDatabase(ageingNs);
    }

    /**
     * Adds a port, up; returns its port number.
     *
     * @param name the interface name ("Ethernet1/3")
     * @param mode access VLAN or trunk with its allowed VLANs and native VLAN
     */
    public int addPort(final String name, final SwitchportMode mode) {
        checkConfigurable();
        final int port = portNames.size();
        portNames.add(name);
        if (port == modes.length) {                        // doubling: a 1,000-port switch is built port by port
            final int capacity = Math.max(4, 2 * port);
            modes = Arrays.copyOf(modes, capacity);
            portUp = Arrays.copyOf(portUp, capacity);
            untaggedIngressVlan = Arrays.copyOf(untaggedIngressVlan, capacity);
            carried = Arrays.copyOf(carried, capacity);
            untaggedVlan = Arrays.copyOf(untaggedVlan, capacity);
        }
        portUp[port] = true;
        setPortMode(port, mode);
        return port;
    }

    /**
     * Stores {@code mode} for {@code port} with its data-path view: the answers of {@link SwitchportMode#pvid},
     * {@link SwitchportMode#carries} and {@link SwitchportMode#sendsUntagged} as plain values.
     */
    private void setPortMode(final int port, final SwitchportMode mode) {
        modes[port] = mode;
        untaggedIngressVlan[port] = mode.pvid() == PortVlans.NO_PVID ? PortVlans.NOT_ADMITTED : mode.pvid();
        if (mode instanceof SwitchportMode.Trunk trunk) {
            carried[port] = trunk.allowed();
            untaggedVlan[port] = trunk.tagNative() ? NONE : trunk.nativeVlan();
        } else {
            final int vlan = ((SwitchportMode.Access) mode).vlan();
            carried[port] = vlan >= 1 && vlan <= 4094 ? VlanSet.of(vlan) : VlanSet.NONE;
            untaggedVlan[port] = ALL_UNTAGGED;
        }
    }

    /** {@link SwitchportMode#admit}: the VLAN a frame with this outer VID (negative: untagged) belongs to, or not. */
    private int admit(final int port, final int wireVid) {
        if (wireVid < 0) {
            return untaggedIngressVlan[port];
        }
        return carried[port].contains(wireVid) ? wireVid : PortVlans.NOT_ADMITTED;
    }

    @Override
    public void receive(final Frame frame, final int ingress, final Egress out) {
        if (!portUp[ingress]) {
            out.drop(frame, ingress, DropReason.LINK_DOWN, 0);
            return;
        }
        final boolean tagged = frame.outerType() == EtherType.VLAN_8021Q;  // 802.1Q-only trunk encapsulation
        final int wireVid = tagged ? frame.vlanId() : -1;
        final int vlan = admit(ingress, wireVid);
        if (vlan == PortVlans.NOT_ADMITTED) {
            dropNotAdmitted(frame, ingress, modes[ingress], wireVid, out);
            return;
        }
        if (!createdVlans.contains(vlan)) {
            out.drop(frame, ingress, DropReason.VLAN_NOT_CREATED, vlan);   // no STP instance: nothing forwards
            return;
        }
        final long source = frame.sourceMac();
        if (MacAddress.isValidSource(source)) {
            macTable.learn(source, vlan, ingress, out.now());
        }
        final long destination = frame.destinationMac();
        final int egress = MacAddress.isMulticast(destination) ? ForwardingDatabase.UNKNOWN
                : macTable.lookup(destination, vlan, out.now());
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

    @Override
    public Refusal egressRefusal(final int ingress, final int wireVid, final int egress, final long nowNs) {
        final int vlan = admit(ingress, wireVid);
        if (vlan == PortVlans.NOT_ADMITTED) {
            return null;
        }
        final DropReason refused = shouldDeliver(egress, ingress, vlan);
        return refused == null ? null : new Refusal(refused, L2Forwarding.detail(refused, vlan));
    }

    /** Never back out the ingress port, port up, VLAN allowed on the egress port. */
    private DropReason shouldDeliver(final int port, final int ingress, final int vlan) {
        return L2Forwarding.shouldDeliver(port, ingress, false, portUp[port], carried[port].contains(vlan));
    }

    private static void dropNotAdmitted(final Frame frame, final int ingress, final SwitchportMode mode,
                                        final int wireVid, final Egress out) {
        if (wireVid < 0) {
            final int nativeVlan = mode instanceof SwitchportMode.Trunk t ? t.nativeVlan() : 0;
            out.drop(frame, ingress, DropReason.UNTAGGED_NOT_ALLOWED, nativeVlan);
        } else if (mode instanceof SwitchportMode.Access) {
            out.drop(frame, ingress, DropReason.TAGGED_ON_ACCESS_PORT, wireVid);
        } else {
            out.drop(frame, ingress, DropReason.VLAN_NOT_ALLOWED_INGRESS, wireVid);
        }
    }

    private void flood(final Frame frame, final int ingress, final int vlan, final Egress out) {
        int previous = NONE;
        for (int port = 0; port < portNames.size(); port++) {
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
            forward(frame, previous, vlan, Action.FLOODED, out);
        }
    }

    /** The egress port decides the tag: native VLAN untagged on a trunk, everything untagged on access. */
    private void forward(final Frame frame, final int egress, final int vlan, final Action action, final Egress out) {
        final int untagged = untaggedVlan[egress];     // only called for a VLAN the port carries (shouldDeliver)
        L2Forwarding.tagForEgress(frame, untagged == ALL_UNTAGGED || untagged == vlan, vlan);
        out.transmit(frame, egress, action);
    }

    /** Configuration shared (a shallow copy: lists and arrays are never written while simulating), state fresh. */
    @Override
    public TrunkSwitch instantiate() {
        try {
            final TrunkSwitch copy = (TrunkSwitch) clone();
            copy.macTable = new ForwardingDatabase(macTable.ageingNs());
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        macTable.clear();
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        Sealing.check(sealed, host);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return portNames.get(port);
    }

    @Override
    public int portCount() {
        return portNames.size();
    }

    /** One box per switch port: access ports belong to their VLAN, trunks to none. */
    @Override
    public Sketch sketch() {
        final List<Sketch.Part> parts = new java.util.ArrayList<>();
        for (int p = 0; p < portCount(); p++) {
            final SwitchportMode m = mode(p);
            parts.add(m instanceof SwitchportMode.Access access
                    ? new Sketch.Part(Sketch.Shape.SWITCH_PORT, interfaceName(p), "access " + access.vlan(),
                            access.vlan(), "", List.of(p))
                    : new Sketch.Part(Sketch.Shape.SWITCH_PORT, interfaceName(p),
                            "trunk " + ((SwitchportMode.Trunk) m).allowed(), 0, "", List.of(p)));
        }
        return new Sketch(parts, List.of(), "NX-OS switch");
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.TRUNK_SWITCH;
    }

    /** "ports:", then one line per port: its mode as NX-OS shows it and what it is cabled to. */
    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add("ports:");
        for (int p = 0; p < portNames.size(); p++) {
            lines.add(portNames.get(p) + "  " + describe(modes[p]) + ", to " + peer.apply(p));
        }
        return lines;
    }

    private static String describe(final SwitchportMode mode) {
        if (mode instanceof SwitchportMode.Trunk trunk) {
            return "switchport mode trunk, allowed vlan " + trunk.allowed() + ", native vlan " + trunk.nativeVlan();
        }
        return "switchport mode access, vlan " + ((SwitchportMode.Access) mode).vlan();
    }

    /** The switchport mode of {@code port} (access or trunk). */
    public SwitchportMode mode(final int port) {
        Objects.checkIndex(port, portNames.size());
        return modes[port];
    }

    /** {@code switchport mode access|trunk} and its VLANs for {@code port}; learned MACs are kept. */
    public void setMode(final int port, final SwitchportMode mode) {
        checkConfigurable();
        Objects.checkIndex(port, portNames.size());
        setPortMode(port, mode);
    }

    /**
     * The VLANs that exist on the switch ({@code vlan N}); frames of any other VLAN are dropped on ingress even
     * where a port allows them. Default: every VLAN, as if all were created.
     */
    public void setCreatedVlans(final VlanSet created) {
        checkConfigurable();
        this.createdVlans = created;
    }

    /** The VLANs that exist on the switch ({@link VlanSet#ALL} unless set). */
    public VlanSet createdVlans() {
        return createdVlans;
    }

    /**
     * {@code shutdown} / {@code no shutdown} on {@code port}: a shut port drops what arrives ({@link
     * DropReason#LINK_DOWN}) and is left out of floods.
     */
    public void setPortUp(final int port, final boolean up) {
        checkConfigurable();
        Objects.checkIndex(port, portNames.size());
        portUp[port] = up;
    }

    /** The MAC address table this instance learned ({@code show mac address-table}). */
    public ForwardingDatabase macTable() {
        return macTable;
    }

    /** Port number by name, accepting the display form "Ethernet 1/3"; -1 if none. */
    public int portNamed(final String name) {
        final String wanted = InterfaceNames.normalize(name);
        for (int i = 0; i < portNames.size(); i++) {
            if (InterfaceNames.normalize(portNames.get(i)).equals(wanted)) {
                return i;
            }
        }
        return NONE;
    }
}

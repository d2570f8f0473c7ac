package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import vnetsim.device.l2.ForwardingDatabase;
import vnetsim.device.l2.SwitchportMode;
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
public final class TrunkSwitch implements Device {
    /** NX-OS (Nexus 9000) default MAC ageing: 1800 s. */
    public static final long DEFAULT_AGEING_NS = 1_800_000_000_000L;
    private static final int NONE = -1;

    private final String host;
    private final List<String> portNames = new ArrayList<>();
    private final List<SwitchportMode> modes = new ArrayList<>();
    private final List<Boolean> portUp = new ArrayList<>();
    private final ForwardingDatabase macTable;

    public TrunkSwitch(final String host, final long ageingNs) {
        this.host = host;
        this.macTable = new ForwardingDatabase(ageingNs);
    }

    public int addPort(final String name, final SwitchportMode mode) {
        portNames.add(name);
        modes.add(mode);
        portUp.add(Boolean.TRUE);
        return portNames.size() - 1;
    }

    @Override
    public void receive(final Frame frame, final int ingress, final Egress out) {
        if (!portUp.get(ingress)) {
            out.drop(frame, ingress, DropReason.LINK_DOWN, 0);
            return;
        }
        final boolean tagged = frame.outerType() == EtherType.VLAN_8021Q;  // 802.1Q-only trunk encapsulation
        final int wireVid = tagged ? frame.vlanId() : -1;
        final SwitchportMode mode = modes.get(ingress);
        final int vlan = mode.admit(wireVid);
        if (vlan == SwitchportMode.NOT_ADMITTED) {
            dropNotAdmitted(frame, ingress, mode, wireVid, out);
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
        } else if (egress == ingress) {
            out.drop(frame, ingress, DropReason.DESTINATION_ON_INGRESS_PORT, 0);
        } else if (!portUp.get(egress)) {
            out.drop(frame, ingress, DropReason.LINK_DOWN, 0);
        } else if (!modes.get(egress).carries(vlan)) {
            out.drop(frame, ingress, DropReason.VLAN_NOT_ALLOWED_EGRESS, vlan);
        } else {
            forward(frame, egress, vlan, Action.SWITCHED, out);
        }
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
        for (int port = 0; port < modes.size(); port++) {
            if (port != ingress && portUp.get(port) && modes.get(port).carries(vlan)) {
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
        final int tag = modes.get(egress).egressTag(vlan);
        final boolean tagged = frame.outerType() == EtherType.VLAN_8021Q;
        if (tag == SwitchportMode.UNTAGGED) {
            if (tagged) {
                frame.popVlanTag();
            }
        } else if (tagged) {
            frame.setVlanId(tag);
        } else {
            frame.pushVlanTag(EtherType.VLAN_8021Q, tag);
        }
        out.transmit(frame, egress, action);
    }

    @Override
    public void reset() {
        macTable.clear();
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

    @Override
    public DeviceKind kind() {
        return DeviceKind.TRUNK_SWITCH;
    }

    public SwitchportMode mode(final int port) {
        return modes.get(port);
    }

    public void setMode(final int port, final SwitchportMode mode) {
        modes.set(port, mode);
    }

    public void setPortUp(final int port, final boolean up) {
        portUp.set(port, up);
    }

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

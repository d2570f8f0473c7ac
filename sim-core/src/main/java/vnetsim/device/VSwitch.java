package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.l2.ForwardingDatabase;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A VMware vSphere vSwitch on one ESXi host (a standard vSwitch, or a host's slice of a distributed switch): vNIC
 * ports in port groups, and uplinks (vmnics) to a physical switch. Rules, semantics.md section 6 and the vSphere
 * Networking and Security guides:
 * <ol>
 *   <li>It does not learn: it knows each vNIC's MAC from the VM's configuration. A frame for a vNIC MAC goes to
 *       that vNIC; a frame from a vNIC for any other unicast MAC goes to the uplink; a frame from an uplink for a
 *       MAC no vNIC owns is dropped ("when a packet that is received by a port has an unknown destination MAC
 *       address, the packet is dropped", vSphere 8 MAC learning,
 *       https://docs.vmware.com/en/VMware-vSphere/8.0/vsphere-networking/GUID-E0246B3D-9FB1-4976-8217-5C085863EA9A.html).
 *       Broadcast and multicast reach every port of the VLAN.</li>
 *   <li>VLAN modes per port group ({@link VlanPolicy}): VLAN ID 0, 1-4094 (tag and strip), 4095 (all, tags
 *       untouched), a distributed VLAN trunk range.</li>
 *   <li>Security policy per port group ({@link vnetsim.device.vsphere.SecurityPolicy}): Forged transmits Reject
 *       drops a guest's frame whose source is not its adapter's effective MAC ("the host compares the source MAC
 *       address being transmitted by the guest operating system with the effective MAC address for its virtual
 *       machine adapter", vSphere 6.7 Security); MAC address changes Reject delivers
 *       nothing to a vNIC whose effective MAC differs from its {@code .vmx} MAC; Promiscuous mode Accept gives a
 *       port a copy of every frame of its VLAN (in the port group's VLAN policy), so two promiscuous vNICs both
 *       get a copy.</li>
 *   <li>MAC learning on a distributed port group (vSphere 6.7+): source MACs are learned per port and VLAN, and
 *       unknown unicast is flooded to the ports that learn ("removes the need for promiscuous mode for nested
 *       ESXi", https://www.virtuallyghetto.com/2018/04/native-mac-learning-in-vsphere-6-7-removes-the-need-for-promiscuous-mode-for-nested-esxi.html).
 *       A learning port lets a foreign source MAC through instead of judging it as a forged transmit ("the vSwitch
 *       inspects the source MAC address of every packet coming from the vNIC, learns the MAC address and allows
 *       the packet to go through", NSX-T MAC management,
 *       https://docs.vmware.com/en/VMware-NSX-T/1.1/com.vmware.nsxt.admin.doc/GUID-6CD1E88F-1991-4AE7-9714-D676BCC98AD5.html).</li>
 *   <li>A frame from an uplink never goes out of an uplink (no loop through the host); a frame from a vNIC leaves
 *       by one uplink, chosen by the default teaming policy "Route based on originating virtual port".</li>
 * </ol>
 * Inside the vSwitch a frame carries its VLAN as an 802.1Q tag (untagged for VLAN 0); each egress decides what
 * the wire or the guest sees. Rules and sources: {@code src/docs/forwarding-rules.md} section 11.
 */
public final class VSwitch implements Device, Cloneable {
    /** Default ageing of learned MACs on a MAC-learning port group [verify]: 300 s like a Linux bridge. */
    public static final long LEARNING_AGEING_NS = 300_000_000_000L;
    private static final int NONE = -1;

    /** One port: an uplink ({@code group == null}) or a vNIC of a VM in a port group. */
    private record Port(String name, PortGroup group, String vm, long vmxMac, long effectiveMac) {
        boolean isUplink() {
            return group == null;
        }
    }

    private final String host;
    private final String switchName;
    private final List<Port> ports = new ArrayList<>();
    /** Set by {@link #seal()}: part of a built topology, configuration final (instances share {@code ports}). */
    private boolean sealed;
    private final List<Integer> uplinks = new ArrayList<>();
    private ForwardingDatabase learned = new ForwardingDatabase(LEARNING_AGEING_NS);   // fresh in each instance
    private int[] egress = new int[0];                                                   // scratch, per instance

    /**
     * @param host       the ESXi host ("esxi-01")
     * @param switchName the vSwitch ("vSwitch0", or a distributed switch's name)
     */
    public VSwitch(final String host, final String switchName) {
        this.host = host;
        this.switchName = switchName;
    }

    /** Adds an uplink (a physical NIC of the ESXi host, "vmnic0") and returns its port. */
    public int addUplink(final String vmnic) {
        checkConfigurable();
        ports.add(new Port(vmnic, null, null, MacAddress.ZERO, MacAddress.ZERO));
        uplinks.add(ports.size() - 1);
        return ports.size() - 1;
    }

    /**
     * Adds the port of a VM's network adapter and returns it. The port's interface name is
     * {@code "<port group>:<vm>/<adapter>"}.
     *
     * @param mac the adapter's MAC in the VM configuration ({@code .vmx} {@code ethernetN.address})
     */
    public int addVnic(final PortGroup group, final String vm, final String adapter, final long mac) {
        checkConfigurable();
        ports.add(new Port(group.name() + ":" + vm + "/" + adapter, group, vm, mac, mac));
        return ports.size() - 1;
    }

    // ---- the rules --------------------------------------------------------------------------------------------

    @Override
    public void receive(final Frame frame, final int ingress, final Egress out) {
        if (ports.get(ingress).isUplink()) {
            fromUplink(frame, ingress, out);
        } else {
            fromVnic(frame, ingress, out);
        }
    }

    /** A guest sent a frame: VLAN policy, Forged transmits, learning, then local vNICs and the uplink. */
    private void fromVnic(final Frame frame, final int ingress, final Egress out) {
        final Port port = ports.get(ingress);
        final int wireVid = frame.outerType() == EtherType.VLAN_8021Q ? frame.vlanId() : -1;
        final int vlan = port.group().vlan().fromGuest(wireVid);
        if (vlan == VlanPolicy.NOT_PASSED) {
            out.drop(frame, ingress, DropReason.PORT_GROUP_VLAN_FROM_GUEST, Math.max(wireVid, 0));
            return;
        }
        final long source = frame.sourceMac();
        if (port.group().macLearning()) {
            if (MacAddress.isValidSource(source)) {                 // learned and let through, whatever the source
                learned.learn(source, vlan, ingress, out.now());
            }
        } else if (!port.group().security().forgedTransmits() && source != port.effectiveMac()) {
            out.drop(frame, ingress, DropReason.FORGED_TRANSMITS_REJECT, 0);
            return;
        }
        if (wireVid < 0 && vlan != 0) {
            frame.pushVlanTag(EtherType.VLAN_8021Q, vlan);         // VST: the vSwitch tags
        }
        final long destination = frame.destinationMac();
        int n = 0;
        final int owner = MacAddress.isMulticast(destination) ? NONE : owner(destination, vlan, out.now());
        if (owner != NONE && owner != ingress) {
            egress()[n++] = owner;
            n = addPromiscuous(n, ingress, owner, vlan);
            send(frame, ingress, n, vlan, Action.SWITCHED, out);
            return;
        }
        final boolean broadcast = MacAddress.isMulticast(destination);
        for (int p = 0; p < ports.size(); p++) {
            final Port candidate = ports.get(p);
            if (p != ingress && !candidate.isUplink() && candidate.group().vlan().carries(vlan)
                    && (broadcast || candidate.group().security().allowPromiscuous()
                        || owner == NONE && candidate.group().macLearning())) {
                egress()[n++] = p;
            }
        }
        final int uplink = uplinkFor(ingress);
        if (uplink != NONE && owner == NONE) {
            egress()[n++] = uplink;
        }
        if (n == 0) {
            out.drop(frame, ingress, DropReason.NO_PORT_GROUP_FOR_VLAN, vlan);
            return;
        }
        // a unicast for a MAC that is no vNIC here goes to the uplink: a forwarding decision, not a flood
        send(frame, ingress, n, vlan, !broadcast && n == 1 ? Action.SWITCHED : Action.FLOODED, out);
    }

    /** A frame from the physical network: only to vNICs, never back out of an uplink. */
    private void fromUplink(final Frame frame, final int ingress, final Egress out) {
        final int vlan = frame.outerType() == EtherType.VLAN_8021Q ? frame.vlanId() : 0;
        final long destination = frame.destinationMac();
        final boolean broadcast = MacAddress.isMulticast(destination);
        final int owner = broadcast ? NONE : owner(destination, vlan, out.now());
        int n = 0;
        if (owner != NONE) {
            egress()[n++] = owner;
            n = addPromiscuous(n, ingress, owner, vlan);
            send(frame, ingress, n, vlan, Action.SWITCHED, out);
            return;
        }
        boolean anyCarries = false;
        for (int p = 0; p < ports.size(); p++) {
            final Port candidate = ports.get(p);
            if (candidate.isUplink() || !candidate.group().vlan().carries(vlan)) {
                continue;
            }
            anyCarries = true;
            if (broadcast || candidate.group().security().allowPromiscuous() || candidate.group().macLearning()) {
                egress()[n++] = p;
            }
        }
        if (n > 0) {
            send(frame, ingress, n, vlan, Action.FLOODED, out);
        } else if (anyCarries) {
            out.drop(frame, ingress, DropReason.PROMISCUOUS_MODE_REJECT, vlan);
        } else {
            out.drop(frame, ingress, DropReason.NO_PORT_GROUP_FOR_VLAN, vlan);
        }
    }

    /** The vNIC port whose MAC (effective MAC, or learned) is {@code mac} in a port group carrying {@code vlan}. */
    private int owner(final long mac, final int vlan, final long now) {
        for (int p = 0; p < ports.size(); p++) {
            final Port port = ports.get(p);
            if (!port.isUplink() && port.effectiveMac() == mac && port.group().vlan().carries(vlan)) {
                return p;
            }
        }
        final int seen = learned.lookup(mac, vlan, now);
        return seen == ForwardingDatabase.UNKNOWN ? NONE : seen;
    }

    /** Promiscuous ports of the VLAN get a copy of a frame addressed to someone else. */
    private int addPromiscuous(final int n, final int ingress, final int owner, final int vlan) {
        int count = n;
        for (int p = 0; p < ports.size(); p++) {
            final Port port = ports.get(p);
            if (p != ingress && p != owner && !port.isUplink() && port.group().security().allowPromiscuous()
                    && port.group().vlan().carries(vlan)) {
                egress()[count++] = p;
            }
        }
        return count;
    }

    /** Route based on originating virtual port: the vNIC's port number picks one uplink. */
    private int uplinkFor(final int vnicPort) {
        return uplinks.isEmpty() ? NONE : uplinks.get(vnicPort % uplinks.size());
    }

    /** The original to the last port, copies to the others (each egress writes its own tag). */
    private void send(final Frame frame, final int ingress, final int n, final int vlan, final Action action,
                      final Egress out) {
        for (int i = 0; i < n - 1; i++) {
            emit(out.copy(frame), ingress, egress[i], vlan, action, out);
        }
        emit(frame, ingress, egress[n - 1], vlan, action, out);
    }

    /** MAC address changes, then the tag the wire or the guest sees. */
    private void emit(final Frame frame, final int ingress, final int port, final int vlan, final Action action,
                      final Egress out) {
        final Port target = ports.get(port);
        if (!target.isUplink()) {
            if (!target.group().security().macChanges() && target.effectiveMac() != target.vmxMac()) {
                out.drop(frame, port, DropReason.MAC_ADDRESS_CHANGES_REJECT, 0);
                return;
            }
            if (!target.group().vlan().guestSeesTag(vlan) && frame.outerType() == EtherType.VLAN_8021Q) {
                frame.popVlanTag();                               // VST strips; EST had no tag
            }
        }
        out.transmit(frame, port, action);
    }

    private int[] egress() {
        if (egress.length < ports.size()) {
            egress = new int[ports.size()];
        }
        return egress;
    }

    // ---- configuration (before simulating: instances share it) -------------------------------------------------

    /** Replaces the port group of that name on every port that uses it (a what-if change of policy or VLAN). */
    public void setPortGroup(final PortGroup group) {
        checkConfigurable();
        boolean found = false;
        for (int p = 0; p < ports.size(); p++) {
            final Port port = ports.get(p);
            if (!port.isUplink() && port.group().name().equals(group.name())) {
                ports.set(p, new Port(port.name(), group, port.vm(), port.vmxMac(), port.effectiveMac()));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no port group named '" + group.name() + "' on " + switchName);
        }
    }

    /** The guest changed its adapter's MAC (the effective MAC) to {@code mac}; its .vmx MAC stays. */
    public void setEffectiveMac(final int port, final long mac) {
        checkConfigurable();
        final Port p = ports.get(port);
        ports.set(port, new Port(p.name(), p.group(), p.vm(), p.vmxMac(), mac));
    }

    /** The port group of port {@code port}: its VLAN policy, security policy and MAC learning. */
    public PortGroup portGroup(final int port) {
        return ports.get(port).group();
    }

    /** Whether port {@code port} is an uplink (a vmnic to the physical switch) rather than a vNIC. */
    public boolean isUplink(final int port) {
        return ports.get(port).isUplink();
    }

    /** The vSwitch's name ("vSwitch0", a distributed switch's name). */
    public String switchName() {
        return switchName;
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return ports.get(port).name();
    }

    @Override
    public int portCount() {
        return ports.size();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.VSWITCH;
    }

    /** The vSwitch, then one line per port: uplink, or vNIC with its MACs and port group policy. */
    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(switchName + ":");
        for (int p = 0; p < ports.size(); p++) {
            final Port port = ports.get(p);
            if (port.isUplink()) {
                lines.add(port.name() + "  uplink, to " + peer.apply(p));
            } else {
                final String effective = port.effectiveMac() == port.vmxMac() ? ""
                        : " (effective " + MacAddress.format(port.effectiveMac()) + ")";
                lines.add(port.name() + "  vNIC " + MacAddress.format(port.vmxMac()) + effective + ", port group "
                        + port.group().describe() + ", to " + peer.apply(p));
            }
        }
        return lines;
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        if (sealed) {
            throw new IllegalStateException(host + " " + switchName + " is part of a built topology: its configuration "
                    + "cannot change (build a new topology for a what-if: VsphereSpec.with...)");
        }
    }

    /** Configuration shared (a shallow copy: lists are never written while simulating), learned MACs fresh. */
    @Override
    public VSwitch instantiate() {
        try {
            final VSwitch copy = (VSwitch) clone();
            copy.learned = new ForwardingDatabase(LEARNING_AGEING_NS);
            copy.egress = new int[ports.size()];
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        learned.clear();
    }
}

package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.NetworkYaml.NicSpec;
import vnetsim.folder.NetworkYaml.NodeSpec;
import vnetsim.folder.compile.NodePlan.BondPlan;
import vnetsim.folder.compile.NodePlan.BridgePlan;
import vnetsim.folder.compile.NodePlan.NicPlan;
import vnetsim.folder.compile.NodePlan.PortKind;
import vnetsim.folder.compile.NodePlan.PortPlan;
import vnetsim.folder.compile.NodePlan.VlanPlan;
import vnetsim.folder.nmstate.BridgeConfig;
import vnetsim.folder.nmstate.BridgePortConfig;
import vnetsim.folder.nmstate.IpConfig;
import vnetsim.folder.nmstate.NmInterface;
import vnetsim.folder.nmstate.NmInterface.State;
import vnetsim.folder.nmstate.NodeState;
import vnetsim.folder.nmstate.PortVlan;
import vnetsim.frame.MacAddress;

/**
 * Turns one node's merged nmstate state into NICs, 802.1Q subinterfaces and bridges with their port VLAN tables,
 * the way the kernel ends up configured: nmstate's vlan_filtering rule, NetworkManager's default PVID 1 added to
 * every port "in addition to the VLANs specified" unless the port has its own PVID (access tag, or trunk native
 * tag with enable-native), STP on unless disabled, bridge MTU the smallest port MTU (br_mtu_auto_adjust).
 * Workload ports are added later by {@link WorkloadCompiler}.
 */
final class NodeCompiler {
    private static final int DEFAULT_PVID = 1;
    private final NodeSpec spec;
    private final Diagnostics diagnostics;
    private final Map<String, NicPlan> nics = new LinkedHashMap<>();
    private final Map<String, VlanPlan> vlans = new LinkedHashMap<>();
    private final Map<String, BridgePlan> bridges = new LinkedHashMap<>();
    private final Map<String, List<PortPlan>> workloadPorts = new LinkedHashMap<>();
    private final Map<String, String> masterOf = new LinkedHashMap<>();
    private final Map<String, BondPlan> bonds = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<vnetsim.network.HostStackSpec.Address> bridgeAddresses = new ArrayList<>();
    private final List<vnetsim.network.Cidr> masquerade = new ArrayList<>();

    NodeCompiler(final NodeSpec spec, final NodeState state, final Diagnostics diagnostics) {
        this.spec = spec;
        this.diagnostics = diagnostics;
        for (final NicSpec nic : spec.nics()) {
            final Optional<NmInterface> conf = state.find(nic.name()).filter(i -> i.type() == NmInterface.Type.ETHERNET
                    || i.type() == null);
            nics.put(nic.name(), nic(nic, conf.orElse(null)));
            order.add(nic.name());
        }
        final List<NmInterface> later = new ArrayList<>();
        for (final NmInterface i : state.interfaces()) {
            if (i.state() == State.ABSENT) {
                if (!nics.containsKey(i.name())) {
                    notes.add(i.name() + ": state absent (policy '" + i.policy() + "', " + i.at() + "): not created");
                }
                continue;
            }
            switch (i.type()) {
                case ETHERNET -> {
                    if (!nics.containsKey(i.name())) {
                        extraNic(i);
                    }
                }
                case VLAN -> vlan(i);
                case LINUX_BRIDGE -> {
                    later.add(i);                              // ports may be declared after the bridge
                    order.add(i.name());
                }
                case BOND -> bond(i);
            }
        }
        later.forEach(this::bridge);
    }

    /**
     * A bond over NICs (drivers/net/bonding): active-backup sends and receives on the active port only, 802.3ad
     * spreads frames by the xmit_hash_policy hash; subinterfaces and a bridge may stack on it.
     */
    private void bond(final NmInterface i) {
        final var b = i.bond();
        final List<String> ports = new ArrayList<>();
        for (final String port : b.ports()) {
            if (!nics.containsKey(port)) {
                diagnostics.error(b.at(), "port '" + port + "' of bond " + i.name() + " on node " + spec.name()
                        + " is not a NIC; valid: " + nics.keySet());
            } else if (masterOf.putIfAbsent(port, i.name()) != null) {
                diagnostics.error(b.at(), "port '" + port + "' of bond " + i.name() + " already has master "
                        + masterOf.get(port));
            } else {
                ports.add(port);
            }
        }
        if (ports.isEmpty()) {
            diagnostics.error(b.at(), "bond " + i.name() + " on node " + spec.name() + " has no usable port; valid: "
                    + nics.keySet());
            return;
        }
        String hash = b.xmitHashPolicy();
        if (hash.startsWith("encap")) {
            hash = hash.substring("encap".length());                    // same fields for frames without tunnels
        } else if (hash.equals("vlan+srcmac")) {
            diagnostics.warn(b.at(), "bond " + i.name() + ": xmit_hash_policy vlan+srcmac is read but simulated as "
                    + "layer2");
            hash = "layer2";
        }
        final int mtu = i.mtu() != null ? i.mtu() : nics.get(ports.get(0)).mtu();
        bonds.put(i.name(), new BondPlan(i.name(), b.mode(), ports, b.primary(), hash, mtu, null, i.at()));
        order.add(i.name());
    }

    private NicPlan nic(final NicSpec nic, final NmInterface conf) {
        final int mtu = conf != null && conf.mtu() != null ? conf.mtu() : nic.mtu();
        final boolean up = conf == null || conf.state() == State.UP;
        if (conf != null && conf.macAddress() != null && MacAddress.parse(conf.macAddress()) != nic.mac()) {
            diagnostics.warn(conf.at(), "mac-address " + conf.macAddress() + " of " + nic.name() + " differs from "
                    + "network.yaml's " + MacAddress.format(nic.mac()) + " (" + nic.at() + "); the policy's is used");
            return new NicPlan(nic.name(), MacAddress.parse(conf.macAddress()), mtu, up, addresses(conf), null,
                    conf.at());
        }
        return new NicPlan(nic.name(), nic.mac(), mtu, up, addresses(conf), null, conf != null ? conf.at() : nic.at());
    }

    private void extraNic(final NmInterface i) {
        if (i.macAddress() == null) {
            diagnostics.error(i.at(), "ethernet interface '" + i.name() + "' on node " + spec.name() + " is not a NIC "
                    + "listed in network.yaml; add it under the node's 'nics' with its MAC (valid NICs: "
                    + nics.keySet() + ")");
            return;
        }
        nics.put(i.name(), new NicPlan(i.name(), MacAddress.parse(i.macAddress()), i.mtu() == null ? 1500 : i.mtu(),
                i.state() == State.UP, addresses(i), null, i.at()));
        order.add(i.name());
    }

    private static List<String> addresses(final NmInterface i) {
        final List<String> out = new ArrayList<>();
        if (i != null) {
            addTo(out, i.ipv4());
            addTo(out, i.ipv6());
        }
        return out;
    }

    private static void addTo(final List<String> out, final IpConfig ip) {
        if (ip != null && ip.enabled()) {
            out.addAll(ip.addresses());
            if (ip.dynamic()) {
                out.add("dhcp");
            }
        }
    }

    private void vlan(final NmInterface i) {
        final var v = i.vlan();
        final BondPlan bondParent = bonds.get(v.baseIface());
        final NicPlan parent = bondParent != null ? new NicPlan(bondParent.name(), 0, bondParent.mtu(), true,
                List.of(), null, bondParent.at()) : nics.get(v.baseIface());
        if (parent == null) {
            final String what = vlans.containsKey(v.baseIface()) ? "a VLAN interface (802.1ad QinQ stacking is not "
                    + "simulated)" : bridges.containsKey(v.baseIface()) ? "a bridge (not simulated as a VLAN parent)"
                    : "missing";
            diagnostics.error(v.at(), "base-iface '" + v.baseIface() + "' of " + i.name() + " on node " + spec.name()
                    + " is " + what + "; valid: " + validParents());
            return;
        }
        for (final VlanPlan other : vlans.values()) {
            if (other.parent().equals(v.baseIface()) && other.vid() == v.id()) {
                diagnostics.error(v.at(), i.name() + " on node " + spec.name() + ": " + v.baseIface()
                        + " already has VLAN " + v.id() + " (" + other.name() + ", " + other.at() + "); the kernel "
                        + "allows one 802.1Q interface per VID and parent");
                return;
            }
        }
        int mtu = parent.mtu();
        if (i.mtu() != null) {
            if (i.mtu() > parent.mtu()) {
                diagnostics.error(i.at(), "mtu " + i.mtu() + " of " + i.name() + " is above its parent " + parent.name()
                        + "'s " + parent.mtu() + "; the kernel refuses it (valid: up to " + parent.mtu() + ")");
            } else {
                mtu = i.mtu();
            }
        }
        vlans.put(i.name(), new VlanPlan(i.name(), v.baseIface(), v.id(), mtu, i.state() == State.UP,
                v.reorderHeaders(), addresses(i), null, i.at()));
        order.add(i.name());
    }

    private void bridge(final NmInterface i) {
        final var b = i.bridge();
        final List<PortPlan> ports = new ArrayList<>();
        final boolean filtering = b != null && b.vlanFiltering();
        if (b != null) {
            for (final BridgePortConfig p : b.ports()) {
                port(i, p, filtering).ifPresent(ports::add);
            }
        }
        int mtu = ports.stream().mapToInt(PortPlan::mtu).min().orElse(1500);
        if (i.mtu() != null) {
            mtu = i.mtu();
        }
        final boolean stp = b == null || b.stp();
        final int forwardDelay = b == null ? BridgeConfig.DEFAULT_FORWARD_DELAY_SECONDS : b.forwardDelaySeconds();
        if (stp && i.state() == State.UP) {
            diagnostics.warn(b == null ? i.at() : b.at(), "bridge " + i.name() + " on node " + spec.name() + " has STP "
                    + "on (" + (b == null || b.stpEnabled() == null ? "options.stp.enabled omitted: NetworkManager's "
                    + "default" : "options.stp.enabled: true") + ", forward_delay " + forwardDelay + " s"
                    + (b == null || b.stpForwardDelay() == null ? ", the kernel's default" : "") + "): each port "
                    + "is listening for " + forwardDelay + " s, then learning for " + forwardDelay + " s, and forwards "
                    + "only " + 2 * forwardDelay + " s after it comes up; traces show frames dropped at the bridge "
                    + "port in STP state listening or learning until then. BPDUs reaching the bridge are taken by its "
                    + "spanning tree, never forwarded; the bridge's own BPDUs (every 2 s out of every port, which a "
                    + "switch port with BPDU guard shuts down on) are not simulated. Set options.stp.enabled: false "
                    + "if that is not what you mean");
        }
        if (i.state() == State.DOWN) {
            diagnostics.warn(i.at(), "bridge " + i.name() + " on node " + spec.name() + " is down: a down bridge "
                    + "forwards nothing, but an administratively down bridge is not simulated yet (frames still cross "
                    + "it in traces)");
        }
        final List<String> addrs = addresses(i);
        if (!addrs.isEmpty()) {
            diagnostics.warn(i.at(), "bridge " + i.name() + " on node " + spec.name() + " has address " + addrs
                    + ": read and shown, but the bridge's own host port that answers on it is not simulated yet");
        }
        bridges.put(i.name(), new BridgePlan(i.name(), filtering, b == null ? "no bridge section" :
                b.vlanFilteringReason(), stp, forwardDelay, mtu, ports, addrs, i.state() == State.UP, i.at()));
    }

    private Optional<PortPlan> port(final NmInterface bridge, final BridgePortConfig p, final boolean filtering) {
        final String origin = "policy '" + bridge.policy() + "', " + p.at();
        final PortKind kind;
        final int mtu;
        if (nics.containsKey(p.name())) {
            kind = PortKind.NIC;
            mtu = nics.get(p.name()).mtu();
        } else if (vlans.containsKey(p.name())) {
            kind = PortKind.VLAN;
            mtu = vlans.get(p.name()).mtu();
        } else if (bonds.containsKey(p.name())) {
            kind = PortKind.BOND;
            mtu = bonds.get(p.name()).mtu();
        } else {
            final List<String> valid = new ArrayList<>(validParents());
            valid.addAll(vlans.keySet());
            diagnostics.error(p.at(), "port '" + p.name() + "' of bridge " + bridge.name() + " on node " + spec.name()
                    + " names a missing interface; valid: " + valid + " (declare it before the bridge, or in the "
                    + "node's nics in network.yaml)");
            return Optional.empty();
        }
        final String earlier = masterOf.putIfAbsent(p.name(), bridge.name());
        if (earlier != null) {
            diagnostics.error(p.at(), "port '" + p.name() + "' is already a port of bridge " + earlier + " on node "
                    + spec.name() + "; an interface has one master");
            return Optional.empty();
        }
        final PortVlan v = p.vlan();
        if (!filtering || v == null || v.isEmpty() || v.mode() == null) {
            return Optional.of(new PortPlan(p.name(), kind, VlanSet.of(DEFAULT_PVID), VlanSet.of(DEFAULT_PVID),
                    DEFAULT_PVID, mtu, origin));
        }
        final int nativeVid = v.nativeVid() != 0 ? v.nativeVid() : DEFAULT_PVID;
        final VlanSet vids = v.taggedVids().plus(VlanSet.of(nativeVid));
        return Optional.of(new PortPlan(p.name(), kind, vids, VlanSet.of(nativeVid), nativeVid, mtu,
                p.defaulted() ? "kubernetes-nmstate default trunk (" + origin + ")" : origin));
    }

    /** What a VLAN may stack on: the NICs and the bonds. */
    private List<String> validParents() {
        final List<String> valid = new ArrayList<>(nics.keySet());
        valid.addAll(bonds.keySet());
        return valid;
    }

    Optional<BondPlan> bondNamed(final String name) {
        return Optional.ofNullable(bonds.get(name));
    }

    String name() {
        return spec.name();
    }

    Optional<BridgePlan> bridgeNamed(final String name) {
        return Optional.ofNullable(bridges.get(name));
    }

    boolean hasNic(final String name) {
        return nics.containsKey(name);
    }

    java.util.Set<String> nicNames() {
        return nics.keySet();
    }

    Optional<VlanPlan> vlanNamed(final String name) {
        return Optional.ofNullable(vlans.get(name));
    }

    /** The ports of a bridge that lead off the node (NICs and VLAN subinterfaces). */
    List<PortPlan> uplinks(final String bridge) {
        return bridges.get(bridge).ports().stream().filter(p -> p.kind() != PortKind.WORKLOAD).toList();
    }

    /** Whether the policies made {@code nic} a port of a bridge or bond, or gave it VLAN subinterfaces. */
    boolean isEnslaved(final String nic) {
        return masterOf.containsKey(nic) || vlans.values().stream().anyMatch(v -> v.parent().equals(nic))
                || bonds.values().stream().anyMatch(b -> b.ports().contains(nic));
    }

    /** The MAC network.yaml gives {@code nic}. */
    long nicMac(final String nic) {
        return nics.get(nic).mac();
    }

    /** A bridge address the CNI bridge plugin's isGateway adds. */
    void addBridgeAddress(final String bridge, final vnetsim.network.Cidr address) {
        if (!bridgeAddresses.contains(new vnetsim.network.HostStackSpec.Address(bridge, address))) {
            bridgeAddresses.add(new vnetsim.network.HostStackSpec.Address(bridge, address));
        }
    }

    /** A subnet the CNI bridge plugin's ipMasq masquerades on this node (once per subnet, as AppendUnique). */
    void addMasquerade(final vnetsim.network.Cidr subnet) {
        if (!masquerade.contains(subnet)) {
            masquerade.add(subnet);
        }
    }

    void addWorkloadPort(final String bridge, final PortPlan port) {
        workloadPorts.computeIfAbsent(bridge, k -> new ArrayList<>()).add(port);
    }

    Location at() {
        return spec.at();
    }

    /** @param cabled the node's NICs that layer1_topology.json cables */
    NodePlan build(final java.util.Set<String> cabled) {
        final List<NicPlan> nicList = new ArrayList<>();
        for (final NicPlan n : nics.values()) {
            final boolean carrier = cabled.contains(n.name());
            if (!carrier && n.up()) {
                diagnostics.warn(n.at(), n.name() + " on node " + spec.name() + " has no cable in "
                        + "layer1_topology.json: no carrier, so it and everything stacked on it carry nothing off the "
                        + "node");
            }
            nicList.add(new NicPlan(n.name(), n.mac(), n.mtu(), n.up() && carrier, n.addresses(),
                    masterOf.get(n.name()), n.at()));
        }
        final List<VlanPlan> vlanList = new ArrayList<>();
        for (final VlanPlan v : vlans.values()) {
            if (!masterOf.containsKey(v.name())) {
                diagnostics.warn(v.at(), v.name() + " on node " + spec.name() + " is no bridge's port: the node's own "
                        + "IP stack on it is not simulated yet, so it is left out (frames for VID " + v.vid()
                        + " reaching " + v.parent() + " are dropped there)");
            }
            vlanList.add(new VlanPlan(v.name(), v.parent(), v.vid(), v.mtu(), v.up(), v.reorderHeaders(),
                    v.addresses(), masterOf.get(v.name()), v.at()));
        }
        final List<BridgePlan> bridgeList = new ArrayList<>();
        for (final BridgePlan b : bridges.values()) {
            final List<PortPlan> ports = new ArrayList<>(b.ports());
            ports.addAll(workloadPorts.getOrDefault(b.name(), List.of()));
            bridgeList.add(new BridgePlan(b.name(), b.vlanFiltering(), b.filteringReason(), b.stp(), b.forwardDelaySeconds(), b.mtu(), ports,
                    b.addresses(), b.up(), b.at()));
        }
        final List<BondPlan> bondList = new ArrayList<>();
        for (final BondPlan b : bonds.values()) {
            bondList.add(new BondPlan(b.name(), b.mode(), b.ports(), b.primary(), b.hashPolicy(), b.mtu(),
                    masterOf.get(b.name()), b.at()));
        }
        return new NodePlan(spec.name(), nicList, vlanList, bridgeList, order, notes, bondList, null, bridgeAddresses,
                masquerade);
    }
}

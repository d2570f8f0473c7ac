package vnetsim.network;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vnetsim.device.Bond;
import vnetsim.device.BridgePort;
import vnetsim.device.Endpoint;
import vnetsim.device.InterfaceNames;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.Macvlan;
import vnetsim.device.MasqueradePod;
import vnetsim.device.PhysicalNic;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.VlanSubinterface;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l3.RouterInterface;
import vnetsim.topology.LinkKind;
import vnetsim.topology.PortRef;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * Compiles a validated {@link NetworkSpec} into devices and integer-indexed links. Devices are added in stack
 * order: switches, routers, then per host each NIC followed by its subinterfaces, each followed by the bridge it
 * is a port of (the first time that bridge is met), then bridges nothing is stacked under, then workloads.
 */
final class SpecCompiler {
    private final NetworkSpec spec;
    private final TopologyBuilder builder = new TopologyBuilder();
    /** Where each named cable end is: "device\0normalized iface". */
    private final Map<String, PortRef> cableEnds = new HashMap<>();
    /** Per host, bridge name -> device index and device. */
    private final Map<String, Map<String, Integer>> bridgeIndex = new HashMap<>();
    private final Map<String, Map<String, LinuxBridge>> bridges = new HashMap<>();
    private final Map<PortRef, Boolean> linksDown = new LinkedHashMap<>();
    /** Macvlan lower devices by "host\0nic". */
    private final Map<String, Macvlan> macvlans = new HashMap<>();
    private final Map<String, Integer> macvlanIndex = new HashMap<>();

    SpecCompiler(final NetworkSpec spec) {
        this.spec = spec;
    }

    Topology compile() {
        addDevices();
        return link(spec.links());
    }

    /** Adds the spec's devices (no cables yet): what {@link VsphereSpec} builds on before adding its own. */
    void addDevices() {
        spec.switches().forEach(this::addSwitch);
        spec.routers().forEach(this::addRouter);
        spec.hosts().forEach(this::addHost);
        spec.workloads().forEach(this::addWorkload);
    }

    TopologyBuilder builder() {
        return builder;
    }

    /** Names a device port as a cable end. */
    void cableEnd(final String device, final String iface, final PortRef end) {
        cableEnds.put(key(device, iface), end);
    }

    /** The device port a cable end names, or null. */
    PortRef cableEnd(final String device, final String iface) {
        return cableEnds.get(key(device, iface));
    }

    /** Plugs in the cables and builds the topology. */
    Topology link(final Iterable<LinkSpec> links) {
        for (final LinkSpec link : links) {
            final PortRef a = cableEnds.get(key(link.a().device(), link.a().iface()));
            final PortRef b = cableEnds.get(key(link.b().device(), link.b().iface()));
            builder.link(a.device(), a.port(), b.device(), b.port(), LinkKind.CABLE);
            if (!link.up()) {
                linksDown.put(a, Boolean.FALSE);
            }
        }
        Topology topology = builder.build();
        for (final PortRef end : linksDown.keySet()) {
            topology = topology.withLinkUp(end.device(), end.port(), false);
        }
        return topology;
    }

    static String key(final String device, final String iface) {
        return device + '\0' + InterfaceNames.normalize(iface);
    }

    private void addSwitch(final SwitchSpec s) {
        final TrunkSwitch sw = new TrunkSwitch(s.name(), TrunkSwitch.DEFAULT_AGEING_NS);
        sw.setCreatedVlans(s.vlans());
        final int index = builder.add(sw);
        for (final SwitchPortSpec p : s.ports()) {
            final SwitchportMode mode = p.mode() == SwitchPortSpec.Mode.ACCESS
                    ? new SwitchportMode.Access(p.accessVlan())
                    : new SwitchportMode.Trunk(p.allowed(), p.nativeVlan(), p.tagNative());
            final int port = sw.addPort(p.name(), mode);
            sw.setPortUp(port, !p.shutdown());
            cableEnds.put(key(s.name(), p.name()), new PortRef(index, port));
        }
    }

    private void addRouter(final RouterSpec r) {
        final RouterPortSpec first = r.ports().get(0);
        final RoutingFirewall fw = new RoutingFirewall(r.name(), first.name(), first.mac());
        final int index = builder.add(fw);
        final Map<String, Integer> portByName = new HashMap<>();
        for (int i = 0; i < r.ports().size(); i++) {
            final RouterPortSpec p = r.ports().get(i);
            final int port = i == 0 ? 0 : fw.addPort(p.name(), p.mac());
            portByName.put(p.name(), port);
            cableEnds.put(key(r.name(), p.name()), new PortRef(index, port));
            if (p.shutdown()) {
                linksDown.put(new PortRef(index, port), Boolean.FALSE);
            }
        }
        for (final RouterInterfaceSpec ri : r.interfaces()) {
            fw.addInterface(new RouterInterface(ri.name(), ri.vid(), ri.address().ip(), ri.address().prefixLength(),
                    ri.mtu(), portByName.get(ri.port())));
            fw.setInterfaceUp(ri.name(), !ri.shutdown());
        }
        r.routes().forEach(fw::addRoute);
        r.acl().forEach(fw::addAclRule);
    }

    private void addHost(final HostSpec h) {
        final Map<String, Integer> hostBridges = new LinkedHashMap<>();
        final Map<String, LinuxBridge> hostBridgeDevices = new LinkedHashMap<>();
        bridgeIndex.put(h.name(), hostBridges);
        bridges.put(h.name(), hostBridgeDevices);
        final Map<String, PortRef> lowerEnds = new HashMap<>();      // interface -> (device, port) facing a bridge
        final Map<String, Integer> mtus = new HashMap<>();
        final Map<String, PortRef> slaveEnds = new HashMap<>();   // bond member NIC -> its port to the bond
        final LinuxHost stack = h.stack() == null ? null : new LinuxHost(h.name());
        final int stackIndex = stack == null ? -1 : builder.add(stack);
        final Map<String, Integer> stackPorts = new HashMap<>();
        for (final NicSpec n : h.nics()) {
            if (spec.workloads().stream().anyMatch(w -> h.name().equals(w.host()) && n.name().equals(w.hostDevice()))) {
                continue;                                   // moved into a pod: its cable ends at the workload
            }
            if (stack != null && h.stack().hasAddressOn(n.name())) {       // the node's own NIC, no PhysicalNic
                final int port = stack.addNic(n.name(), n.mac(), n.mtu());
                stackPorts.put(n.name(), port);
                cableEnds.put(key(h.name(), n.name()), new PortRef(stackIndex, port));
                continue;
            }
            if (isMacvlanParent(h.name(), n.name())) {                    // macvlan's lower device owns the wire
                final Macvlan macvlan = new Macvlan(h.name(), n.name(), n.mac());
                final int index = builder.add(macvlan);
                macvlans.put(key(h.name(), n.name()), macvlan);
                macvlanIndex.put(key(h.name(), n.name()), index);
                cableEnds.put(key(h.name(), n.name()), new PortRef(index, Macvlan.WIRE));
                continue;
            }
            final PhysicalNic nic = new PhysicalNic(h.name(), n.name(), n.mac(), n.mtu());
            nic.setUp(n.up());
            final int nicIndex = builder.add(nic);
            cableEnds.put(key(h.name(), n.name()), new PortRef(nicIndex, PhysicalNic.WIRE));
            mtus.put(n.name(), n.mtu());
            final BondSpec bond = bondOf(h, n.name());
            if (bond != null) {
                slaveEnds.put(n.name(), new PortRef(nicIndex, nic.setMaster(bond.name())));
            }
            final BridgeSpec master = bridgeOf(h, n.name());
            if (master != null) {
                lowerEnds.put(n.name(), new PortRef(nicIndex, nic.setMaster(master.name())));
                addBridge(h, master);
            }
            for (final VlanSpec v : h.vlans()) {
                if (!v.parent().equals(n.name())) {
                    continue;
                }
                final int mtu = v.mtu() == VlanSpec.INHERIT ? n.mtu() : v.mtu();
                final VlanSubinterface sub = new VlanSubinterface(h.name(), v.name(), v.vid(),
                        vnetsim.frame.EtherType.VLAN_8021Q, v.reorderHeaders(), mtu);
                sub.setUp(v.up());
                final int subIndex = builder.add(sub);
                builder.link(nicIndex, nic.addSubinterface(v.vid(), v.name()), subIndex, VlanSubinterface.LOWER,
                        LinkKind.STACK);
                lowerEnds.put(v.name(), new PortRef(subIndex, VlanSubinterface.UPPER));
                mtus.put(v.name(), mtu);
                final BridgeSpec bridge = bridgeOf(h, v.name());
                if (bridge != null) {
                    addBridge(h, bridge);
                }
            }
            // a bond slave takes the bond's MAC (bond_enslave()), so it passes everything up and the bond filters
            nic.setPromiscuous(bond != null || Promiscuity.of(spec, h, n.name()));
        }
        for (final BondSpec b : h.bonds()) {
            addBond(h, b, slaveEnds, lowerEnds, mtus);
        }
        h.bridges().forEach(b -> addBridge(h, b));
        for (final BridgeSpec b : h.bridges()) {
            final LinuxBridge bridge = hostBridgeDevices.get(b.name());
            for (final BridgePortSpec p : b.ports()) {
                final PortRef lower = lowerEnds.get(p.name());
                final int port = bridge.addPort(bridgePort(bridge, p.name(), p.vlans(), p.hairpin(),
                        mtus.get(p.name())));
                builder.link(lower.device(), lower.port(), hostBridges.get(b.name()), port, LinkKind.STACK);
            }
        }
        if (stack != null) {
            addStack(h, stack, stackIndex, stackPorts);
        }
    }

    /** The host's own addresses (a bridge address through the bridge device), routes and ip_forward. */
    private void addStack(final HostSpec h, final LinuxHost stack, final int stackIndex,
                          final Map<String, Integer> stackPorts) {
        for (final HostStackSpec.Address a : h.stack().addresses()) {
            Integer port = stackPorts.get(a.iface());
            if (port == null) {
                final LinuxBridge bridge = bridges.get(h.name()).get(a.iface());
                port = stack.addBridgeDevice(bridge);
                builder.link(bridgeIndex.get(h.name()).get(a.iface()), bridge.addHostPort(), stackIndex, port,
                        LinkKind.STACK);
                stackPorts.put(a.iface(), port);
            }
            stack.addAddress(port, a.address().ip(), a.address().prefixLength());
        }
        h.stack().routes().forEach(r -> stack.addRoute(r.prefix(), r.length(), r.gateway()));
        stack.setForwarding(h.stack().forwarding());
        h.stack().masquerade().forEach(c -> stack.addMasquerade(c.ip(), c.prefixLength()));
    }

    private boolean isMacvlanParent(final String host, final String nic) {
        return spec.workloads().stream().anyMatch(w -> host.equals(w.host()) && nic.equals(w.macvlanParent()));
    }

    /**
     * A bond after its member NICs: each member's carrier (NIC up, cabled, cable up) decides whether it is an up
     * slave, then its subinterfaces and the bridge it or they are ports of, as for a NIC.
     */
    private void addBond(final HostSpec h, final BondSpec b, final Map<String, PortRef> slaveEnds,
                         final Map<String, PortRef> lowerEnds, final Map<String, Integer> mtus) {
        final Bond bond = new Bond(h.name(), b.name(), b.mode(), b.hashPolicy());
        final int bondIndex = builder.add(bond);
        final int mtu = h.nic(b.members().get(0)).mtu();
        mtus.put(b.name(), mtu);
        for (final String member : b.members()) {
            final NicSpec n = h.nic(member);
            final int slave = bond.addSlave(member, n.mac());
            bond.setSlaveUp(slave, n.up() && carrier(h.name(), member));
            if (member.equals(b.primary())) {
                bond.setPrimary(slave);
            }
            final PortRef end = slaveEnds.get(member);
            builder.link(end.device(), end.port(), bondIndex, slave, LinkKind.STACK);
        }
        final BridgeSpec master = bridgeOf(h, b.name());
        if (master != null) {
            lowerEnds.put(b.name(), new PortRef(bondIndex, bond.setMaster(master.name())));
            addBridge(h, master);
        }
        for (final VlanSpec v : h.vlans()) {
            if (!v.parent().equals(b.name())) {
                continue;
            }
            final int vlanMtu = v.mtu() == VlanSpec.INHERIT ? mtu : v.mtu();
            final VlanSubinterface sub = new VlanSubinterface(h.name(), v.name(), v.vid(),
                    vnetsim.frame.EtherType.VLAN_8021Q, v.reorderHeaders(), vlanMtu);
            sub.setUp(v.up());
            final int subIndex = builder.add(sub);
            builder.link(bondIndex, bond.addSubinterface(v.vid(), v.name()), subIndex, VlanSubinterface.LOWER,
                    LinkKind.STACK);
            lowerEnds.put(v.name(), new PortRef(subIndex, VlanSubinterface.UPPER));
            mtus.put(v.name(), vlanMtu);
            final BridgeSpec bridge = bridgeOf(h, v.name());
            if (bridge != null) {
                addBridge(h, bridge);
            }
        }
        bond.setPromiscuous(Promiscuity.of(spec, h, b.name()));
    }

    /** Whether a NIC has a carrier: a link names it and that link is up. */
    private boolean carrier(final String host, final String nic) {
        return spec.links().stream().anyMatch(l -> l.up()
                && (key(l.a().device(), l.a().iface()).equals(key(host, nic))
                || key(l.b().device(), l.b().iface()).equals(key(host, nic))));
    }

    private static BondSpec bondOf(final HostSpec h, final String nic) {
        return h.bonds().stream().filter(b -> b.members().contains(nic)).findFirst().orElse(null);
    }

    private static BridgeSpec bridgeOf(final HostSpec h, final String iface) {
        return h.bridges().stream().filter(b -> b.port(iface) != null).findFirst().orElse(null);
    }

    private void addBridge(final HostSpec h, final BridgeSpec b) {
        if (bridgeIndex.get(h.name()).containsKey(b.name())) {
            return;
        }
        final LinuxBridge bridge = new LinuxBridge(h.name(), b.name(), b.vlanFiltering(),
                LinuxBridge.DEFAULT_AGEING_NS, b.defaultPvid());
        if (b.stp()) {
            bridge.setStp(true, b.stpForwardDelayNs());
        }
        bridgeIndex.get(h.name()).put(b.name(), builder.add(bridge));
        bridges.get(h.name()).put(b.name(), bridge);
    }

    private static BridgePort bridgePort(final LinuxBridge bridge, final String name, final PortVlans vlans,
                                         final boolean hairpin, final int mtu) {
        final BridgePort port = vlans == null ? bridge.defaultPort(name, mtu)
                : new BridgePort(name, vlans.vids(), vlans.untagged(),
                        vlans.pvid() == PortVlans.NO_PVID ? BridgePort.NO_PVID : vlans.pvid(), false, mtu);
        return hairpin ? new BridgePort(name, port.vids(), port.untagged(), port.pvid(), true, mtu) : port;
    }

    private void addWorkload(final WorkloadSpec w) {
        final Endpoint endpoint = new Endpoint(w.name(), w.iface(), w.kind(), w.mac(), w.address().ip(),
                w.address().prefixLength(), w.gateway(), w.ttl());
        final int index = builder.addEndpoint(w.id(), endpoint);
        if (!w.isBridged()) {
            cableEnds.put(key(w.id(), w.iface()), new PortRef(index, Endpoint.NIC));
            cableEnds.put(key(w.name(), w.iface()), new PortRef(index, Endpoint.NIC));
            return;
        }
        if (w.hostDevice() != null) {
            cableEnds.put(key(w.host(), w.hostDevice()), new PortRef(index, Endpoint.NIC));
            return;
        }
        if (w.isMacvlan()) {
            final Macvlan macvlan = macvlans.get(key(w.host(), w.macvlanParent()));
            final int lower = macvlanIndex.get(key(w.host(), w.macvlanParent()));
            final int port = w.attachment() instanceof WorkloadAttachment.MacvlanChild child
                    ? macvlan.addChild(w.port(), w.mac(), child.mode()) : Macvlan.LOWER;
            builder.link(index, Endpoint.NIC, lower, port, port == Macvlan.LOWER ? LinkKind.STACK : LinkKind.VETH);
            return;
        }
        int nic = index;
        int nicPort = Endpoint.NIC;
        if (w.attachment() instanceof WorkloadAttachment.Masquerade m) {     // the guest, then its launcher pod
            final MasqueradePod pod = new MasqueradePod("virt-launcher-" + w.id(), m.podMac(), m.podAddress().ip(),
                    m.podAddress().prefixLength(), m.podGateway(), w.mtu(), m.ports());
            nic = builder.add(pod);
            nicPort = MasqueradePod.POD;
            builder.link(index, Endpoint.NIC, nic, MasqueradePod.K6T, LinkKind.VETH);
        }
        final LinuxBridge bridge = bridges.get(w.host()).get(w.bridge());
        final boolean hairpin = w.attachment() instanceof WorkloadAttachment.BridgeVeth v && v.hairpin();
        final int port = bridge.addPort(bridgePort(bridge, w.port(), w.vlans(), hairpin, w.mtu()));
        builder.link(nic, nicPort, bridgeIndex.get(w.host()).get(w.bridge()), port, LinkKind.VETH);
    }
}

package vnetsim.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vnetsim.device.InterfaceNames;
import vnetsim.device.l2.VlanSet;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * Finds what cannot be real in a {@link NetworkSpec}, each problem one sentence naming the element: two devices
 * with one name, a reference to a name that does not exist (with the closest names), a subinterface whose VID
 * its parent already maps, a port left unconnected, a workload plugged into nothing, a duplicate MAC or IP in
 * one VLAN, values out of range.
 */
final class SpecValidator {
    private static final int MIN_MTU = 68;                   // IPv4's minimum (RFC 791), the kernel's ETH_MIN_MTU
    private static final int MAX_MTU = 65535;

    private final NetworkSpec spec;
    private final List<String> problems = new ArrayList<>();
    /** Cable ends in use, "device\0iface" -> the link's text. */
    private final Map<String, String> cabled = new HashMap<>();

    SpecValidator(final NetworkSpec spec) {
        this.spec = spec;
    }

    List<String> problems() {
        checkDeviceNames();
        spec.hosts().forEach(this::checkHost);
        spec.switches().forEach(this::checkSwitch);
        spec.routers().forEach(this::checkRouter);
        spec.workloads().forEach(this::checkWorkload);
        spec.links().forEach(this::checkLink);
        checkUnconnected();
        checkGlobalMacs();
        if (problems.isEmpty()) {
            checkSegments();                                  // needs every reference to resolve
        }
        return List.copyOf(problems);
    }

    private void problem(final String text) {
        problems.add(text);
    }

    // ---- names ------------------------------------------------------------------------------------------------

    private void checkDeviceNames() {
        final Map<String, String> owner = new LinkedHashMap<>();
        spec.hosts().forEach(h -> claim(owner, h.name(), "host " + h.name()));
        spec.switches().forEach(s -> claim(owner, s.name(), "switch " + s.name()));
        spec.routers().forEach(r -> claim(owner, r.name(), "router " + r.name()));
        for (final WorkloadSpec w : spec.workloads()) {
            claim(owner, w.id(), "workload " + w.id());
            if (!w.name().equals(w.id())) {
                claim(owner, w.name(), "workload " + w.id());
            }
        }
    }

    private void claim(final Map<String, String> owner, final String name, final String who) {
        if (name == null || name.isBlank()) {
            problem(who + " has no name");
            return;
        }
        final String previous = owner.putIfAbsent(name, who);
        if (previous != null) {
            problem("two devices are named '" + name + "': " + previous + " and " + who);
        }
    }

    // ---- hosts ------------------------------------------------------------------------------------------------

    private void checkHost(final HostSpec h) {
        final Map<String, String> ifaces = new HashMap<>();
        h.nics().forEach(n -> claimInterface(h, ifaces, n.name(), "a NIC"));
        h.vlans().forEach(v -> claimInterface(h, ifaces, v.name(), "a VLAN subinterface"));
        h.bridges().forEach(b -> claimInterface(h, ifaces, b.name(), "a bridge"));
        h.bonds().forEach(b -> claimInterface(h, ifaces, b.name(), "a bond"));
        checkBonds(h);
        spec.workloads().stream().filter(w -> h.name().equals(w.host())
                        && !(w.attachment() instanceof WorkloadAttachment.MacvlanLower) && w.hostDevice() == null)
                .forEach(w -> claimInterface(h, ifaces, w.port(), "the port of workload " + w.id()));
        if (h.stack() != null) {
            checkStack(h);
        }
        for (final NicSpec n : h.nics()) {
            checkMtu(h.name() + "/" + n.name(), n.mtu());
            checkUnicastMac(h.name() + "/" + n.name(), n.mac());
        }
        final Map<String, String> vidOwner = new HashMap<>();
        for (final VlanSpec v : h.vlans()) {
            final String where = h.name() + "/" + v.name();
            final Optional<NicSpec> parent = Names.find(h.nics(), v.parent(), NicSpec::name)
                    .or(() -> bondAsNic(h, v.parent()));
            if (parent.isEmpty()) {
                problem(where + ": parent '" + v.parent() + "' is not a NIC on " + h.name()
                        + suggest(v.parent(), h.nics().stream().map(NicSpec::name).toList()));
            }
            if (v.vid() < 1 || v.vid() > 4094) {
                problem(where + ": VLAN ID " + v.vid() + " is out of range (1-4094)");
            }
            final String other = vidOwner.putIfAbsent(v.parent() + "\0" + v.vid(), v.name());
            if (other != null) {
                problem(where + ": VID " + v.vid() + " on " + v.parent() + " is already mapped to " + other
                        + " (the kernel allows one VLAN device per VID on a parent)");
            }
            if (v.mtu() != VlanSpec.INHERIT) {
                checkMtu(where, v.mtu());
                parent.filter(p -> v.mtu() > p.mtu()).ifPresent(p -> problem(where + ": MTU " + v.mtu()
                        + " is larger than its parent " + p.name() + "'s MTU " + p.mtu()));
            }
        }
        final Map<String, String> master = new HashMap<>();
        for (final BridgeSpec b : h.bridges()) {
            if (b.defaultPvid() < 0 || b.defaultPvid() > 4094) {
                problem(h.name() + "/" + b.name() + ": default PVID " + b.defaultPvid() + " is out of range (0-4094)");
            }
            if (b.stp() && (b.stpForwardDelayNs() < 2_000_000_000L || b.stpForwardDelayNs() > 30_000_000_000L)) {
                problem(h.name() + "/" + b.name() + ": STP forward_delay " + b.stpForwardDelayNs() / 1e9
                        + " s is out of range (with STP on the kernel accepts 2-30 s)");
            }
            for (final BridgePortSpec p : b.ports()) {
                final String where = h.name() + "/" + b.name() + " port " + p.name();
                final boolean known = Names.find(h.nics(), p.name(), NicSpec::name).isPresent()
                        || Names.find(h.vlans(), p.name(), VlanSpec::name).isPresent()
                        || Names.find(h.bonds(), p.name(), BondSpec::name).isPresent();
                if (!known) {
                    final List<String> candidates = new ArrayList<>(h.nics().stream().map(NicSpec::name).toList());
                    h.vlans().forEach(v -> candidates.add(v.name()));
                    problem(where + ": '" + p.name() + "' is not a NIC or VLAN subinterface on " + h.name()
                            + suggest(p.name(), candidates));
                }
                final String previous = master.putIfAbsent(p.name(), b.name());
                if (previous != null) {
                    problem(where + ": " + p.name() + " is already a port of " + previous
                            + " (an interface has one master)");
                }
                checkPortVlans(where, p.vlans());
            }
        }
        for (final VlanSpec v : h.vlans()) {
            if (!master.containsKey(v.name())) {
                problem(h.name() + "/" + v.name() + " is left unconnected: it is no bridge's port, and vnetsim does"
                        + " not model a host's own IP stack");
            }
        }
    }

    /** The host's own stack: addresses on its NICs or bridges only, a NIC there used by nothing else, routes. */
    private void checkStack(final HostSpec h) {
        final List<Cidr> connected = new ArrayList<>();
        for (final HostStackSpec.Address a : h.stack().addresses()) {
            final String where = h.name() + "/" + a.iface() + " address " + a.address();
            final boolean nic = Names.find(h.nics(), a.iface(), NicSpec::name).isPresent();
            final boolean bridge = Names.find(h.bridges(), a.iface(), BridgeSpec::name).isPresent();
            if (!nic && !bridge) {
                final List<String> candidates = new ArrayList<>(h.nics().stream().map(NicSpec::name).toList());
                h.bridges().forEach(b -> candidates.add(b.name()));
                problem(where + ": '" + a.iface() + "' is not a NIC or bridge on " + h.name()
                        + suggest(a.iface(), candidates));
            }
            if (nic && (h.bridges().stream().anyMatch(b -> b.port(a.iface()) != null)
                    || h.vlans().stream().anyMatch(v -> v.parent().equals(a.iface()))
                    || h.bonds().stream().anyMatch(b -> b.members().contains(a.iface()))
                    || spec.workloads().stream().anyMatch(w -> h.name().equals(w.host())
                            && a.iface().equals(w.macvlanParent())))) {
                problem(where + ": the NIC also carries a bridge, subinterface, bond or macvlan; vnetsim models a"
                        + " host address only on a NIC used by nothing else, or on a bridge");
            }
            connected.add(a.address());
        }
        for (final vnetsim.device.l3.StaticRoute r : h.stack().routes()) {
            if (connected.stream().noneMatch(c -> c.contains(r.gateway()))) {
                problem(h.name() + ": route " + Ipv4Address.format(r.prefix()) + "/" + r.length() + " via "
                        + Ipv4Address.format(r.gateway()) + ": the gateway is on no connected subnet of "
                        + h.name() + " (the kernel says \"Nexthop has invalid gateway\")");
            }
        }
    }

    /** A bond stands in for a NIC as a subinterface's parent; its MTU is its first member's. */
    private static Optional<NicSpec> bondAsNic(final HostSpec h, final String name) {
        return Names.find(h.bonds(), name, BondSpec::name).map(b -> new NicSpec(b.name(), 0,
                b.members().isEmpty() ? 1500 : Names.find(h.nics(), b.members().get(0), NicSpec::name)
                        .map(NicSpec::mtu).orElse(1500), true));
    }

    private void checkBonds(final HostSpec h) {
        final Map<String, String> bondOf = new HashMap<>();
        for (final BondSpec b : h.bonds()) {
            final String where = h.name() + "/" + b.name();
            if (b.members().isEmpty()) {
                problem(where + ": a bond needs at least one member NIC");
            }
            for (final String m : b.members()) {
                if (Names.find(h.nics(), m, NicSpec::name).isEmpty()) {
                    problem(where + ": member '" + m + "' is not a NIC on " + h.name()
                            + suggest(m, h.nics().stream().map(NicSpec::name).toList()));
                }
                final String other = bondOf.putIfAbsent(m, b.name());
                if (other != null) {
                    problem(where + ": member " + m + " is already a member of " + other
                            + (other.equals(b.name()) ? " (listed twice)" : " (a NIC has one master)"));
                }
                if (h.vlans().stream().anyMatch(v -> v.parent().equals(m))) {
                    problem(where + ": member " + m + " also has VLAN subinterfaces (stack them on "
                            + b.name() + ": a bond slave's frames all go to the bond)");
                }
                if (h.bridges().stream().anyMatch(br -> br.port(m) != null)) {
                    problem(where + ": member " + m + " is also a bridge port (a NIC has one master)");
                }
            }
            if (b.primary() != null && !b.members().contains(b.primary())) {
                problem(where + ": primary '" + b.primary() + "' is not one of its members " + b.members());
            }
        }
    }

    private void claimInterface(final HostSpec h, final Map<String, String> ifaces, final String name,
                                final String what) {
        if (name == null || name.isBlank()) {
            problem(h.name() + ": " + what + " has no name");
            return;
        }
        final String previous = ifaces.putIfAbsent(name, what);
        if (previous != null) {
            problem(h.name() + " has two interfaces named '" + name + "': " + previous + " and " + what);
        }
    }

    private void checkPortVlans(final String where, final PortVlans vlans) {
        if (vlans == null) {
            return;
        }
        if (!VlanSet.range(1, 4094).plus(vlans.vids()).equals(VlanSet.range(1, 4094))) {
            problem(where + ": VLANs " + vlans.vids() + " include IDs outside 1-4094");
        }
        if (!vlans.untagged().minus(vlans.vids()).isEmpty()) {
            problem(where + ": untagged VLANs " + vlans.untagged().minus(vlans.vids())
                    + " are not among the port's VLANs " + vlans.vids());
        }
        if (vlans.pvid() != PortVlans.NO_PVID && !vlans.vids().contains(vlans.pvid())) {
            problem(where + ": PVID " + vlans.pvid() + " is not among the port's VLANs " + vlans.vids());
        }
    }

    // ---- switches and routers ---------------------------------------------------------------------------------

    private void checkSwitch(final SwitchSpec s) {
        final Set<String> seen = new HashSet<>();
        for (final SwitchPortSpec p : s.ports()) {
            final String where = s.name() + "/" + p.name();
            if (!seen.add(InterfaceNames.normalize(p.name()))) {
                problem(s.name() + " has two ports named '" + p.name() + "'");
            }
            if (p.mode() == SwitchPortSpec.Mode.ACCESS && (p.accessVlan() < 1 || p.accessVlan() > 4094)) {
                problem(where + ": access VLAN " + p.accessVlan() + " is out of range (1-4094)");
            }
            if (p.mode() == SwitchPortSpec.Mode.TRUNK && (p.nativeVlan() < 1 || p.nativeVlan() > 4094)) {
                problem(where + ": native VLAN " + p.nativeVlan() + " is out of range (1-4094)");
            }
        }
    }

    private void checkRouter(final RouterSpec r) {
        if (r.ports().isEmpty()) {
            problem("router " + r.name() + " has no port");
        }
        final Set<String> portNames = new HashSet<>();
        for (final RouterPortSpec p : r.ports()) {
            if (!portNames.add(p.name())) {
                problem(r.name() + " has two ports named '" + p.name() + "'");
            }
            checkUnicastMac(r.name() + "/" + p.name(), p.mac());
        }
        final Set<String> names = new HashSet<>();
        final Map<String, String> byPortVid = new HashMap<>();
        for (final RouterInterfaceSpec ri : r.interfaces()) {
            final String where = r.name() + "/" + ri.name();
            if (!names.add(ri.name())) {
                problem(r.name() + " has two interfaces named '" + ri.name() + "'");
            }
            if (!portNames.contains(ri.port())) {
                problem(where + ": port '" + ri.port() + "' is not a port of " + r.name()
                        + suggest(ri.port(), List.copyOf(portNames)));
            }
            if (ri.vid() < 0 || ri.vid() > 4094) {
                problem(where + ": VLAN ID " + ri.vid() + " is out of range (1-4094, or 0 for untagged)");
            }
            final String other = byPortVid.putIfAbsent(ri.port() + "\0" + ri.vid(), ri.name());
            if (other != null) {
                problem(where + ": " + ri.port() + " already has " + (ri.vid() == 0 ? "an untagged interface"
                        : "a subinterface for VLAN " + ri.vid()) + ", " + other);
            }
            checkMtu(where, ri.mtu());
        }
        for (final var route : r.routes()) {
            if (r.interfaces().stream().noneMatch(ri -> ri.address().contains(route.gateway()))) {
                problem(r.name() + ": route " + route + ": gateway " + Ipv4Address.format(route.gateway())
                        + " is on no connected subnet (the kernel says \"Nexthop has invalid gateway\")");
            }
        }
    }

    // ---- workloads --------------------------------------------------------------------------------------------

    private void checkWorkload(final WorkloadSpec w) {
        final String where = "workload " + w.id();
        checkUnicastMac(where, w.mac());
        checkMtu(where, w.mtu());
        if (w.ttl() < 1 || w.ttl() > 255) {
            problem(where + ": TTL " + w.ttl() + " is out of range (1-255)");
        }
        if (w.gateway() != 0 && !w.address().contains(w.gateway())) {
            problem(where + ": gateway " + Ipv4Address.format(w.gateway()) + " is not on its subnet "
                    + w.address().subnet() + " (the kernel says \"Nexthop has invalid gateway\")");
        }
        if (!w.isBridged()) {
            if (w.bridge() != null) {
                problem(where + ": names bridge " + w.bridge() + " but no host");
            }
            return;
        }
        final Optional<HostSpec> host = Names.find(spec.hosts(), w.host(), HostSpec::name);
        if (host.isEmpty()) {
            problem(where + " is plugged into host '" + w.host() + "', which does not exist"
                    + suggest(w.host(), spec.hosts().stream().map(HostSpec::name).toList()));
            return;
        }
        if (w.isMacvlan()) {
            checkMacvlan(where, w, host.get());
            return;
        }
        if (w.hostDevice() != null) {
            checkHostDevice(where, w, host.get());
            return;
        }
        if (w.attachment() instanceof WorkloadAttachment.Masquerade m) {
            checkUnicastMac(where + " pod", m.podMac());
            if (m.podGateway() != 0 && !m.podAddress().contains(m.podGateway())) {
                problem(where + ": pod gateway " + Ipv4Address.format(m.podGateway()) + " is not on the pod subnet "
                        + m.podAddress().subnet());
            }
        }
        if (w.bridge() == null || Names.find(host.get().bridges(), w.bridge(), BridgeSpec::name).isEmpty()) {
            problem(where + " is plugged into bridge '" + w.bridge() + "', which " + w.host() + " does not have"
                    + suggest(String.valueOf(w.bridge()),
                            host.get().bridges().stream().map(BridgeSpec::name).toList()));
        }
        checkPortVlans(where + " port " + w.port(), w.vlans());
    }

    /** A macvlan workload: no bridge; its parent a NIC of its host that is no bridge port, bond member or VLAN parent. */
    private void checkMacvlan(final String where, final WorkloadSpec w, final HostSpec h) {
        if (w.bridge() != null) {
            problem(where + ": a macvlan workload is plugged into no bridge, but names bridge " + w.bridge());
        }
        final String parent = w.macvlanParent();
        if (Names.find(h.nics(), parent, NicSpec::name).isEmpty()) {
            problem(where + ": macvlan master '" + parent + "' is not a NIC on " + h.name()
                    + suggest(parent, h.nics().stream().map(NicSpec::name).toList()));
            return;
        }
        if (h.bridges().stream().anyMatch(b -> b.port(parent) != null)
                || h.bonds().stream().anyMatch(b -> b.members().contains(parent))
                || h.vlans().stream().anyMatch(v -> v.parent().equals(parent))) {
            problem(where + ": macvlan master " + h.name() + "/" + parent + " is also a bridge port, bond member or "
                    + "VLAN parent; vnetsim models macvlan on a NIC used by nothing else");
        }
        if (w.attachment() instanceof WorkloadAttachment.MacvlanLower && w.mac() != h.nic(parent).mac()) {
            problem(where + ": the node's own address on " + parent + " must use the NIC's MAC "
                    + MacAddress.format(h.nic(parent).mac()));
        }
    }

    /** A host-device workload: the NIC exists on its host and nothing else uses it; no bridge. */
    private void checkHostDevice(final String where, final WorkloadSpec w, final HostSpec h) {
        final String nic = w.hostDevice();
        if (w.bridge() != null) {
            problem(where + ": a host-device workload is plugged into no bridge, but names bridge " + w.bridge());
        }
        if (Names.find(h.nics(), nic, NicSpec::name).isEmpty()) {
            problem(where + ": host-device '" + nic + "' is not a NIC on " + h.name()
                    + suggest(nic, h.nics().stream().map(NicSpec::name).toList()));
            return;
        }
        final long users = spec.workloads().stream().filter(o -> h.name().equals(o.host())
                && (nic.equals(o.hostDevice()) || nic.equals(o.macvlanParent()))).count();
        if (users > 1 || h.bridges().stream().anyMatch(b -> b.port(nic) != null)
                || h.bonds().stream().anyMatch(b -> b.members().contains(nic))
                || h.vlans().stream().anyMatch(v -> v.parent().equals(nic))
                || h.stack() != null && h.stack().hasAddressOn(nic)) {
            problem(where + ": host-device " + h.name() + "/" + nic + " is in use on the node (a bridge port, bond "
                    + "member, VLAN parent, address, macvlan master or another pod); host-device moves the whole "
                    + "NIC into one pod");
        }
    }

    // ---- links ------------------------------------------------------------------------------------------------

    private void checkLink(final LinkSpec link) {
        if (SpecCompiler.key(link.a().device(), link.a().iface())
                .equals(SpecCompiler.key(link.b().device(), link.b().iface()))) {
            problem("link " + link + " connects a port to itself");
            return;
        }
        for (final LinkSpec.End end : List.of(link.a(), link.b())) {
            if (resolve(end, link)) {
                final String previous = cabled.putIfAbsent(SpecCompiler.key(end.device(), end.iface()),
                        link.toString());
                if (previous != null) {
                    problem(end + " is cabled twice: " + previous + " and " + link);
                }
            }
        }
    }

    /** Whether the end names an existing cable port; else records why not. */
    private boolean resolve(final LinkSpec.End end, final LinkSpec link) {
        final String inLink = " (in link " + link + ")";
        final Optional<HostSpec> host = Names.find(spec.hosts(), end.device(), HostSpec::name);
        if (host.isPresent()) {
            if (Names.find(host.get().nics(), end.iface(), NicSpec::name).isPresent()) {
                return true;
            }
            problem(end + " is not a NIC of " + end.device() + inLink
                    + suggest(end.iface(), host.get().nics().stream().map(NicSpec::name).toList()));
            return false;
        }
        final Optional<SwitchSpec> sw = Names.find(spec.switches(), end.device(), SwitchSpec::name);
        if (sw.isPresent()) {
            final String wanted = InterfaceNames.normalize(end.iface());
            if (sw.get().ports().stream().anyMatch(p -> InterfaceNames.normalize(p.name()).equals(wanted))) {
                return true;
            }
            problem(end + " is not a port of switch " + end.device() + inLink
                    + suggest(end.iface(), sw.get().ports().stream().map(SwitchPortSpec::name).toList()));
            return false;
        }
        final Optional<RouterSpec> router = Names.find(spec.routers(), end.device(), RouterSpec::name);
        if (router.isPresent()) {
            if (Names.find(router.get().ports(), end.iface(), RouterPortSpec::name).isPresent()) {
                return true;
            }
            problem(end + " is not a port of router " + end.device() + inLink
                    + suggest(end.iface(), router.get().ports().stream().map(RouterPortSpec::name).toList()));
            return false;
        }
        final Optional<WorkloadSpec> workload = Names.find(spec.workloads(), end.device(), WorkloadSpec::id)
                .or(() -> Names.find(spec.workloads(), end.device(), WorkloadSpec::name));
        if (workload.isPresent()) {
            if (workload.get().isBridged()) {
                problem(end + ": workload " + workload.get().id() + " is already plugged into "
                        + workload.get().host() + "/" + workload.get().bridge() + inLink);
                return false;
            }
            if (workload.get().iface().equals(end.iface())) {
                return true;
            }
            problem(end + " is not the interface of workload " + end.device() + " (" + workload.get().iface()
                    + ")" + inLink);
            return false;
        }
        final List<String> devices = new ArrayList<>();
        spec.hosts().forEach(h -> devices.add(h.name()));
        spec.switches().forEach(s -> devices.add(s.name()));
        spec.routers().forEach(r -> devices.add(r.name()));
        spec.workloads().stream().filter(w -> !w.isBridged()).forEach(w -> devices.add(w.id()));
        problem("link end " + end + " names no device" + inLink + suggest(end.device(), devices));
        return false;
    }

    private void checkUnconnected() {
        for (final HostSpec h : spec.hosts()) {
            for (final NicSpec n : h.nics()) {
                if (n.up()) {                 // a NIC without a cable has no carrier: say so with up = false
                    requireCable(h.name(), n.name(), h.name() + "/" + n.name() + " is left unconnected: no link "
                            + "names it (mark it down: no carrier)");
                }
            }
        }
        for (final SwitchSpec s : spec.switches()) {
            s.ports().stream().filter(p -> !p.shutdown()).forEach(p -> requireCable(s.name(), p.name(),
                    s.name() + "/" + p.name() + " is left unconnected: no link names it (shut it down or remove it)"));
        }
        for (final RouterSpec r : spec.routers()) {
            r.ports().stream().filter(p -> !p.shutdown()).forEach(p -> requireCable(r.name(), p.name(),
                    r.name() + "/" + p.name() + " is left unconnected: no link names it"));
        }
        for (final WorkloadSpec w : spec.workloads()) {
            if (!w.isBridged() && !cabled.containsKey(SpecCompiler.key(w.id(), w.iface()))
                    && !cabled.containsKey(SpecCompiler.key(w.name(), w.iface()))) {
                problem("workload " + w.id() + " is plugged into nothing: give it a host and bridge, or a link");
            }
        }
    }

    private void requireCable(final String device, final String iface, final String message) {
        if (!cabled.containsKey(SpecCompiler.key(device, iface))) {
            problem(message);
        }
    }

    // ---- values -----------------------------------------------------------------------------------------------

    private void checkMtu(final String where, final int mtu) {
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            problem(where + ": MTU " + mtu + " is out of range (" + MIN_MTU + "-" + MAX_MTU + ")");
        }
    }

    private void checkUnicastMac(final String where, final long mac) {
        if (!MacAddress.isValidSource(mac)) {
            problem(where + ": MAC " + MacAddress.format(mac) + " is not a unicast address");
        }
    }

    private void checkGlobalMacs() {
        final Map<Long, String> owner = new HashMap<>();
        spec.hosts().forEach(h -> h.nics().forEach(n -> claimMac(owner, n.mac(), h.name() + "/" + n.name())));
        spec.routers().forEach(r -> r.ports().forEach(p -> claimMac(owner, p.mac(), r.name() + "/" + p.name())));
    }

    private void claimMac(final Map<Long, String> owner, final long mac, final String who) {
        final String previous = owner.putIfAbsent(mac, who);
        if (previous != null) {
            problem("duplicate MAC " + MacAddress.format(mac) + ": " + previous + " and " + who);
        }
    }

    /** Duplicate IPs and MACs among workloads and router interfaces that share a broadcast domain. */
    private void checkSegments() {
        final Segments segments = new Segments(spec);
        final Map<String, String> ips = new HashMap<>();
        final Map<String, String> macs = new HashMap<>();
        for (final WorkloadSpec w : spec.workloads()) {
            final String segment = segments.ofWorkload(w);
            claimInSegment(ips, segment, "IP " + Ipv4Address.format(w.address().ip()), "workload " + w.id());
            claimInSegment(macs, segment, "MAC " + MacAddress.format(w.mac()), "workload " + w.id());
        }
        for (final RouterSpec r : spec.routers()) {
            for (final RouterInterfaceSpec ri : r.interfaces()) {
                final String segment = segments.ofRouterInterface(r, ri);
                claimInSegment(ips, segment, "IP " + Ipv4Address.format(ri.address().ip()), r.name() + "/"
                        + ri.name());
            }
        }
    }

    private void claimInSegment(final Map<String, String> owner, final String segment, final String value,
                                final String who) {
        final String previous = owner.putIfAbsent(segment + "\0" + value, who);
        if (previous != null) {
            problem("duplicate " + value + " in " + segment + ": " + previous + " and " + who);
        }
    }

    private static String suggest(final String name, final List<String> candidates) {
        final List<String> closest = Names.closest(name, candidates);
        return closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest);
    }
}

package vnetsim.whatif;

import java.util.ArrayList;
import java.util.List;
import vnetsim.analysis.Change;
import vnetsim.analysis.NetworkSource;
import vnetsim.device.InterfaceNames;
import vnetsim.device.l3.AclRule;
import vnetsim.network.HostSpec;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkSpec;
import vnetsim.network.PortVlans;
import vnetsim.network.RouterSpec;
import vnetsim.network.SwitchPortSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.network.UnknownNameException;
import vnetsim.network.VlanSpec;
import vnetsim.network.WorkloadSpec;

/**
 * A change to a network described by name, applied to a copy of its {@link NetworkSpec}. Each record is one
 * thing an engineer changes; {@link #text()} is the line that wrote it (see {@link ChangeParser}). Names are
 * looked up as the spec looks them up, so a missing one is an {@link UnknownNameException} naming the closest.
 */
public sealed interface SpecChange extends Change {
    /** The changed copy. */
    NetworkSpec apply(NetworkSpec spec);

    /** The line that wrote this change. */
    String text();

    @Override
    default NetworkSource applyTo(final NetworkSource network) {
        if (network instanceof vnetsim.network.VsphereSpec vsphere) {   // the nodes, switch, router under it
            return vsphere.withBase(apply(vsphere.base()));
        }
        if (!(network instanceof NetworkSpec spec)) {
            throw new IllegalArgumentException("'" + text() + "': network '" + network.name()
                    + "' is not described by name (NetworkSpec)");
        }
        return apply(spec);
    }

    @Override
    default String describe() {
        return text();
    }

    /** {@code switchport trunk allowed vlan remove VID}. */
    record RemoveTrunkVlan(String text, String switchName, String port, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final SwitchSpec sw = spec.switchNamed(switchName);
            final SwitchPortSpec p = trunk(sw, port, text);
            if (!p.allowed().contains(vid)) {
                throw new IllegalArgumentException("'" + text + "': VLAN " + vid + " is not on " + sw.name() + " "
                        + p.name() + "'s allowed list (" + p.allowed() + ")");
            }
            return spec.withSwitch(sw.withPort(p.withoutAllowed(vid)));
        }
    }

    /** {@code switchport trunk allowed vlan add VID}. */
    record AddTrunkVlan(String text, String switchName, String port, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final SwitchSpec sw = spec.switchNamed(switchName);
            return spec.withSwitch(sw.withPort(trunk(sw, port, text).withAllowedAdded(vid)));
        }
    }

    /** {@code switchport trunk native vlan VID}. */
    record SetNativeVlan(String text, String switchName, String port, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final SwitchSpec sw = spec.switchNamed(switchName);
            return spec.withSwitch(sw.withPort(trunk(sw, port, text).withNativeVlan(vid)));
        }
    }

    /** {@code switchport access vlan VID}. */
    record SetAccessVlan(String text, String switchName, String port, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final SwitchSpec sw = spec.switchNamed(switchName);
            final SwitchPortSpec p = sw.port(port);
            if (p.mode() != SwitchPortSpec.Mode.ACCESS) {
                throw new IllegalArgumentException("'" + text + "': " + sw.name() + " " + p.name()
                        + " is a trunk port; change its native VLAN or allowed list instead");
            }
            return spec.withSwitch(sw.withPort(p.withAccessVlan(vid)));
        }
    }

    /** {@code shutdown} on a switch port or router port, {@code ip link set DEV down} on a NIC or subinterface. */
    record Shut(String text, String device, String iface) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final String kind = kindOf(spec, device);
            return switch (kind) {
                case "switch" -> {
                    final SwitchSpec sw = spec.switchNamed(device);
                    yield spec.withSwitch(sw.withPort(sw.port(iface).withShutdown(true)));
                }
                case "router" -> {
                    final RouterSpec r = spec.router(device);
                    yield spec.withRouter(r.withPort(r.port(iface).withShutdown(true)));
                }
                default -> {
                    final HostSpec h = spec.host(device);
                    final var nic = h.nics().stream().filter(n -> same(n.name(), iface)).findFirst();
                    if (nic.isPresent()) {
                        yield spec.withHost(h.withNic(nic.get().withUp(false)));
                    }
                    final var vlan = h.vlans().stream().filter(v -> same(v.name(), iface)).findFirst();
                    if (vlan.isPresent()) {
                        yield spec.withHost(h.withVlan(vlan.get().withUp(false)));
                    }
                    throw UnknownNameException.of("NIC or VLAN subinterface on " + h.name(), iface,
                            hostInterfaces(h));
                }
            };
        }
    }

    /** The cable at one end taken down (both ends lose carrier). */
    record ShutLink(String text, String device, String iface) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            kindOf(spec, device);
            final LinkSpec link = spec.link(device, iface);
            return spec.withLink(link.withUp(false));
        }
    }

    /** A workload plugged into another host's bridge (live migration) or another bridge (another network). */
    record Move(String text, String workload, String host, String bridge) implements SpecChange {
        /** On a network whose workloads live-migrate themselves (OVN-Kubernetes UDNs): that network's migration. */
        @Override
        public NetworkSource applyTo(final NetworkSource network) {
            if (network instanceof vnetsim.analysis.MigratableNetwork m) {
                if (bridge != null) {
                    throw new IllegalArgumentException("'" + text + "': " + network.name() + " has no bridges to "
                            + "choose; write 'move " + workload + " to " + host + "'");
                }
                return m.migrate(workload, host);
            }
            return SpecChange.super.applyTo(network);
        }

        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final WorkloadSpec w = spec.workload(workload);
            if (!w.isBridged()) {
                throw new IllegalArgumentException("'" + text + "': " + w.id() + " is cabled, not on a bridge");
            }
            final String toHost = host == null ? w.host() : spec.host(host).name();
            final String toBridge = spec.host(toHost).bridge(bridge == null ? w.bridge() : bridge).name();
            return spec.withWorkload(w.movedTo(toHost, toBridge));
        }
    }

    /** A NAD's {@code "vlan": VID}: the workload's bridge port becomes an access port of that VLAN. */
    record SetWorkloadVlan(String text, String workload, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final WorkloadSpec w = spec.workload(workload);
            return spec.withWorkload(w.withVlans(PortVlans.access(vid)));
        }
    }

    /** A subinterface's VID ({@code vlan.id} in nmstate): same name, another VLAN on the wire. */
    record SetSubinterfaceVlan(String text, String host, String subinterface, int vid) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final HostSpec h = spec.host(host);
            final VlanSpec v = h.vlan(subinterface);
            return spec.withHost(h.withVlan(v.withVid(vid)));
        }
    }

    /** An ACL rule inserted on a router or firewall at a 1-based position (first match decides). */
    record AddAclRule(String text, String router, AclRule rule, int position) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            final RouterSpec r = spec.router(router);
            final int index = position <= 0 ? 0 : position - 1;
            if (index > r.acl().size()) {
                throw new IllegalArgumentException("'" + text + "': " + r.name() + " has " + r.acl().size()
                        + " ACL rules; a new rule goes at 1 to " + (r.acl().size() + 1));
            }
            return spec.withRouter(r.withAclRule(index, rule));
        }
    }

    /** An MTU on a host NIC, a subinterface, a router interface or a workload. */
    record SetMtu(String text, String device, String iface, int mtu) implements SpecChange {
        @Override
        public NetworkSpec apply(final NetworkSpec spec) {
            if (iface == null) {
                return spec.withWorkload(spec.workload(device).withMtu(mtu));
            }
            final String kind = kindOf(spec, device);
            switch (kind) {
                case "router" -> {
                    final RouterSpec r = spec.router(device);
                    final var ri = r.interfaces().stream().filter(i -> same(i.name(), iface)).findFirst()
                            .orElseThrow(() -> UnknownNameException.of("interface on " + r.name(), iface,
                                    r.interfaces().stream().map(i -> i.name()).toList()));
                    return spec.withRouter(r.withInterface(ri.withMtu(mtu)));
                }
                case "host" -> {
                    final HostSpec h = spec.host(device);
                    final var nic = h.nics().stream().filter(n -> same(n.name(), iface)).findFirst();
                    if (nic.isPresent()) {
                        return spec.withHost(h.withNic(nic.get().withMtu(mtu)));
                    }
                    final var vlan = h.vlans().stream().filter(v -> same(v.name(), iface)).findFirst();
                    if (vlan.isPresent()) {
                        return spec.withHost(h.withVlan(vlan.get().withMtu(mtu)));
                    }
                    throw UnknownNameException.of("NIC or VLAN subinterface on " + h.name(), iface,
                            hostInterfaces(h));
                }
                default -> throw new IllegalArgumentException("'" + text + "': switch ports have no MTU in the "
                        + "model (NX-OS 'mtu' on a port is not simulated); change a host NIC, a subinterface, a "
                        + "router interface or a workload");
            }
        }
    }

    // ---- shared lookups ------------------------------------------------------------------------------------------

    private static SwitchPortSpec trunk(final SwitchSpec sw, final String port, final String text) {
        final SwitchPortSpec p = sw.port(port);
        if (p.mode() != SwitchPortSpec.Mode.TRUNK) {
            throw new IllegalArgumentException("'" + text + "': " + sw.name() + " " + p.name()
                    + " is an access port (VLAN " + p.accessVlan() + "); it has no allowed list");
        }
        return p;
    }

    /** "switch", "router" or "host"; an {@link UnknownNameException} naming the closest devices otherwise. */
    private static String kindOf(final NetworkSpec spec, final String device) {
        if (spec.switches().stream().anyMatch(s -> s.name().equals(device))) {
            return "switch";
        }
        if (spec.routers().stream().anyMatch(r -> r.name().equals(device))) {
            return "router";
        }
        if (spec.hosts().stream().anyMatch(h -> h.name().equals(device))) {
            return "host";
        }
        final List<String> all = new ArrayList<>();
        spec.switches().forEach(s -> all.add(s.name()));
        spec.routers().forEach(r -> all.add(r.name()));
        spec.hosts().forEach(h -> all.add(h.name()));
        throw UnknownNameException.of("switch, router or host", device, all);
    }

    private static List<String> hostInterfaces(final HostSpec h) {
        final List<String> names = new ArrayList<>();
        h.nics().forEach(n -> names.add(n.name()));
        h.vlans().forEach(v -> names.add(v.name()));
        return names;
    }

    private static boolean same(final String a, final String b) {
        return InterfaceNames.normalize(a).equals(InterfaceNames.normalize(b));
    }
}

package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.List;
import vnetsim.device.Bond;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.folder.compile.NodePlan.BridgePlan;
import vnetsim.folder.compile.NodePlan.PortKind;
import vnetsim.folder.compile.NodePlan.PortPlan;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.network.BridgePortSpec;
import vnetsim.network.BridgeSpec;
import vnetsim.network.Cidr;
import vnetsim.network.HostSpec;
import vnetsim.network.HostStackSpec;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkSpec;
import vnetsim.network.NicSpec;
import vnetsim.network.PortVlans;
import vnetsim.network.RouterInterfaceSpec;
import vnetsim.network.RouterPortSpec;
import vnetsim.network.RouterSpec;
import vnetsim.network.SwitchPortSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.network.VlanSpec;
import vnetsim.network.VsphereSpec;
import vnetsim.network.WorkloadAttachment;
import vnetsim.network.WorkloadSpec;

/**
 * Writes a {@link NetworkPlan} as the name-based {@link NetworkSpec} the simulator compiles: hosts with NICs,
 * subinterfaces and bridges (port VLAN tables only where the bridge filters), switches with their ports and the
 * VLANs that exist, routers, workloads on their bridge ports, and the cables.
 */
public final class SpecWriter {
    private SpecWriter() {
    }

    public static NetworkSpec write(final NetworkPlan plan) {
        final List<HostSpec> hosts = plan.nodes().stream().map(SpecWriter::host).toList();
        final List<SwitchSpec> switches = plan.switches().stream().map(SpecWriter::switchSpec).toList();
        final List<RouterSpec> routers = new ArrayList<>(plan.firewalls().stream().map(SpecWriter::router).toList());
        final List<LinkSpec> sviLinks = new ArrayList<>();
        for (final SwitchPlan s : plan.switches()) {
            if (!s.svis().isEmpty()) {
                routers.add(sviRouter(s));
                sviLinks.add(LinkSpec.cable(s.hostname(), SwitchPlan.SUP_PORT, s.sviRouter(), SwitchPlan.SUP_PORT));
            }
        }
        final List<WorkloadSpec> workloads = new ArrayList<>();
        for (final WorkloadPlan w : plan.workloads()) {
            if (w.attachment() != null && !(w.attachment() instanceof WorkloadAttachment.BridgeVeth)
                    || PodNetworkPlan.BRIDGE.equals(w.bridge()) && podNetwork(plan, w.node())) {
                workloads.add(attached(w));
                continue;
            }
            final BridgePlan bridge = plan.nodes().stream().filter(n -> n.name().equals(w.node()))
                    .flatMap(n -> n.bridges().stream()).filter(b -> b.name().equals(w.bridge())).findFirst()
                    .orElseThrow();
            workloads.add(new WorkloadSpec(w.id(), w.display(), w.kind(), w.iface(), w.mac(),
                    new Cidr(w.ip(), w.prefixLength()), w.gateway(), 64, w.port().mtu(), w.node(), w.bridge(),
                    w.vethName(), bridge.vlanFiltering() ? vlans(w.port()) : null, w.attachment()));
        }
        final java.util.Set<String> layer = vsphereLayer(plan);
        final List<LinkSpec> links = new ArrayList<>(plan.cables().stream()
                .filter(c -> !layer.contains(c.hostA()) && !layer.contains(c.hostB()))
                .map(c -> LinkSpec.cable(c.hostA(), c.interfaceA(), c.hostB(), c.interfaceB())).toList());
        links.addAll(sviLinks);
        return new NetworkSpec(plan.name(), hosts, switches, routers, workloads, links);
    }

    private static boolean podNetwork(final NetworkPlan plan, final String node) {
        return plan.nodes().stream().anyMatch(n -> n.name().equals(node) && n.podNetwork() != null);
    }

    /** A workload on the pod network (plain or masquerade) or on macvlan (no bridge: the lower NIC decides). */
    private static WorkloadSpec attached(final WorkloadPlan w) {
        final boolean macvlan = w.attachment() != null && w.attachment().bypassesBridges();
        return new WorkloadSpec(w.id(), w.display(), w.kind(), w.iface(), w.mac(), new Cidr(w.ip(), w.prefixLength()),
                w.gateway(), 64, w.port().mtu(), w.node(), macvlan ? null : w.bridge(), w.vethName(), null,
                w.attachment());
    }

    /** The node's own stack when it routes the pod network: cni0 with the gateway, the uplink address, routes. */
    private static HostStackSpec stack(final PodNetworkPlan pn) {
        return new HostStackSpec(List.of(new HostStackSpec.Address(pn.uplink(), pn.address()),
                new HostStackSpec.Address(PodNetworkPlan.BRIDGE, new Cidr(pn.gateway(), pn.subnet().prefixLength()))),
                pn.routes(), true);
    }

    /**
     * The network with its vSphere layer, when the folder has ESXi hosts or DHCP servers: {@code base} (what
     * {@link #write} returned) under the ESXi hosts, the DHCP servers and the cables that reach them; else empty.
     */
    public static java.util.Optional<VsphereSpec> vsphere(final NetworkPlan plan, final NetworkSpec base) {
        if (plan.esxiHosts().isEmpty() && plan.dhcpServers().isEmpty()) {
            return java.util.Optional.empty();
        }
        final java.util.Set<String> layer = vsphereLayer(plan);
        final List<LinkSpec> links = plan.cables().stream()
                .filter(c -> layer.contains(c.hostA()) || layer.contains(c.hostB()))
                .map(c -> LinkSpec.cable(c.hostA(), c.interfaceA(), c.hostB(), c.interfaceB())).toList();
        return java.util.Optional.of(new VsphereSpec(base, plan.esxiHosts(), plan.dhcpServers(), links));
    }

    /** The names of the devices {@link VsphereSpec} adds: ESXi hosts and DHCP servers. */
    private static java.util.Set<String> vsphereLayer(final NetworkPlan plan) {
        final java.util.Set<String> names = new java.util.HashSet<>();
        plan.esxiHosts().forEach(h -> names.add(h.name()));
        plan.dhcpServers().forEach(d -> names.add(d.name()));
        return names;
    }

    private static HostSpec host(final NodePlan n) {
        final List<NicSpec> nics = n.nics().stream().map(x -> new NicSpec(x.name(), x.mac(), x.mtu(), x.up()))
                .toList();
        final List<VlanSpec> vlans = n.vlans().stream().filter(v -> v.master() != null).map(v -> new VlanSpec(v.name(), v.parent(), v.vid(), v.mtu(),
                v.up(), v.reorderHeaders())).toList();
        final List<BridgeSpec> bridges = new ArrayList<>();
        for (final BridgePlan b : n.bridges()) {
            final List<BridgePortSpec> ports = b.ports().stream().filter(p -> p.kind() != PortKind.WORKLOAD)
                    .map(p -> new BridgePortSpec(p.name(), b.vlanFiltering() ? vlans(p) : null, false)).toList();
            bridges.add(new BridgeSpec(b.name(), b.vlanFiltering(), 1, ports,
                    b.stp() ? b.forwardDelaySeconds() * 1_000_000_000L : 0L));
        }
        final List<vnetsim.network.BondSpec> bonds = n.bonds().stream().map(b -> new vnetsim.network.BondSpec(
                b.name(), b.ports(), b.mode().equals("802.3ad") ? Bond.Mode.LACP : Bond.Mode.ACTIVE_BACKUP,
                switch (b.hashPolicy()) {
                    case "layer2+3" -> Bond.HashPolicy.LAYER2_3;
                    case "layer3+4" -> Bond.HashPolicy.LAYER3_4;
                    default -> Bond.HashPolicy.LAYER2;
                }, b.primary())).toList();
        if (n.podNetwork() != null && bridges.stream().noneMatch(b -> b.name().equals(PodNetworkPlan.BRIDGE))) {
            bridges.add(BridgeSpec.unaware(PodNetworkPlan.BRIDGE));
        }
        HostStackSpec stack = n.podNetwork() == null ? null : stack(n.podNetwork());
        if (!n.bridgeAddresses().isEmpty()) {                 // isGateway: the bridge's address, ip_forward on
            final List<HostStackSpec.Address> addresses = new ArrayList<>(stack == null ? List.of() : stack.addresses());
            addresses.addAll(n.bridgeAddresses());
            stack = new HostStackSpec(addresses, stack == null ? List.of() : stack.routes(), true);
        }
        if (stack != null && !n.masquerade().isEmpty()) {     // ipMasq: nat POSTROUTING on the node's own stack
            stack = new HostStackSpec(stack.addresses(), stack.routes(), stack.forwarding(), n.masquerade());
        }
        return new HostSpec(n.name(), nics, vlans, bridges, bonds, stack);
    }

    private static PortVlans vlans(final PortPlan p) {
        return new PortVlans(p.vids(), p.untagged(), p.pvid() < 0 ? PortVlans.NO_PVID : p.pvid());
    }

    private static SwitchSpec switchSpec(final SwitchPlan s) {
        final List<SwitchPortSpec> ports = new ArrayList<>();
        for (final SwitchPlan.Port p : s.ports()) {
            if (p.mode() instanceof SwitchportMode.Trunk t) {
                ports.add(new SwitchPortSpec(p.name(), SwitchPortSpec.Mode.TRUNK, 1, t.allowed(), t.nativeVlan(),
                        t.tagNative(), !p.up()));
            } else {
                ports.add(new SwitchPortSpec(p.name(), SwitchPortSpec.Mode.ACCESS,
                        ((SwitchportMode.Access) p.mode()).vlan(), vnetsim.device.l2.VlanSet.NONE, 1, false, !p.up()));
            }
        }
        if (!s.svis().isEmpty()) {                       // the inband trunk to the SVIs' routing engine
            final int[] vids = s.svis().stream().mapToInt(SwitchPlan.Svi::vlan).toArray();
            ports.add(new SwitchPortSpec(SwitchPlan.SUP_PORT, SwitchPortSpec.Mode.TRUNK, 1,
                    vnetsim.device.l2.VlanSet.of(vids), 1, true, false));
        }
        return new SwitchSpec(s.hostname(), ports, s.createdVlans());
    }

    /** A switch's SVIs as a router on its inband port: one routed interface per VLAN, named VlanN. */
    private static RouterSpec sviRouter(final SwitchPlan s) {
        final long mac = s.svis().get(0).mac();
        final List<RouterInterfaceSpec> interfaces = s.svis().stream().map(v -> new RouterInterfaceSpec(
                "Vlan" + v.vlan(), SwitchPlan.SUP_PORT, v.vlan(), new Cidr(v.ip(), v.prefixLength()), v.mtu()))
                .toList();
        return new RouterSpec(s.sviRouter(), List.of(new RouterPortSpec(SwitchPlan.SUP_PORT, mac, false)), interfaces,
                List.of(), List.of());
    }

    private static RouterSpec router(final FirewallConfig f) {
        final List<RouterInterfaceSpec> interfaces = f.subinterfaces().stream().map(s -> new RouterInterfaceSpec(
                s.name(), f.uplink(), s.vlan(), new Cidr(s.ip(), s.prefixLength()), s.mtu())).toList();
        return new RouterSpec(f.name(), List.of(new RouterPortSpec(f.uplink(), f.mac(), false)), interfaces,
                List.of(), f.acl());
    }

}

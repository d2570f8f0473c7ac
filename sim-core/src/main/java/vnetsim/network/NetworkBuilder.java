package vnetsim.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vnetsim.device.Endpoint.Workload;
import vnetsim.device.l2.VlanSet;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * Writes a {@link NetworkSpec} by name, each name and VID once; what is stacked on what follows from the chain:
 *
 * <pre>{@code
 * NetworkBuilder b = NetworkBuilder.network("lab");
 * b.host("worker0").nic("ens224").vlan(1928).bridge("br-1928").vm("vm-a", "192.168.28.10/24");
 * b.switchNamed("tor").trunk("Ethernet1/3", "1925-1928");
 * b.link("worker0", "ens224", "tor", "Ethernet1/3");
 * Network lab = b.network();
 * }</pre>
 *
 * {@code host}, {@code nic}, {@code bridge}, {@code switchNamed} and {@code router} return the element of that
 * name, creating it the first time; every builder also offers the network-level methods, so a chain can go on
 * with the next element. Defaults, stated once: NIC MTU 1500 (a subinterface inherits its parent's); a NIC's
 * MAC, unless given, is locally administered and derived from host and NIC name; a workload's MAC is
 * {@code 02:00} followed by its IPv4 address, its gateway the first address of its subnet, TTL 64, MTU 1500,
 * guest interface {@code eth0} (VM) or {@code net1} (pod), bridge port {@code veth-<id>}; a bridge is
 * VLAN-unaware (nmstate {@code vlan: {}}) with default PVID 1; a switch trunk's native VLAN is 1. {@link #build()}
 * validates (see {@link NetworkSpec#problems()}).
 */
public final class NetworkBuilder extends NetworkScope {
    private final String name;
    private final Map<String, HostBuilder> hosts = new LinkedHashMap<>();
    private final Map<String, SwitchBuilder> switches = new LinkedHashMap<>();
    private final Map<String, RouterBuilder> routers = new LinkedHashMap<>();
    private final List<WorkloadBuilder> workloads = new ArrayList<>();
    private final List<LinkSpec> links = new ArrayList<>();

    private NetworkBuilder(final String name) {
        this.name = name;
    }

    /** Starts a network called {@code name}. */
    public static NetworkBuilder network(final String name) {
        return new NetworkBuilder(name);
    }

    @Override
    NetworkBuilder root() {
        return this;
    }

    /** The spec as written so far, not validated. */
    public NetworkSpec spec() {
        return new NetworkSpec(name, hosts.values().stream().map(HostBuilder::spec).toList(),
                switches.values().stream().map(s -> new SwitchSpec(s.name, s.ports)).toList(),
                routers.values().stream().map(RouterBuilder::spec).toList(),
                workloads.stream().map(WorkloadBuilder::spec).toList(), links);
    }

    HostBuilder newHost(final String hostName) {
        return hosts.computeIfAbsent(hostName, n -> new HostBuilder(this, n));
    }

    SwitchBuilder newSwitch(final String switchName) {
        return switches.computeIfAbsent(switchName, n -> new SwitchBuilder(this, n));
    }

    RouterBuilder newRouter(final String routerName) {
        return routers.computeIfAbsent(routerName, n -> new RouterBuilder(this, n));
    }

    void addLink(final LinkSpec link) {
        links.add(link);
    }

    WorkloadBuilder addWorkload(final WorkloadBuilder w) {
        workloads.add(w);
        return w;
    }

    /** A host: NICs and bridges. */
    public static final class HostBuilder extends NetworkScope {
        private final NetworkBuilder root;
        private final String name;
        private final Map<String, NicBuilder> nics = new LinkedHashMap<>();
        private final List<VlanSpec> vlans = new ArrayList<>();
        private final Map<String, BridgeBuilder> bridges = new LinkedHashMap<>();

        HostBuilder(final NetworkBuilder root, final String name) {
            this.root = root;
            this.name = name;
        }

        @Override
        NetworkBuilder root() {
            return root;
        }

        /** The NIC named {@code nicName}, created the first time (MTU 1500, MAC derived from the names). */
        public NicBuilder nic(final String nicName) {
            return nics.computeIfAbsent(nicName, n -> new NicBuilder(this, n));
        }

        /** The bridge named {@code bridgeName}, created the first time with no ports. */
        public BridgeBuilder bridge(final String bridgeName) {
            return bridges.computeIfAbsent(bridgeName, n -> new BridgeBuilder(this, n));
        }

        HostSpec spec() {
            return new HostSpec(name, nics.values().stream().map(n -> n.spec).toList(), vlans,
                    bridges.values().stream().map(b -> b.spec).toList());
        }
    }

    /** A physical NIC: its MAC, MTU, subinterfaces, or the bridge it is a port of. */
    public static final class NicBuilder extends NetworkScope {
        private final HostBuilder host;
        private NicSpec spec;

        NicBuilder(final HostBuilder host, final String name) {
            this.host = host;
            final long derived = 0x0200_0000_0000L | ((host.name + "/" + name).hashCode() & 0xffff_ffffL);
            this.spec = new NicSpec(name, derived, 1500, true);
        }

        @Override
        NetworkBuilder root() {
            return host.root;
        }

        /** Its MAC, {@code "3c:fd:fe:a0:00:01"}. */
        public NicBuilder mac(final String mac) {
            spec = new NicSpec(spec.name(), MacAddress.parse(mac), spec.mtu(), spec.up());
            return this;
        }

        /** @param mtu bytes of L3 payload (1500 unless set; jumbo frames 9000) */
        public NicBuilder mtu(final int mtu) {
            spec = spec.withMtu(mtu);
            return this;
        }

        /** The NIC is administratively down ({@code state: down}). */
        public NicBuilder down() {
            spec = spec.withUp(false);
            return this;
        }

        /** Its 802.1Q subinterface for {@code vid}, named {@code <nic>.<vid>}, created the first time. */
        public VlanBuilder vlan(final int vid) {
            return new VlanBuilder(this, vid);
        }

        /** Enslaves this NIC to the host's bridge {@code bridgeName} (created the first time). */
        public BridgeBuilder bridge(final String bridgeName) {
            return host.bridge(bridgeName).enslave(spec.name());
        }

        /** Another NIC of the same host. */
        public NicBuilder nic(final String nicName) {
            return host.nic(nicName);
        }
    }

    /** An 802.1Q subinterface. */
    public static final class VlanBuilder extends NetworkScope {
        private final NicBuilder nic;
        private final int index;

        VlanBuilder(final NicBuilder nic, final int vid) {
            this.nic = nic;
            final List<VlanSpec> vlans = nic.host.vlans;
            final String nicName = nic.spec.name();
            int found = -1;
            for (int i = 0; i < vlans.size(); i++) {
                if (vlans.get(i).parent().equals(nicName) && vlans.get(i).vid() == vid) {
                    found = i;
                }
            }
            if (found < 0) {
                vlans.add(VlanSpec.of(nicName, vid));
                found = vlans.size() - 1;
            }
            this.index = found;
        }

        @Override
        NetworkBuilder root() {
            return nic.root();
        }

        private VlanSpec spec() {
            return nic.host.vlans.get(index);
        }

        /** @param mtu bytes, at most the parent's */
        public VlanBuilder mtu(final int mtu) {
            nic.host.vlans.set(index, spec().withMtu(mtu));
            return this;
        }

        /** The subinterface is administratively down. */
        public VlanBuilder down() {
            nic.host.vlans.set(index, spec().withUp(false));
            return this;
        }

        /** Enslaves this subinterface to the host's bridge {@code bridgeName} (created the first time). */
        public BridgeBuilder bridge(final String bridgeName) {
            return nic.host.bridge(bridgeName).enslave(spec().name());
        }

        /** Another subinterface of the same NIC. */
        public VlanBuilder vlan(final int vid) {
            return nic.vlan(vid);
        }
    }

    /** A Linux bridge: VLAN filtering, port VLAN tables, and the workloads plugged into it. */
    public static final class BridgeBuilder extends NetworkScope {
        private final HostBuilder host;
        private BridgeSpec spec;

        BridgeBuilder(final HostBuilder host, final String name) {
            this.host = host;
            this.spec = new BridgeSpec(name, false, 1, List.of());
        }

        @Override
        NetworkBuilder root() {
            return host.root;
        }

        BridgeBuilder enslave(final String iface) {
            if (spec.port(iface) == null) {
                spec = spec.withPort(BridgePortSpec.of(iface));
            }
            return this;
        }

        /** vlan_filtering 1: port VLAN tables apply. */
        public BridgeBuilder vlanFiltering() {
            spec = spec.withVlanFiltering(true);
            return this;
        }

        /** @param pvid vlan_default_pvid, 0-4094 (0: new ports get no PVID) */
        public BridgeBuilder defaultPvid(final int pvid) {
            spec = new BridgeSpec(spec.name(), spec.vlanFiltering(), pvid, spec.ports(), spec.stpForwardDelayNs());
            return this;
        }

        /**
         * stp_state 1: each port listens, then learns, for forward_delay before it forwards; BPDUs are not forwarded.
         *
         * @param forwardDelayNs forward_delay in nanoseconds, 2-30 s (the kernel's default is 15 s)
         */
        public BridgeBuilder stp(final long forwardDelayNs) {
            spec = spec.withStp(forwardDelayNs);
            return this;
        }

        /** Sets the VLAN table of the port enslaving {@code iface} (enslaving it if needed). */
        public BridgeBuilder port(final String iface, final PortVlans vlans) {
            enslave(iface);
            spec = spec.withPort(spec.port(iface).withVlans(vlans));
            return this;
        }

        /** A VM plugged into this bridge. @param address its IPv4 address with prefix, "192.168.28.10/24" */
        public WorkloadBuilder vm(final String id, final String address) {
            return root().addWorkload(new WorkloadBuilder(root(), id, Workload.VM, address, host.name,
                    spec.name()));
        }

        /** A pod's secondary interface plugged into this bridge. */
        public WorkloadBuilder pod(final String id, final String address) {
            return root().addWorkload(new WorkloadBuilder(root(), id, Workload.POD, address, host.name,
                    spec.name()));
        }
    }

    /** A VM or pod NIC. */
    public static final class WorkloadBuilder extends NetworkScope {
        private final NetworkBuilder root;
        private WorkloadSpec spec;

        WorkloadBuilder(final NetworkBuilder root, final String id, final Workload kind, final String address,
                        final String host, final String bridge) {
            this.root = root;
            final Cidr cidr = Cidr.parse(address);
            final int gateway = cidr.prefixLength() <= 30 ? cidr.network() + 1 : 0;
            this.spec = new WorkloadSpec(id, id, kind, kind == Workload.VM ? "eth0" : "net1",
                    0x0200_0000_0000L | (cidr.ip() & 0xffff_ffffL), cidr, gateway, 64, 1500, host, bridge,
                    "veth-" + id, null);
        }

        @Override
        NetworkBuilder root() {
            return root;
        }

        WorkloadSpec spec() {
            return spec;
        }

        private WorkloadBuilder set(final WorkloadSpec s) {
            spec = s;
            return this;
        }

        /** Its display name ("Virtual Machine 1"); the id unless set. */
        public WorkloadBuilder named(final String displayName) {
            final WorkloadSpec s = spec;
            return set(new WorkloadSpec(s.id(), displayName, s.kind(), s.iface(), s.mac(), s.address(),
                    s.gateway(), s.ttl(), s.mtu(), s.host(), s.bridge(), s.port(), s.vlans()));
        }

        /** The guest's interface name. */
        public WorkloadBuilder iface(final String guestIface) {
            final WorkloadSpec s = spec;
            return set(new WorkloadSpec(s.id(), s.name(), s.kind(), guestIface, s.mac(), s.address(),
                    s.gateway(), s.ttl(), s.mtu(), s.host(), s.bridge(), s.port(), s.vlans()));
        }

        /** Its MAC, instead of {@code 02:00} followed by its IPv4 address. */
        public WorkloadBuilder mac(final String mac) {
            final WorkloadSpec s = spec;
            return set(new WorkloadSpec(s.id(), s.name(), s.kind(), s.iface(), MacAddress.parse(mac), s.address(),
                    s.gateway(), s.ttl(), s.mtu(), s.host(), s.bridge(), s.port(), s.vlans()));
        }

        /** Its default gateway, on its subnet ({@code "192.168.28.1"}). */
        public WorkloadBuilder gateway(final String gateway) {
            return set(spec.withAddress(spec.address(), Ipv4Address.parse(gateway)));
        }

        /** No default route: only its own subnet is reachable. */
        public WorkloadBuilder noGateway() {
            return set(spec.withAddress(spec.address(), 0));
        }

        /** The host side of its veth/tap: the bridge port's name. */
        public WorkloadBuilder port(final String portName) {
            final WorkloadSpec s = spec;
            return set(new WorkloadSpec(s.id(), s.name(), s.kind(), s.iface(), s.mac(), s.address(),
                    s.gateway(), s.ttl(), s.mtu(), s.host(), s.bridge(), portName, s.vlans()));
        }

        /** Its bridge port carries {@code vid} as PVID, untagged (a NAD's {@code "vlan": N}). */
        public WorkloadBuilder access(final int vid) {
            return set(spec.withVlans(PortVlans.access(vid)));
        }

        /** @param mtu bytes */
        public WorkloadBuilder mtu(final int mtu) {
            return set(spec.withMtu(mtu));
        }

        /** Another VM on the same bridge. */
        public WorkloadBuilder vm(final String id, final String address) {
            return root.addWorkload(new WorkloadBuilder(root, id, Workload.VM, address, spec.host(),
                    spec.bridge()));
        }

        /** Another pod on the same bridge. */
        public WorkloadBuilder pod(final String id, final String address) {
            return root.addWorkload(new WorkloadBuilder(root, id, Workload.POD, address, spec.host(),
                    spec.bridge()));
        }
    }

    /** An NX-OS style switch: ports in order. */
    public static final class SwitchBuilder extends NetworkScope {
        private final NetworkBuilder root;
        private final String name;
        private List<SwitchPortSpec> ports = new ArrayList<>();

        SwitchBuilder(final NetworkBuilder root, final String name) {
            this.root = root;
            this.name = name;
        }

        @Override
        NetworkBuilder root() {
            return root;
        }

        private SwitchBuilder put(final SwitchPortSpec port) {
            ports = new ArrayList<>(new SwitchSpec(name, ports).withPort(port).ports());
            return this;
        }

        /** {@code switchport mode trunk}, {@code switchport trunk allowed vlan ALLOWED} ("2003-2005"). */
        public SwitchBuilder trunk(final String port, final String allowed) {
            return put(SwitchPortSpec.trunk(port, VlanSet.parse(allowed)));
        }

        /** A trunk with {@code switchport trunk native vlan NATIVE}. */
        public SwitchBuilder trunk(final String port, final String allowed, final int nativeVlan) {
            return put(SwitchPortSpec.trunk(port, VlanSet.parse(allowed)).withNativeVlan(nativeVlan));
        }

        /** {@code switchport mode access}, {@code switchport access vlan VLAN}. */
        public SwitchBuilder access(final String port, final int vlan) {
            return put(SwitchPortSpec.access(port, vlan));
        }

        /** {@code shutdown} on a port already defined. */
        public SwitchBuilder shutdown(final String port) {
            return put(new SwitchSpec(name, ports).port(port).withShutdown(true));
        }
    }

    /** A router: ports, routed interfaces, routes, ACL. */
    public static final class RouterBuilder extends NetworkScope {
        private final NetworkBuilder root;
        private RouterSpec spec;

        RouterBuilder(final NetworkBuilder root, final String name) {
            this.root = root;
            this.spec = new RouterSpec(name, List.of(), List.of(), List.of(), List.of());
        }

        @Override
        NetworkBuilder root() {
            return root;
        }

        RouterSpec spec() {
            return spec;
        }

        /** A physical port with its MAC. */
        public RouterBuilder port(final String port, final String mac) {
            spec = spec.withPort(RouterPortSpec.of(port, mac));
            return this;
        }

        /** A subinterface {@code <port>.<vid>} with its gateway address ("172.16.4.1/24"). */
        public RouterBuilder subinterface(final String port, final int vid, final String address) {
            spec = spec.withInterface(RouterInterfaceSpec.subinterface(port, vid, address));
            return this;
        }

        /** A routed port without VLANs: the port and its untagged interface with this address. */
        public RouterBuilder routedPort(final String port, final String mac, final String address) {
            spec = spec.withPort(RouterPortSpec.of(port, mac))
                    .withInterface(RouterInterfaceSpec.routed(port, address));
            return this;
        }

        /** {@code ip route add PREFIX via GATEWAY}. */
        public RouterBuilder route(final String prefix, final String gateway) {
            final Cidr cidr = Cidr.parse(prefix);
            spec = spec.withRoute(new StaticRoute(cidr.ip(), cidr.prefixLength(), Ipv4Address.parse(gateway)));
            return this;
        }

        /** {@code ip route add default via GATEWAY}. */
        public RouterBuilder defaultRoute(final String gateway) {
            spec = spec.withRoute(StaticRoute.defaultVia(Ipv4Address.parse(gateway)));
            return this;
        }

        /** Appends an ACL rule: "deny 172.16.4.0/24 172.16.5.0/24 icmp" (see {@link AclRule#parse}). */
        public RouterBuilder acl(final String rule) {
            spec = spec.withAclRule(spec.acl().size(), AclRule.parse(rule));
            return this;
        }
    }
}

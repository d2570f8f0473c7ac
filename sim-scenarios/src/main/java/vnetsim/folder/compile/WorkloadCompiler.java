package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.device.Endpoint.Workload;
import vnetsim.device.Macvlan;
import vnetsim.device.MasqueradePod;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.NetworkYaml;
import vnetsim.folder.NetworkYaml.InterfaceSpec;
import vnetsim.folder.NetworkYaml.WorkloadSpec;
import vnetsim.folder.compile.NodePlan.BridgePlan;
import vnetsim.folder.compile.NodePlan.PortKind;
import vnetsim.folder.compile.NodePlan.PortPlan;
import vnetsim.folder.k8s.Manifests;
import vnetsim.folder.k8s.Manifests.Nad;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.network.Cidr;
import vnetsim.network.WorkloadAttachment;

/**
 * Plugs workloads into node bridges as the CNI bridge plugin does (containernetworking/plugins
 * plugins/main/bridge/bridge.go setupVeth(), src/docs/forwarding-rules.md section 3): a veth port on the NAD's bridge; with
 * {@code vlan} N on a VLAN-filtering bridge the veth gets VID N as PVID untagged (VID 1 stays untagged when
 * preserveDefaultVlan is true, OpenShift's documented default); on a VLAN-unaware bridge the VLAN is stored but
 * never consulted; the uplink is never touched, so a VLAN subinterface uplink tags a second time.
 */
final class WorkloadCompiler {
    private final Diagnostics diagnostics;
    private final Map<String, NodeCompiler> nodes;
    private final Manifests manifests;
    private final List<WorkloadPlan> plans = new ArrayList<>();
    private final Map<String, WorkloadPlan> byAddress = new HashMap<>();
    private final Map<String, WorkloadPlan> byMac = new HashMap<>();
    private final Map<String, WorkloadPlan> byId = new HashMap<>();
    private final Map<String, PodNetworkPlan> podNetworks;
    /** host-local state per node and network ("node\0nad", "node\0" for the pod network). */
    private final Map<String, HostLocalAllocator> allocators = new HashMap<>();
    private final java.util.Set<String> hostDevices = new java.util.HashSet<>();

    WorkloadCompiler(final Diagnostics diagnostics, final Map<String, NodeCompiler> nodes, final Manifests manifests) {
        this(diagnostics, nodes, manifests, Map.of());
    }

    WorkloadCompiler(final Diagnostics diagnostics, final Map<String, NodeCompiler> nodes, final Manifests manifests,
                     final Map<String, PodNetworkPlan> podNetworks) {
        this.diagnostics = diagnostics;
        this.nodes = nodes;
        this.manifests = manifests;
        this.podNetworks = podNetworks;
    }

    /** Workloads in network.yaml order first, then the rest in manifest order. */
    List<WorkloadPlan> compile(final NetworkYaml network) {
        final List<Object> ordered = new ArrayList<>();
        for (final WorkloadSpec s : network.workloads()) {
            final Optional<Object> w = find(s.namespace(), s.name());
            if (w.isEmpty()) {
                diagnostics.error(s.at(), "workload " + s.namespace() + "/" + s.name() + " has no VirtualMachine or "
                        + "Pod in manifests/; valid: " + allNames());
            } else if (!ordered.contains(w.get())) {
                ordered.add(w.get());
            }
        }
        manifests.vms().stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
        manifests.pods().stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
        for (final Object w : ordered) {
            if (w instanceof Manifests.VirtualMachine vm) {
                vm(vm, spec(network, vm.namespace(), vm.name()));
            } else if (w instanceof Manifests.Pod pod) {
                pod(pod, spec(network, pod.namespace(), pod.name()));
            }
        }
        nodeAddresses(network);
        return plans;
    }

    /**
     * The node's own address on each NIC its macvlan children hang off (network.yaml NIC {@code address}): a trace
     * endpoint named {@code <node>-<nic>}, to show that the node cannot reach its own children.
     */
    private void nodeAddresses(final NetworkYaml network) {
        final List<WorkloadPlan> children = plans.stream()
                .filter(p -> p.attachment() instanceof WorkloadAttachment.MacvlanChild).toList();
        final java.util.Set<String> done = new java.util.HashSet<>();
        for (final WorkloadPlan child : children) {
            final String master = ((WorkloadAttachment.MacvlanChild) child.attachment()).parent();
            if (!done.add(child.node() + "\0" + master)) {
                continue;
            }
            final NetworkYaml.NicSpec nic = network.nodes().stream().filter(n -> n.name().equals(child.node()))
                    .flatMap(n -> n.nics().stream()).filter(n -> n.name().equals(master)).findFirst().orElse(null);
            if (nic == null || nic.address() == null) {
                continue;
            }
            final Cidr address;
            try {
                address = Cidr.parse(nic.address());
            } catch (IllegalArgumentException e) {
                diagnostics.error(nic.at(), "node " + child.node() + " NIC " + master + ": address " + e.getMessage());
                continue;
            }
            final String id = child.node() + "-" + master;
            final WorkloadPlan plan = new WorkloadPlan(id, child.node() + " " + master, Workload.NODE,
                    "node " + child.node(), master, nic.mac(), address.ip(), address.prefixLength(), 0, child.node(),
                    master, "-", master, child.port(), "leaves " + master + " on the wire, never to its macvlan "
                    + "children", child.segment(), List.of("the node's own address on macvlan master " + master),
                    nic.at(), new WorkloadAttachment.MacvlanLower(master));
            if (unique(plan, nic.at())) {
                plans.add(plan);
            }
        }
    }

    /** The next host-local address for {@code key} ("node\0nad"); 0 and an error when the range is full. */
    private int allocate(final String key, final Manifests.HostLocalRange range, final String what,
                         final Location at) {
        final int ip = allocators.computeIfAbsent(key, k -> new HostLocalAllocator(range)).next();
        if (ip == 0) {
            diagnostics.error(at, what + ": no IP addresses available in range set " + Ipv4Address.format(
                    range.rangeStart()) + "-" + Ipv4Address.format(range.rangeEnd()) + " (host-local)");
        }
        return ip;
    }

    /** The pod network's host-local range on a node: the whole podSubnet, gateway its first address. */
    private static Manifests.HostLocalRange podRange(final PodNetworkPlan pn) {
        final int broadcast = pn.subnet().network() | ~Ipv4Address.mask(pn.subnet().prefixLength());
        return new Manifests.HostLocalRange(pn.subnet().network(), pn.subnet().prefixLength(),
                pn.subnet().network() + 1, broadcast - 1, pn.gateway(), null);
    }

    /**
     * A workload interface on the pod network: a pod's {@code eth0} on {@code cni0}, or a masquerade VM behind its
     * virt-launcher pod (KubeVirt masquerade binding). The pod IP comes from network.yaml or host-local on the node's
     * podSubnet; the pod MAC is {@code 0a:58} followed by the IPv4 address (the bridge plugin's former hwaddr
     * scheme, {@code pkg/utils/hwaddr}; today it is random).
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private void podNetwork(final Workload kind, final String namespace, final String name, final WorkloadSpec spec,
                            final int index, final String iface, final Manifests.VmInterface masquerade,
                            final String nodeName, final Location at) {
        final String what = (kind == Workload.VM ? "VirtualMachine " : "Pod ") + namespace + "/" + name;
        final PodNetworkPlan pn = podNetworks.get(nodeName);
        if (pn == null) {
            if (masquerade != null) {
                diagnostics.error(at, what + ": interface '" + iface + "' is on the pod network, but node " + nodeName
                        + " has no podSubnet in network.yaml; add 'podSubnet: A.B.C.D/LEN' to the node");
            }
            return;
        }
        final String guestIface = masquerade != null ? "eth0" : iface;
        final Optional<InterfaceSpec> ispec = spec == null ? Optional.empty() : spec.iface(masquerade != null
                ? masquerade.name() : iface);
        final String baseId = spec != null ? spec.id() : name;
        final String id = index == 0 ? baseId : baseId + "-" + iface;
        final String display = (spec != null ? spec.display() : name) + (index == 0 ? "" : " " + iface);
        final List<String> notes = new ArrayList<>();
        int podIp;
        if (ispec.isPresent() && ispec.get().address() != null) {
            final Cidr given = Cidr.parse(ispec.get().address());
            if (!pn.subnet().contains(given.ip()) || given.prefixLength() != pn.subnet().prefixLength()) {
                diagnostics.error(ispec.get().at(), what + ": pod address " + ispec.get().address() + " is not in node "
                        + nodeName + "'s podSubnet " + pn.subnet().subnet());
                return;
            }
            podIp = given.ip();
            allocators.computeIfAbsent(nodeName + "\0", k -> new HostLocalAllocator(podRange(pn))).reserve(podIp);
            notes.add("pod IP " + Ipv4Address.format(podIp) + " from network.yaml");
        } else {
            podIp = allocate(nodeName + "\0", podRange(pn), what, at);
            if (podIp == 0) {
                return;
            }
            notes.add("pod IP " + Ipv4Address.format(podIp) + " from host-local on " + pn.subnet().subnet()
                    + " (first free address after the gateway " + Ipv4Address.format(pn.gateway()) + ")");
        }
        final long podMac = 0x0a58_0000_0000L | (podIp & 0xffff_ffffL);
        final String veth = "veth-" + id;
        final NodePlan.PortPlan port = new NodePlan.PortPlan(veth, PortKind.WORKLOAD, VlanSet.of(1), VlanSet.of(1), 1,
                1500, "pod network on " + nodeName);
        final String routed = "routed by " + nodeName + " (" + PodNetworkPlan.BRIDGE + " "
                + Ipv4Address.format(pn.gateway()) + ") out of " + pn.uplink();
        final WorkloadPlan plan;
        if (masquerade == null) {
            plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, guestIface, podMac, podIp,
                    pn.subnet().prefixLength(), pn.gateway(), nodeName, PodNetworkPlan.BRIDGE, "pod network", veth, port,
                    routed, "pod network", notes, at);
        } else {
            final String macText = masquerade.macAddress() != null ? masquerade.macAddress()
                    : ispec.map(InterfaceSpec::mac).orElse(null);
            final long guestMac = macText != null ? MacAddress.parse(macText)
                    : 0x5254_0000_0000L | (podIp & 0xff_ffffL);
            if (macText == null) {
                notes.add("no macAddress: the guest uses " + MacAddress.format(guestMac) + " (52:54:00, QEMU's prefix, "
                        + "then the pod IP's last three bytes)");
            }
            final List<MasqueradePod.ForwardedPort> forwarded = masquerade.ports().stream()
                    .map(p -> new MasqueradePod.ForwardedPort(p.udp() ? Ipv4.PROTOCOL_UDP : Ipv4.PROTOCOL_TCP,
                            p.port())).toList();
            notes.add("masquerade binding: the guest is " + MasqueradePod.GUEST_TEXT + "/24 behind "
                    + MasqueradePod.GATEWAY_TEXT + " in virt-launcher-" + id + ", NAT to the pod IP "
                    + Ipv4Address.format(podIp) + "; inbound " + (forwarded.isEmpty() ? "every port (no 'ports')"
                    : "only " + forwarded));
            plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, guestIface, guestMac,
                    MasqueradePod.GUEST, MasqueradePod.VM_NETWORK_PREFIX, MasqueradePod.GATEWAY, nodeName,
                    PodNetworkPlan.BRIDGE, "pod network (masquerade)", veth, port, "NATed to "
                    + Ipv4Address.format(podIp) + " in virt-launcher-" + id + ", then " + routed,
                    "virt-launcher-" + id, notes, at, new WorkloadAttachment.Masquerade(podMac,
                    new Cidr(podIp, pn.subnet().prefixLength()), pn.gateway(), forwarded));
        }
        if (unique(plan, at)) {
            plans.add(plan);
        }
    }

    private List<String> allNames() {
        final List<String> out = new ArrayList<>();
        manifests.vms().forEach(v -> out.add(v.namespace() + "/" + v.name()));
        manifests.pods().forEach(p -> out.add(p.namespace() + "/" + p.name()));
        return out;
    }

    private Optional<Object> find(final String namespace, final String name) {
        final Optional<Object> vm = manifests.vms().stream().filter(v -> v.namespace().equals(namespace)
                && v.name().equals(name)).map(v -> (Object) v).findFirst();
        return vm.isPresent() ? vm : manifests.pods().stream().filter(p -> p.namespace().equals(namespace)
                && p.name().equals(name)).map(p -> (Object) p).findFirst();
    }

    private static WorkloadSpec spec(final NetworkYaml network, final String namespace, final String name) {
        return network.workloads().stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
                .findFirst().orElse(null);
    }

    private void vm(final Manifests.VirtualMachine vm, final WorkloadSpec spec) {
        final String node = node(spec, vm.nodeSelector().get("kubernetes.io/hostname"), vm.namespace() + "/"
                + vm.name(), vm.at());
        int index = 0;
        for (final Manifests.VmInterface i : vm.interfaces()) {
            final Optional<Manifests.VmNetwork> net = vm.network(i.name());
            if (net.isEmpty()) {
                continue;                                         // reported by the reader
            }
            if (i.binding() == Manifests.Binding.MASQUERADE || net.get().pod()) {
                if (i.binding() != Manifests.Binding.MASQUERADE || !net.get().pod()) {
                    diagnostics.error(i.at(), "VirtualMachine " + vm.name() + ": interface '" + i.name() + "' "
                            + (net.get().pod() ? "is on the pod network with a binding other than masquerade (KubeVirt"
                            + " allows only masquerade there by default)" : "uses masquerade on a Multus network "
                            + "(KubeVirt allows masquerade only on the pod network)"));
                } else if (node != null) {
                    podNetwork(Workload.VM, vm.namespace(), vm.name(), spec, index++, i.name(), i, node, i.at());
                }
                continue;
            }
            if (i.binding() != Manifests.Binding.BRIDGE || net.get().multusNetworkName() == null || node == null) {
                continue;
            }
            attach(Workload.VM, vm.namespace(), vm.name(), spec, index++, i.name(), net.get().multusNetworkName(),
                    i.macAddress(), List.of(), node, net.get().at());
        }
    }

    private void pod(final Manifests.Pod pod, final WorkloadSpec spec) {
        final String node = node(spec, pod.nodeName(), pod.namespace() + "/" + pod.name(), pod.at());
        if (node == null) {
            return;
        }
        int index = 0;
        if (podNetworks.containsKey(node)) {
            podNetwork(Workload.POD, pod.namespace(), pod.name(), spec, index++, "eth0", null, node, pod.at());
        }
        int multus = 0;
        for (final Manifests.PodNetwork n : pod.networks()) {
            final String iface = n.interfaceName() != null ? n.interfaceName() : "net" + (++multus);
            attach(Workload.POD, pod.namespace(), pod.name(), spec, index++, iface, n.namespace() + "/" + n.name(),
                    n.mac(), n.ips(), node, n.at());
        }
    }

    private String node(final WorkloadSpec spec, final String fromManifest, final String what, final Location at) {
        final String node = spec != null && spec.node() != null ? spec.node() : fromManifest;
        if (node == null) {
            diagnostics.error(at, what + " has no node: give 'node:' for it under workloads in network.yaml (valid: "
                    + nodes.keySet() + ")");
            return null;
        }
        if (!nodes.containsKey(node)) {
            diagnostics.error(spec != null && spec.node() != null ? spec.at() : at, what + " is placed on node '" + node
                    + "', which network.yaml does not list; valid: " + nodes.keySet());
            return null;
        }
        return node;
    }

    /** {@code ns/name} or {@code name} (the workload's namespace, then "default", usable from any namespace on OpenShift). */
    private Optional<Nad> nad(final String networkName, final String namespace) {
        final int slash = networkName.indexOf('/');
        if (slash >= 0) {
            final String ns = networkName.substring(0, slash);
            final String name = networkName.substring(slash + 1);
            return manifests.nads().stream().filter(n -> n.namespace().equals(ns) && n.name().equals(name)).findFirst();
        }
        final Optional<Nad> local = manifests.nads().stream().filter(n -> n.namespace().equals(namespace)
                && n.name().equals(networkName)).findFirst();
        return local.isPresent() ? local : manifests.nads().stream().filter(n -> n.namespace().equals("default")
                && n.name().equals(networkName)).findFirst();
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void attach(final Workload kind, final String namespace, final String name, final WorkloadSpec spec,
                        final int index, final String iface, final String networkName, final String manifestMac,
                        final List<String> ips, final String nodeName, final Location at) {
        final String what = (kind == Workload.VM ? "VirtualMachine " : "Pod ") + namespace + "/" + name;
        final Optional<Nad> found = nad(networkName, namespace);
        if (found.isEmpty()) {
            diagnostics.error(at, what + ": network '" + networkName + "' names no NetworkAttachmentDefinition; valid: "
                    + manifests.nads().stream().map(Nad::qualifiedName).toList());
            return;
        }
        final Nad nad = found.get();
        if (nad.macvlan() || nad.hostDevice()) {
            macvlan(kind, namespace, name, spec, index, iface, nad, manifestMac, ips, nodeName, at);
            return;
        }
        final NodeCompiler node = nodes.get(nodeName);
        final Optional<BridgePlan> bridge = node.bridgeNamed(nad.bridge());
        if (bridge.isEmpty()) {
            final List<String> having = nodes.values().stream().filter(n -> n.bridgeNamed(nad.bridge()).isPresent())
                    .map(NodeCompiler::name).toList();
            diagnostics.error(having.isEmpty() ? nad.at() : at, having.isEmpty()
                    ? "NetworkAttachmentDefinition " + nad.qualifiedName() + " names bridge '" + nad.bridge()
                            + "', which no node's policy creates"
                    : what + " is on node " + nodeName + ", but bridge '" + nad.bridge() + "' of "
                            + nad.qualifiedName() + " exists only on " + having);
            return;
        }
        final Optional<InterfaceSpec> ispec = spec == null ? Optional.empty() : spec.iface(iface);
        final String baseId = spec != null ? spec.id() : name;
        final String id = index == 0 ? baseId : baseId + "-" + iface;
        final String display = index == 0 ? (spec != null ? spec.display() : name)
                : (spec != null ? spec.display() : name) + " " + iface;
        final List<String> notes = new ArrayList<>();
        final Location addressAt = ispec.map(InterfaceSpec::at).orElse(at);
        String cidr = ispec.map(InterfaceSpec::address).orElse(null);
        String gatewayText = ispec.map(InterfaceSpec::gateway).orElse(null);
        final boolean dhcp = cidr != null && cidr.equals(vnetsim.folder.NetworkYamlReader.DHCP);
        if (dhcp) {
            cidr = "0.0.0.0/0";
            gatewayText = "0.0.0.0";
            notes.add("address by DHCP: no address until a lease ('vnetsim trace NETWORK " + id + " dhcp')");
        }
        final Address chosen = address(cidr, gatewayText, nad, ips, nodeName, what, at, true, notes);
        if (chosen == null) {
            return;
        }
        cidr = chosen.cidr();
        gatewayText = chosen.gateway();
        if (cidr == null || !cidr.contains("/")) {
            diagnostics.warn(at, what + " interface " + iface + " has no IPv4 address (no static IPAM, no 'ips', "
                    + "nothing in network.yaml); it is not simulated. Give 'address: A.B.C.D/LEN' under the workload's "
                    + "interfaces in network.yaml");
            return;
        }
        final int ip;
        final int prefix;
        try {
            ip = Ipv4Address.parse(cidr.substring(0, cidr.indexOf('/')));
            prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
            if ((prefix < 1 || prefix > 31) && !dhcp) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            diagnostics.error(addressAt, what + ": address '" + cidr + "' is not A.B.C.D/LEN with LEN 1-31 or dhcp");
            return;
        }
        int gateway;
        if (gatewayText != null) {
            gateway = Ipv4Address.parse(gatewayText);
        } else {
            gateway = (ip & Ipv4Address.mask(prefix)) + 1;
            diagnostics.warn(addressAt, what + " interface " + iface + ": no gateway given; assuming the subnet's "
                    + "first address " + Ipv4Address.format(gateway));
        }
        String macText = manifestMac != null ? manifestMac : ispec.map(InterfaceSpec::mac).orElse(null);
        if (nad.cni().tuningMac() != null && manifestMac == null) {
            // tuning.go parseConf(): the config's mac, unless CNI_ARGS or runtimeConfig.mac (Multus passing the VM's
            // macAddress or the selection's mac) give one
            macText = nad.cni().tuningMac();
            notes.add("tuning mac " + macText + " set on the pod interface (plugins/meta/tuning/tuning.go)");
        }
        final long mac;
        if (macText != null) {
            mac = MacAddress.parse(macText);
        } else if (dhcp) {
            diagnostics.error(at, what + " interface " + iface + " takes its address by DHCP and has no MAC; give "
                    + "'macAddress' in the VirtualMachine (the DHCP client identifies itself by it)");
            return;
        } else {
            mac = 0x0200_0000_0000L | (ip & 0xffff_ffffL);
            notes.add("no MAC given (the CNI would pick a random one): using " + MacAddress.format(mac)
                    + ", 02:00 followed by the IPv4 address");
        }
        final BridgePlan br = bridge.get();
        final String veth = "veth-" + id;
        PortPlan port = vethPort(veth, nad, br, notes);
        if (nad.cni().tuningMtu() > 0) {
            port = new PortPlan(port.name(), port.kind(), port.vids(), port.untagged(), port.pvid(), nad.cni().tuningMtu(),
                    port.origin());
            notes.add("tuning mtu " + nad.cni().tuningMtu() + " on the pod interface");
        }
        if (nad.cni().promisc()) {
            notes.add("tuning promisc: the pod interface is promiscuous (no forwarding effect: the simulated "
                    + "endpoint still answers only its own MAC)");
        }
        if (nad.hairpin()) {
            notes.add("hairpinMode: " + veth + " may send a frame back out the port it came in on (the bridge's "
                    + "hairpin flag, br_forward.c should_deliver())");
        }
        if (nad.cni().isGateway()) {
            if (nad.vlan() != 0) {
                diagnostics.warn(nad.at(), "NetworkAttachmentDefinition " + nad.qualifiedName() + ": isGateway with "
                        + "vlan (the plugin's " + br.name() + "." + nad.vlan() + " veth) is not simulated; ignored");
            } else {
                node.addBridgeAddress(br.name(), new Cidr(gateway, prefix));
                notes.add("isGateway: " + br.name() + " on " + nodeName + " has " + Ipv4Address.format(gateway) + "/"
                        + prefix + " and the node forwards (bridge.go calcGateways(), ensureAddr(), enableIPForward)");
            }
        }
        if (nad.cni().ipMasq()) {
            final Cidr subnet = new Cidr(ip & Ipv4Address.mask(prefix), prefix);
            node.addMasquerade(subnet);
            notes.add("ipMasq: " + nodeName + " masquerades traffic from " + Ipv4Address.format(subnet.ip()) + "/"
                    + prefix + " to outside it, except 224.0.0.0/4, to the address it leaves by (bridge.go "
                    + "ip.SetupIPMasq(): nat POSTROUTING -s SUBNET, -d SUBNET ACCEPT, MASQUERADE)"
                    + (nad.cni().isGateway() ? "" : "; without isGateway the node routes the pod's traffic only "
                    + "if the pod's gateway is one of the node's addresses"));
        }
        final String[] egress = egress(node, br, port, nad, notes);
        if (nad.macspoofchk()) {
            notes.add("macspoofchk: frames from " + veth + " with a source MAC other than " + MacAddress.format(mac)
                    + " are dropped before learning (not enforced by the simulator yet: endpoints never spoof)");
        }
        final WorkloadPlan plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, iface, mac, ip, prefix,
                gateway, nodeName, br.name(), nad.qualifiedName(), veth, port, egress[0], egress[1], notes, at,
                nad.hairpin() ? new WorkloadAttachment.BridgeVeth(true) : null);
        if (!unique(plan, addressAt)) {
            return;
        }
        node.addWorkloadPort(br.name(), port);
        plans.add(plan);
    }

    /**
     * A macvlan child of the NAD's {@code master} on the workload's node
     * ({@code containernetworking/plugins: plugins/main/macvlan/macvlan.go createMacvlan()}): the address from
     * static IPAM, host-local, the networks annotation or network.yaml; no gateway unless one is given.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private void macvlan(final Workload kind, final String namespace, final String name, final WorkloadSpec spec,
                         final int index, final String iface, final Nad nad, final String manifestMac,
                         final List<String> ips, final String nodeName, final Location at) {
        final String what = (kind == Workload.VM ? "VirtualMachine " : "Pod ") + namespace + "/" + name;
        final boolean hostDevice = nad.hostDevice();
        if (kind == Workload.VM && !hostDevice) {
            diagnostics.error(at, what + ": macvlan network " + nad.qualifiedName() + " with a bridge binding does not"
                    + " work (KubeVirt user guide, \"Invalid CNIs for secondary networks\": the VM's MAC is not the "
                    + "macvlan child's)");
            return;
        }
        final String master = hostDevice ? nad.cni().device() : nad.cni().master();
        if (hostDevice && master == null) {
            return;                                               // reported by the reader
        }
        if (hostDevice && !hostDevices.add(nodeName + "\0" + master)) {
            diagnostics.error(at, what + ": host-device " + master + " on node " + nodeName + " is already moved into "
                    + "another pod (host-device.go moveLinkIn(): the link is no longer in the host namespace)");
            return;
        }
        if (master == null) {
            diagnostics.error(nad.at(), "NetworkAttachmentDefinition " + nad.qualifiedName() + ": macvlan without "
                    + "'master' uses the node's default-route interface; name the NIC with 'master'");
            return;
        }
        final NodeCompiler node = nodes.get(nodeName);
        if (!node.hasNic(master)) {
            diagnostics.error(nad.at(), "NetworkAttachmentDefinition " + nad.qualifiedName() + ": " + (hostDevice
                    ? "host-device device '" : "macvlan master '") + master + "' is not a NIC of node " + nodeName
                    + " in network.yaml");
            return;
        }
        if (node.isEnslaved(master)) {
            diagnostics.error(nad.at(), "NetworkAttachmentDefinition " + nad.qualifiedName() + ": " + (hostDevice
                    ? "host-device '" : "macvlan master '") + master + "' is a port of a bridge or bond on node "
                    + nodeName + "; vnetsim models " + nad.cniType() + " on a NIC used by nothing else");
            return;
        }
        final Optional<InterfaceSpec> ispec = spec == null ? Optional.empty() : spec.iface(iface);
        final String baseId = spec != null ? spec.id() : name;
        final String id = index == 0 ? baseId : baseId + "-" + iface;
        final String display = (spec != null ? spec.display() : name) + (index == 0 ? "" : " " + iface);
        final List<String> notes = new ArrayList<>();
        final Address found = address(ispec.map(InterfaceSpec::address).orElse(null),
                ispec.map(InterfaceSpec::gateway).orElse(null), nad, ips, nodeName, what, at, false, notes);
        if (found == null) {
            return;
        }
        final String cidr = found.cidr();
        final String gatewayText = found.gateway();
        final Cidr address;
        try {
            address = Cidr.parse(String.valueOf(cidr));
        } catch (IllegalArgumentException e) {
            diagnostics.warn(at, what + " interface " + iface + " has no IPv4 address (" + (cidr == null ? "none "
                    + "given" : e.getMessage()) + "); it is not simulated");
            return;
        }
        final int gateway = gatewayText == null ? 0 : Ipv4Address.parse(gatewayText);
        if (gateway == 0) {
            notes.add("no gateway: reaches its own subnet only");
        }
        final String macText = manifestMac != null ? manifestMac : nad.cni().tuningMac() != null
                ? nad.cni().tuningMac() : ispec.map(InterfaceSpec::mac).orElse(null);
        if (hostDevice) {                                     // the NIC keeps its own MAC unless tuning sets one
            final long mac = macText != null ? MacAddress.parse(macText) : nodes.get(nodeName).nicMac(master);
            final int mtu = nad.cni().tuningMtu() > 0 ? nad.cni().tuningMtu() : 1500;
            notes.add("host-device: " + master + " moved from node " + nodeName + " into the pod as " + iface
                    + " (MAC " + MacAddress.format(mac) + "); the node no longer has it");
            final NodePlan.PortPlan port = new NodePlan.PortPlan(iface, PortKind.WORKLOAD, VlanSet.of(1),
                    VlanSet.of(1), 1, mtu, "NetworkAttachmentDefinition " + nad.qualifiedName() + " (" + nad.at()
                    + ")");
            final WorkloadPlan plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, iface, mac,
                    address.ip(), address.prefixLength(), gateway, nodeName, master, nad.qualifiedName(), master, port,
                    "on " + master + "'s cable (the NIC is in the pod)", "untagged on " + nodeName + "/" + master,
                    notes, at, new WorkloadAttachment.HostDevice(master));
            if (unique(plan, at)) {
                plans.add(plan);
            }
            return;
        }
        final long mac = macText != null ? MacAddress.parse(macText) : 0x0200_0000_0000L | (address.ip() & 0xffff_ffffL);
        if (macText == null) {
            notes.add("no MAC given (the kernel picks a random one): using " + MacAddress.format(mac)
                    + ", 02:00 followed by the IPv4 address");
        }
        final Macvlan.Mode mode = Macvlan.Mode.parse(nad.cni().mode());
        final String child = iface + "@" + id;
        final NodePlan.PortPlan port = new NodePlan.PortPlan(child, PortKind.WORKLOAD, VlanSet.of(1), VlanSet.of(1), 1,
                1500, "NetworkAttachmentDefinition " + nad.qualifiedName() + " (" + nad.at() + ")");
        notes.add("macvlan child " + child + " of " + master + ", mode " + mode.name().toLowerCase(
                java.util.Locale.ROOT));
        final WorkloadPlan plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, iface, mac, address.ip(),
                address.prefixLength(), gateway, nodeName, master, nad.qualifiedName(), child, port, "leaves " + master
                + " untagged (macvlan " + mode.name().toLowerCase(java.util.Locale.ROOT) + " mode)", "untagged on "
                + nodeName + "/" + master, notes, at, new WorkloadAttachment.MacvlanChild(master, mode));
        if (unique(plan, at)) {
            plans.add(plan);
        }
    }

    private boolean unique(final WorkloadPlan plan, final Location at) {
        final WorkloadPlan sameId = byId.putIfAbsent(plan.id(), plan);
        if (sameId != null) {
            diagnostics.error(at, "workload id '" + plan.id() + "' is used twice (also " + sameId.manifestName()
                    + ", " + sameId.at() + "); give one an 'id' in network.yaml");
            return false;
        }
        final WorkloadPlan sameIp = plan.ip() == 0 ? null                  // DHCP clients: no address yet
                : byAddress.putIfAbsent(plan.segment() + "|" + plan.ip(), plan);
        if (sameIp != null) {
            diagnostics.error(at, "duplicate IP " + Ipv4Address.format(plan.ip()) + " in " + plan.segment() + ": "
                    + plan.manifestName() + " and " + sameIp.manifestName() + " (" + sameIp.at() + "); each address "
                    + "once per VLAN");
            return false;
        }
        final WorkloadPlan sameMac = byMac.putIfAbsent(plan.segment() + "|" + plan.mac(), plan);
        if (sameMac != null) {
            diagnostics.error(at, "duplicate MAC " + MacAddress.format(plan.mac()) + " in " + plan.segment() + ": "
                    + plan.manifestName() + " and " + sameMac.manifestName() + " (" + sameMac.at() + "); each MAC "
                    + "once per VLAN");
            return false;
        }
        return true;
    }

    /** setupVeth(): the veth's VLAN table. */
    private static PortPlan vethPort(final String veth, final Nad nad, final BridgePlan br, final List<String> notes) {
        final String origin = "NetworkAttachmentDefinition " + nad.qualifiedName() + " (" + nad.at() + ")";
        if (nad.vlan() == 0 || !br.vlanFiltering()) {
            return new PortPlan(veth, PortKind.WORKLOAD, VlanSet.of(1), VlanSet.of(1), 1, 1500, origin);
        }
        final boolean preserve = nad.preserveDefaultVlan() == null || nad.preserveDefaultVlan();
        if (nad.preserveDefaultVlan() == null) {
            notes.add("preserveDefaultVlan not given: taken as true (OpenShift's documented default; upstream "
                    + "changed it to false in 2025), so VID 1 stays on the veth untagged");
        }
        final VlanSet vids = preserve ? VlanSet.of(1, nad.vlan()) : VlanSet.of(nad.vlan());
        return new PortPlan(veth, PortKind.WORKLOAD, vids, vids, nad.vlan(), 1500, origin);
    }

    /** Where the workload's frames leave the node, and why; [description, segment]. */
    private static String[] egress(final NodeCompiler node, final BridgePlan br, final PortPlan veth, final Nad nad,
                                   final List<String> notes) {
        if (nad.vlan() != 0 && !br.vlanFiltering()) {
            notes.add("NAD vlan " + nad.vlan() + " has no effect: bridge " + br.name() + " is VLAN-unaware ("
                    + br.filteringReason() + "); the bridge plugin programs only the veth and turns filtering on "
                    + "only on a bridge it creates itself");
        }
        final List<PortPlan> uplinks = node.uplinks(br.name());
        if (uplinks.isEmpty()) {
            return new String[] {"stays on " + node.name() + ": bridge " + br.name() + " has no uplink port",
                    node.name() + "/" + br.name()};
        }
        final PortPlan up = uplinks.get(0);
        final int vid = br.vlanFiltering() ? veth.pvid() : 0;
        if (br.vlanFiltering() && !up.vids().contains(vid)) {
            return new String[] {"dropped in " + br.name() + ": the uplink " + up.name() + " does not carry VLAN "
                    + vid + " (" + up.membership() + ")", node.name() + "/" + br.name()};
        }
        final boolean tagged = br.vlanFiltering() && !up.untagged().contains(vid);
        if (br.vlanFiltering()) {
            notes.add(nad.vlan() != 0 ? "NAD vlan " + nad.vlan() + " is the veth's PVID on filtering bridge "
                    + br.name() + " (" + br.filteringReason() + ")"
                    : "no NAD vlan: the veth has the default PVID 1 on filtering bridge " + br.name());
        }
        if (up.kind() == PortKind.VLAN) {
            final NodePlan.VlanPlan sub = node.vlanNamed(up.name()).orElseThrow();
            if (tagged) {
                notes.add("double tag: bridge " + br.name() + " sends VLAN " + vid + " tagged to " + sub.name()
                        + ", which pushes its own tag " + sub.vid());
                return new String[] {"leaves " + sub.parent() + " double-tagged: outer " + sub.vid() + " (" + sub.name()
                        + "), inner " + vid + " (bridge " + br.name() + ")", "wire VLAN " + sub.vid() + " inner " + vid};
            }
            return new String[] {"leaves " + sub.parent() + " tagged " + sub.vid() + " (added by " + sub.name() + ")",
                    "wire VLAN " + sub.vid()};
        }
        if (tagged) {
            return new String[] {"leaves " + up.name() + " tagged " + vid, "wire VLAN " + vid};
        }
        return new String[] {"leaves " + up.name() + " untagged" + (br.vlanFiltering() ? " (VLAN " + vid
                + " is the uplink's untagged PVID)" : ""), "untagged on " + node.name() + "/" + up.name()};
    }

    /** An interface's address ("A.B.C.D/LEN", or null when none was found) and gateway as written (or null). */
    private record Address(String cidr, String gateway) {
    }

    /**
     * The address chain of an attachment: the one network.yaml gives ({@code cidr}, {@code gateway}), else the NAD's
     * static IPAM, else the networks annotation's 'ips', else the next host-local address on the node; each source
     * taken adds a note. Null when host-local has no address left (reported).
     *
     * @param rangeGateway whether a host-local address brings its range's gateway (a bridge attachment does; a
     *   macvlan's traffic leaves by the NIC, not by a gateway of the range)
     */
    private Address address(final String cidr, final String gateway, final Nad nad, final List<String> ips,
                            final String nodeName, final String what, final Location at, final boolean rangeGateway,
                            final List<String> notes) {
        if (cidr != null) {
            return new Address(cidr, gateway);
        }
        if (!nad.addresses().isEmpty()) {
            final String given = nad.addresses().get(0).address();
            notes.add("address " + given + " from the NAD's static IPAM");
            return new Address(given, gateway != null ? gateway : nad.addresses().get(0).gateway());
        }
        if (!ips.isEmpty()) {
            notes.add("address " + ips.get(0) + " from the networks annotation 'ips'");
            return new Address(ips.get(0), gateway);
        }
        final Manifests.HostLocalRange r = nad.cni().hostLocal();
        if (r == null) {
            return new Address(null, gateway);
        }
        final int allocated = allocate(nodeName + "\0" + nad.qualifiedName(), r, what, at);
        if (allocated == 0) {
            return null;
        }
        final String given = Ipv4Address.format(allocated) + "/" + r.prefixLength();
        if (!rangeGateway) {
            notes.add("address " + given + " from host-local on node " + nodeName);
            return new Address(given, gateway);
        }
        notes.add("address " + given + " from host-local on node " + nodeName + " (gateway "
                + Ipv4Address.format(r.gateway()) + " skipped)");
        return new Address(given, gateway != null ? gateway : Ipv4Address.format(r.gateway()));
    }
}

package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.device.Endpoint.Workload;
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
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

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

    WorkloadCompiler(final Diagnostics diagnostics, final Map<String, NodeCompiler> nodes, final Manifests manifests) {
        this.diagnostics = diagnostics;
        this.nodes = nodes;
        this.manifests = manifests;
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
        return plans;
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
                diagnostics.warn(i.at(), "VirtualMachine " + vm.name() + ": interface '" + i.name() + "' is on the "
                        + "pod network (masquerade); the pod network is not simulated yet");
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
        for (final Manifests.PodNetwork n : pod.networks()) {
            final String iface = n.interfaceName() != null ? n.interfaceName() : "net" + (index + 1);
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
        if (cidr == null && !nad.addresses().isEmpty()) {
            cidr = nad.addresses().get(0).address();
            gatewayText = gatewayText != null ? gatewayText : nad.addresses().get(0).gateway();
            notes.add("address " + cidr + " from the NAD's static IPAM");
        }
        if (cidr == null && !ips.isEmpty()) {
            cidr = ips.get(0);
            notes.add("address " + cidr + " from the networks annotation 'ips'");
        }
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
        final String macText = manifestMac != null ? manifestMac : ispec.map(InterfaceSpec::mac).orElse(null);
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
        final PortPlan port = vethPort(veth, nad, br, notes);
        final String[] egress = egress(node, br, port, nad, notes);
        if (nad.macspoofchk()) {
            notes.add("macspoofchk: frames from " + veth + " with a source MAC other than " + MacAddress.format(mac)
                    + " are dropped before learning (not enforced by the simulator yet: endpoints never spoof)");
        }
        final WorkloadPlan plan = new WorkloadPlan(id, display, kind, namespace + "/" + name, iface, mac, ip, prefix,
                gateway, nodeName, br.name(), nad.qualifiedName(), veth, port, egress[0], egress[1], notes, at);
        if (!unique(plan, addressAt)) {
            return;
        }
        node.addWorkloadPort(br.name(), port);
        plans.add(plan);
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
}

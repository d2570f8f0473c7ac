package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.NetworkFolder;
import vnetsim.folder.NetworkYaml.NodeSpec;
import vnetsim.folder.dhcp.DhcpConfig;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nmstate.PolicyMerger;
import vnetsim.folder.nxos.SwitchConfig;
import vnetsim.network.VsphereSpec;
import vnetsim.vsphere.VsphereYamlReader;

/**
 * Compiles what a network folder says ({@link NetworkFolder}) into what it becomes ({@link NetworkPlan}): per
 * node the policies that select it, merged; per switch its cabled ports; the cables; the workloads plugged into
 * bridges. Every inconsistency between files is an error naming file and line.
 */
public final class FolderCompiler {
    private FolderCompiler() {
    }

    public static NetworkPlan compile(final NetworkFolder folder, final Diagnostics diagnostics) {
        final Map<String, NodeCompiler> nodes = new LinkedHashMap<>();
        final Set<NodePolicy> used = new HashSet<>();
        final PolicyMerger merger = new PolicyMerger(diagnostics);
        for (final NodeSpec spec : folder.network().nodes()) {
            final List<NodePolicy> selecting = folder.policies().stream()
                    .filter(p -> p.selects(spec.labels())).toList();
            used.addAll(selecting);
            nodes.put(spec.name(), new NodeCompiler(spec, merger.merge(spec.name(), selecting), diagnostics));
        }
        for (final NodePolicy p : folder.policies()) {
            if (!used.contains(p)) {
                diagnostics.warn(p.at(), "policy '" + p.name() + "' selects no node (nodeSelector " + p.nodeSelector()
                        + "); node labels are in network.yaml");
            }
        }
        final Map<String, SwitchConfig> switches = new LinkedHashMap<>();
        for (final SwitchConfig s : folder.switches()) {
            if (nodes.containsKey(s.hostname()) || switches.putIfAbsent(s.hostname(), s) != null) {
                diagnostics.error(s.at(), "hostname '" + s.hostname() + "' is already used by another device");
            }
        }
        final Map<String, FirewallConfig> firewalls = new LinkedHashMap<>();
        for (final FirewallConfig f : folder.firewalls()) {
            if (nodes.containsKey(f.name()) || switches.containsKey(f.name())
                    || firewalls.putIfAbsent(f.name(), f) != null) {
                diagnostics.error(f.at(), "firewall name '" + f.name() + "' is already used by another device");
            }
        }
        final Map<String, List<String>> appliances = new LinkedHashMap<>();  // ESXi hosts, DHCP servers: their ports
        final Set<String> vnicEnds = new HashSet<>();                       // node NICs plugged into a vSwitch
        final List<VsphereSpec.EsxiHost> esxiHosts = new ArrayList<>();
        for (final VsphereYamlReader.HostFile f : folder.esxiHosts()) {
            final VsphereSpec.EsxiHost h = f.host();
            if (nodes.containsKey(h.name()) || switches.containsKey(h.name()) || firewalls.containsKey(h.name())
                    || appliances.putIfAbsent(h.name(), h.uplinks()) != null) {
                diagnostics.error(Location.file(f.file()).atLine(1), "ESXi host '" + h.name()
                        + "' is already used by another device");
                continue;
            }
            esxiHosts.add(h);
            for (final VsphereSpec.Vnic v : h.vnics()) {
                vnic(f, v, folder, vnicEnds, diagnostics);
            }
        }
        final List<VsphereSpec.DhcpServerSpec> dhcpServers = new ArrayList<>();
        for (final DhcpConfig d : folder.dhcpServers()) {
            if (nodes.containsKey(d.name()) || switches.containsKey(d.name()) || firewalls.containsKey(d.name())
                    || appliances.putIfAbsent(d.name(), List.of(d.iface())) != null) {
                diagnostics.error(d.at(), "DHCP server name '" + d.name() + "' is already used by another device");
                continue;
            }
            dhcpServers.add(new VsphereSpec.DhcpServerSpec(d.name(), d.iface(), d.mac(),
                    new vnetsim.network.Cidr(d.ip(), d.prefixLength()), d.poolFirst(), d.poolLast(), d.router(),
                    d.leaseSeconds()));
        }
        final List<CablePlan> cables = new Cabling(diagnostics, nodes, switches, firewalls, appliances)
                .resolve(folder.layer1());
        final List<SwitchPlan> switchPlans = new ArrayList<>();
        for (final SwitchConfig s : switches.values()) {
            final Set<String> cabled = new HashSet<>();
            for (final CablePlan c : cables) {
                if (c.hostA().equals(s.hostname())) {
                    cabled.add(c.interfaceA());
                }
                if (c.hostB().equals(s.hostname())) {
                    cabled.add(c.interfaceB());
                }
            }
            switchPlans.add(SwitchCompiler.compile(s, cabled, diagnostics));
        }
        final Map<String, PodNetworkPlan> podNetworks = PodNetworkCompiler.compile(folder.network(),
                folder.manifests(), diagnostics);
        final List<WorkloadPlan> workloads = new WorkloadCompiler(diagnostics, nodes, folder.manifests(), podNetworks)
                .compile(folder.network());
        final List<NodePlan> nodePlans = new ArrayList<>();
        for (final NodeCompiler n : nodes.values()) {
            final Set<String> cabled = new HashSet<>();
            for (final CablePlan c : cables) {
                if (c.hostA().equals(n.name())) {
                    cabled.add(c.interfaceA());
                }
                if (c.hostB().equals(n.name())) {
                    cabled.add(c.interfaceB());
                }
            }
            for (final String end : vnicEnds) {
                if (end.startsWith(n.name() + "/")) {
                    cabled.add(end.substring(n.name().length() + 1));
                }
            }
            nodePlans.add(n.build(cabled).withPodNetwork(podNetworks.get(n.name())));
        }
        return new NetworkPlan(folder.network().name(), folder.network().description(), switchPlans,
                new ArrayList<>(firewalls.values()), nodePlans, workloads, cables, diagnostics.warnings(), esxiHosts,
                dhcpServers);
    }

    /**
     * A node VM's vNIC in {@code vsphere/*.yaml} must be a NIC of a node in network.yaml with the same MAC (the
     * guest sees the MAC of its VM configuration) and be plugged into one vSwitch only.
     */
    private static void vnic(final VsphereYamlReader.HostFile f, final VsphereSpec.Vnic v, final NetworkFolder folder,
                             final Set<String> vnicEnds, final Diagnostics diagnostics) {
        final Location at = Location.file(f.file()).atLine(f.line(v.vm(), v.nic()));
        final NodeSpec node = folder.network().nodes().stream().filter(n -> n.name().equals(v.vm())).findFirst()
                .orElse(null);
        if (node == null) {
            diagnostics.error(at, "vm '" + v.vm() + "' is no node in network.yaml (nodes: " + folder.network().nodes().stream().map(NodeSpec::name).toList()
                    + "); a node VM's vNICs are its NICs there");
            return;
        }
        final var nic = node.nic(v.nic());
        if (nic.isEmpty()) {
            diagnostics.error(at, "vNIC '" + v.nic() + "' of " + v.vm() + " is no NIC of that node in network.yaml "
                    + "(NICs: " + node.nics().stream().map(x -> x.name()).toList() + ")");
            return;
        }
        if (nic.get().mac() != v.mac()) {
            diagnostics.error(at, "vNIC " + v.vm() + "/" + v.nic() + " has macAddress "
                    + vnetsim.frame.MacAddress.format(v.mac()) + " but network.yaml gives the NIC "
                    + vnetsim.frame.MacAddress.format(nic.get().mac()) + " (" + nic.get().at()
                    + "); the guest sees the MAC of its VM configuration: write the same in both");
        }
        if (!vnicEnds.add(v.vm() + "/" + v.nic())) {
            diagnostics.error(at, "vNIC " + v.vm() + "/" + v.nic() + " is plugged into two vSwitches");
        }
    }
}

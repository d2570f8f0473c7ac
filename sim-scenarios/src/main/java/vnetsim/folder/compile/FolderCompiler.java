package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.NetworkFolder;
import vnetsim.folder.NetworkYaml.NodeSpec;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nmstate.PolicyMerger;
import vnetsim.folder.nxos.SwitchConfig;

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
        final List<CablePlan> cables = new Cabling(diagnostics, nodes, switches, firewalls).resolve(folder.layer1());
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
            nodePlans.add(n.build(cabled).withPodNetwork(podNetworks.get(n.name())));
        }
        return new NetworkPlan(folder.network().name(), folder.network().description(), switchPlans,
                new ArrayList<>(firewalls.values()), nodePlans, workloads, cables, diagnostics.warnings());
    }
}

package vnetsim.folder.compile;

import java.util.List;
import vnetsim.folder.Problem;
import vnetsim.folder.firewall.FirewallConfig;

/** Everything a network folder became, ready to instantiate as a topology and to describe. */
public record NetworkPlan(String name, String description, List<SwitchPlan> switches,
                          List<FirewallConfig> firewalls, List<NodePlan> nodes, List<WorkloadPlan> workloads,
                          List<CablePlan> cables, List<Problem> warnings) {
    public NetworkPlan {
        switches = List.copyOf(switches);
        firewalls = List.copyOf(firewalls);
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
        cables = List.copyOf(cables);
        warnings = List.copyOf(warnings);
    }
}

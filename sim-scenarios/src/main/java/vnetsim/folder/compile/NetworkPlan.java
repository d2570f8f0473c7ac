package vnetsim.folder.compile;

import java.util.List;
import vnetsim.folder.Problem;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.network.VsphereSpec;

/**
 * Everything a network folder became, ready to instantiate as a topology and to describe.
 *
 * @param esxiHosts   ESXi hosts with their vSwitch (vsphere/*.yaml); cables to their uplinks are in {@code cables}
 * @param dhcpServers DHCP servers (dhcp/*.yaml)
 */
public record NetworkPlan(String name, String description, List<SwitchPlan> switches,
                          List<FirewallConfig> firewalls, List<NodePlan> nodes, List<WorkloadPlan> workloads,
                          List<CablePlan> cables, List<Problem> warnings, List<VsphereSpec.EsxiHost> esxiHosts,
                          List<VsphereSpec.DhcpServerSpec> dhcpServers) {
    public NetworkPlan {
        switches = List.copyOf(switches);
        firewalls = List.copyOf(firewalls);
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
        cables = List.copyOf(cables);
        warnings = List.copyOf(warnings);
        esxiHosts = List.copyOf(esxiHosts);
        dhcpServers = List.copyOf(dhcpServers);
    }
}

package vnetsim.folder;

import java.util.List;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.k8s.Manifests;
import vnetsim.folder.layer1.Layer1Topology;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nxos.SwitchConfig;

/**
 * Everything a network folder says, as read, every element with its file and line. {@link
 * vnetsim.folder.compile.FolderCompiler} turns it into a topology.
 *
 * @param root how the user named the folder (prefix of every location)
 */
public record NetworkFolder(String root, NetworkYaml network, Layer1Topology layer1, List<NodePolicy> policies,
                            List<SwitchConfig> switches, List<FirewallConfig> firewalls, Manifests manifests) {
    public NetworkFolder {
        policies = List.copyOf(policies);
        switches = List.copyOf(switches);
        firewalls = List.copyOf(firewalls);
    }
}

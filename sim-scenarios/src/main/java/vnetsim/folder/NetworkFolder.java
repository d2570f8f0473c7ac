package vnetsim.folder;

import java.util.List;
import vnetsim.folder.dhcp.DhcpConfig;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.k8s.Manifests;
import vnetsim.folder.layer1.Layer1Topology;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nxos.SwitchConfig;
import vnetsim.vsphere.VsphereYamlReader;

/**
 * Everything a network folder says, as read, every element with its file and line. {@link
 * vnetsim.folder.compile.FolderCompiler} turns it into a topology.
 *
 * @param root        how the user named the folder (prefix of every location)
 * @param esxiHosts   {@code vsphere/*.yaml}: ESXi hosts, their vSwitch, port groups and the node VMs' vNICs
 * @param dhcpServers {@code dhcp/*.yaml}: DHCPv4 servers
 */
public record NetworkFolder(String root, NetworkYaml network, Layer1Topology layer1, List<NodePolicy> policies,
                            List<SwitchConfig> switches, List<FirewallConfig> firewalls, Manifests manifests,
                            List<VsphereYamlReader.HostFile> esxiHosts, List<DhcpConfig> dhcpServers) {
    public NetworkFolder {
        policies = List.copyOf(policies);
        switches = List.copyOf(switches);
        firewalls = List.copyOf(firewalls);
        esxiHosts = List.copyOf(esxiHosts);
        dhcpServers = List.copyOf(dhcpServers);
    }
}

package vnetsim.folder.nmstate;

import java.util.List;
import java.util.Map;
import vnetsim.folder.Location;

/**
 * One NodeNetworkConfigurationPolicy: its name, {@code spec.nodeSelector} (every label must match; empty selects
 * every node, as kubernetes-nmstate does) and its desired interfaces.
 */
public record NodePolicy(String name, Map<String, String> nodeSelector, List<NmInterface> interfaces, Location at) {
    public NodePolicy {
        nodeSelector = Map.copyOf(nodeSelector);
        interfaces = List.copyOf(interfaces);
    }

    public boolean selects(final Map<String, String> nodeLabels) {
        return nodeSelector.entrySet().stream().allMatch(e -> e.getValue().equals(nodeLabels.get(e.getKey())));
    }
}

package vnetsim.folder.nmstate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interfaces one node ends up with after every policy selecting it is applied, and which policies set each.
 */
public record NodeState(String node, List<NmInterface> interfaces, Map<String, List<String>> policiesByInterface) {
    public NodeState {
        interfaces = List.copyOf(interfaces);
        policiesByInterface = Map.copyOf(policiesByInterface);
    }

    public Optional<NmInterface> find(final String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}

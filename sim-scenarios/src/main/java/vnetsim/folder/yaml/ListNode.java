package vnetsim.folder.yaml;

import java.util.List;
import vnetsim.folder.Location;

/** A sequence. */
public record ListNode(Location at, List<Node> items) implements Node {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}

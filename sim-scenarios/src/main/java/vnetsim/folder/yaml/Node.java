package vnetsim.folder.yaml;

import vnetsim.folder.Location;

/**
 * A YAML or JSON value with the line it was read from: a mapping, a sequence or a scalar. Jackson's own tree
 * ({@code JsonNode}) keeps no locations, so the readers build this small tree from Jackson's streaming parser.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Location at();

    /** "a mapping", "a list", "a scalar": for messages. */
    String kindName();
}

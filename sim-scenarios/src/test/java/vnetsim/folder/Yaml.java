package vnetsim.folder;

import java.util.List;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;

/** Test helper: parse YAML text as a file named {@code name}. */
final class Yaml {
    private Yaml() {
    }

    static List<Node> parse(final Diagnostics d, final String name, final String text) {
        return new TreeReader(d).readYaml(text, name, 0);
    }

    /** nmstate desired state (an nmstate example file) wrapped in an NNCP selecting every node. */
    static String nncp(final String name, final String desiredState) {
        return "apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nmetadata:\n  name: " + name
                + "\nspec:\n  desiredState:\n" + desiredState.lines().map(l -> "    " + l)
                .reduce("", (a, b) -> a + b + "\n");
    }
}

package vnetsim.cli;

import vnetsim.analysis.Network;
import vnetsim.folder.Networks;

/**
 * The NETWORK argument of the analysis commands: a network folder path, a folder shipped with vnetsim by name,
 * or a built-in scenario (see {@link Networks}).
 */
final class NetworkArgument {
    private NetworkArgument() {
    }

    /**
     * The network a user named.
     * @throws IllegalArgumentException naming the networks that exist, or the file and line of a bad folder
     */
    static Network resolve(final String nameOrPath) {
        return Networks.named(nameOrPath).network();
    }
}

package vnetsim.cli;

import vnetsim.analysis.Network;
import vnetsim.folder.Networks;
import vnetsim.network.NetworkSpec;
import vnetsim.network.SyntheticNetwork;

/**
 * The NETWORK argument of the analysis commands: a network folder path, a folder shipped with vnetsim by name,
 * a built-in scenario (see {@link Networks}), or a generated one: {@code synthetic-NxMxK} (N nodes, M VLANs, K
 * workloads; {@link SyntheticNetwork}).
 */
public final class NetworkArgument {
    private NetworkArgument() {
    }

    /**
     * The network a user named.
     * @throws IllegalArgumentException naming the networks that exist, or the file and line of a bad folder
     */
    public static Network resolve(final String nameOrPath) {
        final NetworkSpec synthetic = SyntheticNetwork.parse(nameOrPath);
        if (synthetic != null) {
            return synthetic.network();
        }
        return Networks.named(nameOrPath).network();
    }
}

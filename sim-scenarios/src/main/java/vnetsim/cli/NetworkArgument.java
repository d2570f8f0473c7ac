package vnetsim.cli;

import vnetsim.analysis.Network;
import vnetsim.scenario.Scenarios;

/** The NETWORK argument of the analysis commands: a built-in scenario name. */
final class NetworkArgument {
    private NetworkArgument() {
    }

    /**
     * The network a user named.
     * @throws IllegalArgumentException naming the networks that exist
     */
    static Network resolve(final String name) {
        return Scenarios.named(name).network();
    }
}

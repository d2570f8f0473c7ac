package vnetsim.folder.udn;

import vnetsim.analysis.Network;
import vnetsim.network.NetworkSpec;
import vnetsim.ovn.UdnCluster;
import vnetsim.scenario.Scenario;
import vnetsim.topology.Topology;

/**
 * A network folder whose manifests declare OVN-Kubernetes user-defined networks: the cluster they describe, and
 * the same cluster after operations (live migration) as new scenarios.
 */
public final class UdnScenario implements Scenario {
    private final UdnCluster cluster;
    private final String description;

    public UdnScenario(final UdnCluster cluster, final String description) {
        this.cluster = cluster;
        this.description = description;
    }

    @Override
    public String name() {
        return cluster.name();
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * The name-based spec vocabulary (hosts, bridges, switches) has no OVN logical devices: the cluster itself is
     * what what-if changes edit ({@link UdnCluster} is a {@link vnetsim.analysis.MigratableNetwork}), so commands
     * that need a NetworkSpec say so (exit 2) instead of working on an empty network.
     */
    @Override
    public NetworkSpec spec() {
        throw new IllegalArgumentException(cluster.name() + " is an OVN-Kubernetes user-defined network: it has no "
                + "name-based spec; trace it, live-migrate with trace --migrate, or ask 'vnetsim whatif "
                + cluster.name() + " --change \"move WORKLOAD to NODE\"'");
    }

    @Override
    public Topology build() {
        return cluster.compile();
    }

    @Override
    public Network network() {
        return cluster.network();
    }

    public UdnCluster cluster() {
        return cluster;
    }

    /** {@code virtctl migrate}: the same network with the workload running on {@code targetNode}. */
    public UdnScenario migrate(final String workload, final String targetNode) {
        return new UdnScenario(cluster.migrate(workload, targetNode), description);
    }
}

package vnetsim.folder;

import vnetsim.folder.compile.NetworkPlan;
import vnetsim.folder.compile.TopologyFactory;
import vnetsim.scenario.Scenario;
import vnetsim.topology.Topology;

/** A network read from a folder: what was read, what it became, and a fresh topology on every {@link #build()}. */
public final class FolderScenario implements Scenario {
    private final NetworkFolder folder;
    private final NetworkPlan plan;

    FolderScenario(final NetworkFolder folder, final NetworkPlan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public String description() {
        return plan.description().isEmpty() ? "network folder " + folder.root() : plan.description();
    }

    @Override
    public Topology build() {
        return TopologyFactory.build(plan);
    }

    public NetworkFolder folder() {
        return folder;
    }

    public NetworkPlan plan() {
        return plan;
    }
}

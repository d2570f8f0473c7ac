package vnetsim.folder;

import vnetsim.folder.compile.NetworkPlan;
import vnetsim.folder.compile.SpecWriter;
import vnetsim.network.NetworkSpec;
import vnetsim.scenario.Scenario;

/** A network read from a folder: what was read ({@link #folder()}), what it became ({@link #plan()}, {@link #spec()}). */
public final class FolderScenario implements Scenario {
    private final NetworkFolder folder;
    private final NetworkPlan plan;
    private final NetworkSpec spec;

    FolderScenario(final NetworkFolder folder, final NetworkPlan plan) {
        this.folder = folder;
        this.plan = plan;
        this.spec = SpecWriter.write(plan);
    }

    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public String description() {
        return plan.description().isEmpty() ? "network folder " + folder.root() : plan.description();
    }

    /** The network by name (what-if: change a copy and compile it). */
    @Override
    public NetworkSpec spec() {
        return spec;
    }

    public NetworkFolder folder() {
        return folder;
    }

    public NetworkPlan plan() {
        return plan;
    }
}

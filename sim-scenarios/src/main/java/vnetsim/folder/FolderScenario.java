package vnetsim.folder;

import java.util.Optional;
import vnetsim.analysis.Network;
import vnetsim.analysis.NetworkSource;
import vnetsim.folder.compile.NetworkPlan;
import vnetsim.folder.compile.SpecWriter;
import vnetsim.network.NetworkSpec;
import vnetsim.network.VsphereSpec;
import vnetsim.scenario.Scenario;
import vnetsim.topology.Topology;

/**
 * A network read from a folder: what was read ({@link #folder()}), what it became ({@link #plan()}, {@link #spec()},
 * and, for a folder with {@code vsphere/} or {@code dhcp/}, {@link #vsphere()}: the whole network, vSphere layer
 * included, which {@link #network()} and {@link #build()} compile).
 */
public final class FolderScenario implements Scenario {
    private final NetworkFolder folder;
    private final NetworkPlan plan;
    private final NetworkSpec spec;
    private final VsphereSpec vsphere;

    FolderScenario(final NetworkFolder folder, final NetworkPlan plan) {
        this.folder = folder;
        this.plan = plan;
        this.spec = SpecWriter.write(plan);
        this.vsphere = SpecWriter.vsphere(plan, spec).orElse(null);
    }

    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public String description() {
        return plan.description().isEmpty() ? "network folder " + folder.root() : plan.description();
    }

    /**
     * The network by name (what-if: change a copy and compile it); for a folder with a vSphere layer, the part
     * under it (nodes, switches, routers, workloads), which {@link #vsphere()} wraps.
     */
    @Override
    public NetworkSpec spec() {
        return spec;
    }

    /** The whole network with its ESXi hosts and DHCP servers, when the folder has any. */
    public Optional<VsphereSpec> vsphere() {
        return Optional.ofNullable(vsphere);
    }

    /** What the network compiles from: {@link #vsphere()} when there is one, else {@link #spec()}. */
    public NetworkSource source() {
        return vsphere != null ? vsphere : spec;
    }

    @Override
    public Topology build() {
        return source().compile();
    }

    @Override
    public Network network() {
        return vsphere != null ? vsphere.network() : spec.network();
    }

    public NetworkFolder folder() {
        return folder;
    }

    public NetworkPlan plan() {
        return plan;
    }
}

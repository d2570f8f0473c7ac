package vnetsim.network;

import vnetsim.analysis.Network;
import vnetsim.device.Endpoint.Workload;
import vnetsim.network.NetworkBuilder.HostBuilder;
import vnetsim.network.NetworkBuilder.RouterBuilder;
import vnetsim.network.NetworkBuilder.SwitchBuilder;
import vnetsim.network.NetworkBuilder.WorkloadBuilder;

/**
 * The methods every builder in a {@link NetworkBuilder} chain offers: start or continue another element, link,
 * build.
 */
public abstract class NetworkScope {
    NetworkScope() {
    }

    abstract NetworkBuilder root();

    /** The host named {@code hostName}, created the first time. */
    public HostBuilder host(final String hostName) {
        return root().newHost(hostName);
    }

    /** The NX-OS style switch named {@code switchName}, created the first time. */
    public SwitchBuilder switchNamed(final String switchName) {
        return root().newSwitch(switchName);
    }

    /** The router named {@code routerName}, created the first time. */
    public RouterBuilder router(final String routerName) {
        return root().newRouter(routerName);
    }

    /** A workload cabled directly (a server or upstream gateway): link its interface with {@link #link}. */
    public WorkloadBuilder server(final String id, final String address) {
        return root().addWorkload(new WorkloadBuilder(root(), id, Workload.VM, address, null, null));
    }

    /** A cable between two ports named by device and interface. */
    public NetworkBuilder link(final String deviceA, final String ifaceA, final String deviceB,
                               final String ifaceB) {
        root().addLink(LinkSpec.cable(deviceA, ifaceA, deviceB, ifaceB));
        return root();
    }

    /**
     * The validated spec.
     * @throws InvalidNetworkException listing every problem, each naming the element
     */
    public NetworkSpec build() {
        return root().spec().validate();
    }

    /** The validated network, ready to trace. */
    public Network network() {
        return build().network();
    }
}

package vnetsim.network;

import java.util.List;
import java.util.stream.Stream;
import vnetsim.analysis.Network;
import vnetsim.analysis.NetworkSource;
import vnetsim.topology.Topology;

/**
 * A network described by names: hosts with their NICs, subinterfaces and bridges, switches, routers, workloads
 * and the cables between them. An immutable value: inspect it, change a copy with the {@code with...} methods
 * (what-if), {@link #validate()} it and {@link #compile()} it into the {@link Topology} the simulator runs.
 * {@link NetworkBuilder} writes one fluently; importers build the records directly.
 *
 * <pre>{@code
 * NetworkSpec changed = spec.withSwitch(spec.switchNamed("Switch")
 *         .withPort(spec.switchNamed("Switch").port("Ethernet1/3").withoutAllowed(2004)));
 * Trace t = changed.network().trace("vm1", "vm3");
 * }</pre>
 *
 * @param name      the network's name (traces and captures show it)
 * @param hosts     virtualization hosts
 * @param switches  L2 switches
 * @param routers   routers and firewalls
 * @param workloads VMs and pods
 * @param links     cables, by device and interface name
 */
public record NetworkSpec(String name, List<HostSpec> hosts, List<SwitchSpec> switches, List<RouterSpec> routers,
                          List<WorkloadSpec> workloads, List<LinkSpec> links) implements NetworkSource {
    /** Copies the lists: the record stays immutable. */
    public NetworkSpec {
        hosts = List.copyOf(hosts);
        switches = List.copyOf(switches);
        routers = List.copyOf(routers);
        workloads = List.copyOf(workloads);
        links = List.copyOf(links);
    }

    // ---- lookups ----------------------------------------------------------------------------------------------

    /** The host named {@code hostName}; an {@link UnknownNameException} naming the closest hosts otherwise. */
    public HostSpec host(final String hostName) {
        return Names.get(hosts, hostName, HostSpec::name, "host");
    }

    /** The switch named {@code switchName}; an {@link UnknownNameException} with the closest names otherwise. */
    public SwitchSpec switchNamed(final String switchName) {
        return Names.get(switches, switchName, SwitchSpec::name, "switch");
    }

    /** The router named {@code routerName}; an {@link UnknownNameException} with the closest names otherwise. */
    public RouterSpec router(final String routerName) {
        return Names.get(routers, routerName, RouterSpec::name, "router");
    }

    /** A workload by id ({@code vm1}) or display name. */
    public WorkloadSpec workload(final String idOrName) {
        return Names.find(workloads, idOrName, WorkloadSpec::id)
                .or(() -> Names.find(workloads, idOrName, WorkloadSpec::name))
                .orElseThrow(() -> UnknownNameException.of("workload", idOrName,
                        workloads.stream().flatMap(w -> Stream.of(w.id(), w.name())).toList()));
    }

    /** The link with an end at this device and interface. */
    public LinkSpec link(final String device, final String iface) {
        return links.stream().filter(l -> l.touches(device, iface)).findFirst()
                .orElseThrow(() -> UnknownNameException.of("link at", device + "/" + iface,
                        links.stream().flatMap(l -> Stream.of(l.a(), l.b())).map(LinkSpec.End::toString).toList()));
    }

    // ---- copies with one change -------------------------------------------------------------------------------

    /** This network with {@code host} replacing the host of the same name (or added). */
    public NetworkSpec withHost(final HostSpec host) {
        return new NetworkSpec(name, Lists.replaceOrAdd(hosts, host, HostSpec::name), switches, routers,
                workloads, links);
    }

    /** This network with {@code sw} replacing the switch of the same name (or added). */
    public NetworkSpec withSwitch(final SwitchSpec sw) {
        return new NetworkSpec(name, hosts, Lists.replaceOrAdd(switches, sw, SwitchSpec::name), routers,
                workloads, links);
    }

    /** This network with {@code router} replacing the router of the same name (or added). */
    public NetworkSpec withRouter(final RouterSpec router) {
        return new NetworkSpec(name, hosts, switches, Lists.replaceOrAdd(routers, router, RouterSpec::name),
                workloads, links);
    }

    /** This network with {@code workload} replacing the workload of the same id (or added). */
    public NetworkSpec withWorkload(final WorkloadSpec workload) {
        return new NetworkSpec(name, hosts, switches, routers,
                Lists.replaceOrAdd(workloads, workload, WorkloadSpec::id), links);
    }

    /** This network without the workload {@code id} (id or display name). */
    public NetworkSpec withoutWorkload(final String id) {
        return new NetworkSpec(name, hosts, switches, routers, Lists.remove(workloads, workload(id).id(),
                WorkloadSpec::id), links);
    }

    /** This network with {@code link} replacing the link between the same two ends (or added). */
    public NetworkSpec withLink(final LinkSpec link) {
        return new NetworkSpec(name, hosts, switches, routers, workloads,
                Lists.replaceOrAdd(links, link, l -> l.a() + " " + l.b()));
    }

    /** This network under another name. */
    public NetworkSpec withName(final String newName) {
        return new NetworkSpec(newName, hosts, switches, routers, workloads, links);
    }

    // ---- checking and compiling -------------------------------------------------------------------------------

    /** What cannot be real in this network, one sentence each naming the element; empty when it is sound. */
    public List<String> problems() {
        return new SpecValidator(this).problems();
    }

    /**
     * Checks the network.
     * @throws InvalidNetworkException listing every problem
     */
    public NetworkSpec validate() {
        final List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidNetworkException(name, problems);
        }
        return this;
    }

    /**
     * A fresh topology of this network, caches empty: devices in stack order (switches, routers, then per host
     * each NIC followed by what is stacked on it, then workloads), linked as the names say.
     * @throws InvalidNetworkException when {@link #problems()} is not empty
     */
    @Override
    public Topology compile() {
        validate();
        return new SpecCompiler(this).compile();
    }

    /** The network to ask questions of; every question runs on a freshly compiled topology. */
    public Network network() {
        validate();
        return new Network(this);
    }
}

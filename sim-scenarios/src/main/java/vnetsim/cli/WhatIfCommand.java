package vnetsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.analysis.Reachability;
import vnetsim.analysis.ReachabilityDiff;

/** {@code vnetsim whatif NETWORK --change C}: the flows a change breaks, fixes or reroutes. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Apply changes to a copy of a network and list the flows whose outcome or path changed, "
                + "before and after, with where and why they now drop (or now pass).",
                "Changes (one per --change or per line of --change-file; quote names with spaces):",
                "  remove vlan VID from SWITCH PORT | add vlan VID to SWITCH PORT",
                "  set native vlan VID on SWITCH PORT | set access vlan VID on SWITCH PORT",
                "  shut DEVICE INTERFACE | shut link DEVICE INTERFACE",
                "  move WORKLOAD to HOST [BRIDGE] | set vlan VID on WORKLOAD | set vlan VID on HOST SUBINTERFACE",
                "  (on OVN-Kubernetes user-defined networks 'move WORKLOAD to NODE' is a live migration; when it "
                        + "changes the address, flows to the former one are listed too)",
                "  add acl on ROUTER: permit|deny SRC DST [PROTOCOL] [at POSITION]",
                "  set mtu BYTES on DEVICE INTERFACE | set mtu BYTES on WORKLOAD",
                "  set portgroup [ESXI/]PORTGROUP allowPromiscuous|macChanges|forgedTransmits|macLearning true|false",
                "  set portgroup [ESXI/]PORTGROUP vlanId 0-4095 | vlanTrunk RANGES   (networks with vsphere/*.yaml)",
                "Compared: ICMP (or --protocol) between every pair of endpoints, and for endpoints without a "
                        + "static address (DHCP clients) the DHCP exchange and the ping to the lease's router.",
                "Exit status 0 when it ran (whatever changed), 2 for a usage error or a change naming something "
                        + "that does not exist."})
final class WhatIfCommand implements Callable<Integer> {
    enum Format { TABLE, JSON }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "a network folder, or a network name (see 'vnetsim scenarios')")
    private String networkName;

    @Mixin
    private ChangeOptions whatIf = new ChangeOptions();

    @Option(names = "--protocol", defaultValue = "icmp", paramLabel = "PROTOCOL",
            description = "icmp, udp or arp; default ${DEFAULT-VALUE}")
    private Protocol protocol;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json; default ${DEFAULT-VALUE}")
    private Format format;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; default: one per core")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        final ChangeOptions.Comparison compared = ChangeOptions.compare(whatIf.apply(networkName), protocol,
                threads, spec.commandLine().getErr());
        final Network before = compared.whatIf().before();
        final List<String> described = compared.whatIf().described();
        final ReachabilityDiff diff = compared.diff();
        final Reachability was = compared.before();
        final List<FormerAddresses.Flow> former = FormerAddresses.of(before, compared.whatIf().after());
        final List<DhcpWhatIf> dhcp = DhcpWhatIf.compare(before, compared.whatIf().after());
        final PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? json(before.name(), described, diff, former, dhcp) + "\n"
                : table(before.name(), described, diff, was.cells().size()) + FormerAddresses.table(former)
                        + DhcpWhatIf.table(dhcp));
        out.flush();
        return 0;
    }

    static String table(final String network, final List<String> changes, final ReachabilityDiff diff,
                        final int pairs) {
        final StringBuilder sb = new StringBuilder();
        sb.append("What if, on ").append(network).append(":\n");
        changes.forEach(c -> sb.append("  ").append(c).append('\n'));
        sb.append(ChangeOptions.summary(diff, pairs));
        sb.append('\n');
        if (!diff.endpointsRemoved().isEmpty()) {
            sb.append("endpoints removed: ").append(String.join(", ", diff.endpointsRemoved())).append('\n');
        }
        if (!diff.endpointsAdded().isEmpty()) {
            sb.append("endpoints added: ").append(String.join(", ", diff.endpointsAdded())).append('\n');
        }
        for (final ReachabilityDiff.Change c : diff.changes()) {
            sb.append('\n').append(c.pair()).append("  ").append(c.before().outcome()).append(" -> ")
                    .append(c.after().outcome()).append('\n');
            ChangeOptions.explanation(c).forEach(line -> sb.append("  ").append(line).append('\n'));
        }
        return sb.toString();
    }

    static String json(final String network, final List<String> changes, final ReachabilityDiff diff)
            throws Exception {
        return json(network, changes, diff, List.of(), List.of());
    }

    /**
     * The JSON report; {@code former} adds {@code formerAddressFlows} when a change re-addressed a workload,
     * {@code dhcp} the DHCP exchanges of endpoints without a static address.
     */
    static String json(final String network, final List<String> changes, final ReachabilityDiff diff,
                       final List<FormerAddresses.Flow> former, final List<DhcpWhatIf> dhcp) throws Exception {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("network", network);
        changes.forEach(root.putArray("changes")::add);
        final ArrayNode flows = root.putArray("flows");
        for (final ReachabilityDiff.Change c : diff.changes()) {
            final ObjectNode f = flows.addObject();
            f.put("from", c.after().from());
            f.put("to", c.after().to());
            f.put("change", c.kind().name());
            ReachabilityJson.put(f.putObject("before"), c.before());
            ReachabilityJson.put(f.putObject("after"), c.after());
        }
        diff.endpointsRemoved().forEach(root.putArray("endpointsRemoved")::add);
        diff.endpointsAdded().forEach(root.putArray("endpointsAdded")::add);
        if (!former.isEmpty()) {
            FormerAddresses.json(root, former);
        }
        if (!dhcp.isEmpty()) {
            DhcpWhatIf.json(root, dhcp);
        }
        return MAPPER.writeValueAsString(root);
    }
}

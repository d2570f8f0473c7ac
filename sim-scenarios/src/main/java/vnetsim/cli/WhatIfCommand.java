package vnetsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Change;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.analysis.Reachability;
import vnetsim.analysis.ReachabilityDiff;
import vnetsim.whatif.ChangeParser;

/** {@code vnetsim whatif NETWORK --change C}: the flows a change breaks, fixes or reroutes. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Apply changes to a copy of a network and list the flows whose outcome or path changed, "
                + "before and after, with where and why they now drop (or now pass).",
                "Changes (one per --change or per line of --change-file; quote names with spaces):",
                "  remove vlan VID from SWITCH PORT | add vlan VID to SWITCH PORT",
                "  set native vlan VID on SWITCH PORT | set access vlan VID on SWITCH PORT",
                "  shut DEVICE INTERFACE | shut link DEVICE INTERFACE",
                "  move WORKLOAD to HOST [BRIDGE] | set vlan VID on WORKLOAD | set vlan VID on HOST SUBINTERFACE",
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

    @Option(names = "--change", paramLabel = "CHANGE", description = "a change (repeatable)")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--change-file", paramLabel = "FILE", description = "changes, one per line ('#' comments)")
    private Path changeFile;

    @Option(names = "--after", paramLabel = "AFTER", description = "a second version of the network (a folder) to compare with NETWORK")
    private String after;

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
        final List<Change> parsed = new ArrayList<>();
        for (final String c : changes) {
            parsed.add(ChangeParser.parse(c));
        }
        if (changeFile != null) {
            try {
                parsed.addAll(ChangeParser.parseFile(changeFile));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("change file not found: " + changeFile);
            }
        }
        if (parsed.isEmpty() == (after == null)) {
            throw new ParameterException(spec.commandLine(), after == null
                    ? "give at least one --change or --change-file, or --after AFTER"
                    : "--after compares two versions; it does not combine with --change");
        }
        final Network before = NetworkArgument.resolve(networkName);
        Network changed;
        final List<String> described = new ArrayList<>();
        if (after != null) {
            changed = NetworkArgument.resolve(after);
            described.add("compared with " + after);
        } else {
            changed = before;
            for (final Change c : parsed) {
                changed = changed.with(c);
                described.add(c.describe());
            }
            changed.topology();                                // a change that makes the network invalid fails here
        }
        final PrintWriter err = spec.commandLine().getErr();
        final Reachability was = ReachabilityCommand.run(before, protocol, threads, err);
        final Reachability now = ReachabilityCommand.run(changed, protocol, threads, err);
        final ReachabilityDiff diff = Reachability.diff(was, now);
        final PrintWriter out = spec.commandLine().getOut();
        final List<DhcpWhatIf> dhcp = DhcpWhatIf.compare(before, changed);
        out.print(format == Format.JSON ? json(before.name(), described, diff, dhcp) + "\n"
                : table(before.name(), described, diff, was.cells().size()) + DhcpWhatIf.table(dhcp));
        out.flush();
        return 0;
    }

    static String table(final String network, final List<String> changes, final ReachabilityDiff diff,
                        final int pairs) {
        final StringBuilder sb = new StringBuilder();
        sb.append("What if, on ").append(network).append(":\n");
        changes.forEach(c -> sb.append("  ").append(c).append('\n'));
        sb.append(diff.changes().size()).append(" of ").append(pairs).append(" flows changed");
        for (final ReachabilityDiff.Kind kind : ReachabilityDiff.Kind.values()) {
            final int n = diff.changes(kind).size();
            if (n > 0) {
                sb.append(kind == ReachabilityDiff.Kind.NOW_DROPPED ? "; " : ", ").append(n).append(' ')
                        .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
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
            switch (c.kind()) {
                case NOW_DROPPED, DROP_CHANGED -> describeStop(sb, "now", c.after());
                case NOW_DELIVERED -> {
                    describeStop(sb, "was", c.before());
                    sb.append("  now: delivered via ").append(String.join(", ", c.after().path())).append('\n');
                }
                default -> {
                    sb.append("  path before: ").append(String.join(", ", c.before().path())).append('\n');
                    sb.append("  path after:  ").append(String.join(", ", c.after().path())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static void describeStop(final StringBuilder sb, final String when, final Reachability.Cell cell) {
        if (cell.drop() != null) {
            sb.append("  ").append(when).append(": dropped at ").append(cell.drop().device()).append(" / ")
                    .append(cell.drop().iface()).append(": ").append(cell.drop().reason()).append('\n');
        }
        if (cell.cause() != null) {
            sb.append("  cause: ").append(cell.cause().text()).append('\n');
        }
    }

    static String json(final String network, final List<String> changes, final ReachabilityDiff diff)
            throws Exception {
        return json(network, changes, diff, List.of());
    }

    static String json(final String network, final List<String> changes, final ReachabilityDiff diff,
                       final List<DhcpWhatIf> dhcp) throws Exception {
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
        if (!dhcp.isEmpty()) {
            DhcpWhatIf.json(root, dhcp);
        }
        return MAPPER.writeValueAsString(root);
    }
}

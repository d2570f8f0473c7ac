package vnetsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.analysis.Reachability;

/** {@code vnetsim reachability NETWORK}: every ordered pair of endpoints, delivered or where and why not. */
@Command(name = "reachability", mixinStandardHelpOptions = true,
        description = {"One packet from every endpoint to every other, each from empty caches, in parallel.",
                "table: a matrix (rows from, columns to; '.' delivered, 'X' dropped, 'L' loop) and the failures "
                        + "with their root cause; json: a list of {from, to, outcome, drop, cause, path}; csv: one "
                        + "row per pair.",
                "Exit status 0 when it ran, 2 for a usage error."})
final class ReachabilityCommand implements Callable<Integer> {
    enum Format { TABLE, JSON, CSV }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "a network folder, or a network name (see 'vnetsim scenarios')")
    private String networkName;

    @Option(names = "--protocol", defaultValue = "icmp", paramLabel = "PROTOCOL",
            description = "icmp, udp or arp; default ${DEFAULT-VALUE}")
    private Protocol protocol;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv; default ${DEFAULT-VALUE}")
    private Format format;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; default: one per core")
    private Integer threads;

    @Option(names = "--classes",
            description = "trace one pair per class of alike pairs (alike hosts, bridge, VLAN, subnet, ACL matches) "
                    + "and fill the rest; delivered cells then have no path. For large networks "
                    + "(e.g. synthetic-100x50x2000)")
    private boolean classes;

    @Override
    public Integer call() throws Exception {
        final Network network = NetworkArgument.resolve(networkName);
        final PrintWriter out = spec.commandLine().getOut();
        Reachability.Options options = Reachability.Options.defaults().withProtocol(protocol);
        if (classes) {
            options = options.withEquivalence(vnetsim.whatif.SpecEquivalence.of(
                    (vnetsim.network.NetworkSpec) network.source().orElseThrow()));
        }
        final Reachability matrix = run(network, options, threads, spec.commandLine().getErr());
        switch (format) {
            case JSON -> out.println(json(matrix));
            case CSV -> out.print(csv(matrix));
            default -> out.print(table(matrix));
        }
        out.flush();
        return 0;
    }

    static Reachability run(final Network network, final Protocol protocol, final Integer threads,
                            final PrintWriter err) {
        return run(network, Reachability.Options.defaults().withProtocol(protocol), threads, err);
    }

    static Reachability run(final Network network, final Reachability.Options given, final Integer threads,
                            final PrintWriter err) {
        Reachability.Options options = given;
        if (threads != null) {
            options = options.withThreads(threads);
        }
        try (TerminalProgress bar = new TerminalProgress(err, network.name() + " pairs",
                Reachability.pairCount(network), TerminalProgress.stdoutIsTerminal())) {
            return Reachability.of(network, options.withProgress(bar));
        }
    }

    static String json(final Reachability matrix) throws Exception {
        final ArrayNode list = MAPPER.createArrayNode();
        matrix.cells().forEach(c -> ReachabilityJson.put(list.addObject(), c));
        return MAPPER.writeValueAsString(list);
    }

    static String csv(final Reachability matrix) {
        final StringBuilder sb = new StringBuilder("from,to,outcome,drop_device,drop_interface,drop_reason,"
                + "cause_packet,cause_device,cause_interface,cause_reason\r\n");
        for (final Reachability.Cell c : matrix.cells()) {
            final List<String> row = new ArrayList<>(List.of(c.from(), c.to(), c.outcome().name()));
            row.add(c.drop() == null ? "" : c.drop().device());
            row.add(c.drop() == null ? "" : c.drop().iface());
            row.add(c.drop() == null ? "" : c.drop().reason());
            row.add(c.cause() == null ? "" : c.cause().packet());
            row.add(c.cause() == null ? "" : c.cause().device());
            row.add(c.cause() == null ? "" : c.cause().iface());
            row.add(c.cause() == null ? "" : c.cause().reason());
            sb.append(String.join(",", row.stream().map(ReachabilityCommand::csvField).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    private static String csvField(final String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static String table(final Reachability matrix) {
        final List<String> ids = matrix.endpoints();
        int width = 4;
        for (final String id : ids) {
            width = Math.max(width, id.length());
        }
        final StringBuilder sb = new StringBuilder();
        sb.append(matrix.protocol().label().toUpperCase(java.util.Locale.ROOT)).append(" reachability of ")
                .append(matrix.network()).append(" (rows: from, columns: to; . delivered, X dropped, L loop)\n");
        sb.append(pad("", width));
        for (final String to : ids) {
            sb.append(' ').append(pad(to, width));
        }
        sb.append('\n');
        for (final String from : ids) {
            sb.append(pad(from, width));
            for (final String to : ids) {
                final String mark = from.equals(to) ? "-" : switch (matrix.cell(from, to).outcome()) {
                    case DELIVERED -> ".";
                    case LOOP -> "L";
                    default -> "X";
                };
                sb.append(' ').append(pad(mark, width));
            }
            sb.append('\n');
        }
        final List<Reachability.Cell> failures = matrix.failures();
        sb.append(matrix.cells().size() - failures.size()).append(" of ").append(matrix.cells().size())
                .append(" pairs delivered\n");
        for (final Reachability.Cell c : failures) {
            sb.append(c.pair()).append(": ").append(c.outcome());
            if (c.drop() != null) {
                sb.append(" at ").append(c.drop().device()).append(" / ").append(c.drop().iface()).append(": ")
                        .append(c.drop().reason());
            }
            if (c.cause() != null) {
                sb.append("\n    cause: ").append(c.cause().text());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(final String s, final int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}

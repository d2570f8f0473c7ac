package vnetsim.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Change;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.analysis.Reachability;
import vnetsim.analysis.ReachabilityDiff;
import vnetsim.whatif.ChangeParser;

/**
 * The what-if options {@code vnetsim whatif} and {@code vnetsim report} share (a picocli mixin), and the one way
 * both apply them and compare the two networks, so the two commands cannot drift apart: {@code --change C}
 * (repeatable), {@code --change-file F} (one change per line, {@code #} comments), or {@code --after NETWORK} (a
 * second version of the network to compare with). Changes are read by {@link ChangeParser} and applied in order
 * with {@link Network#with(Change)}.
 */
public final class ChangeOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--change", paramLabel = "CHANGE",
            description = "a change (repeatable), e.g. \"remove vlan 2004 from Switch Ethernet1/3\"")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--change-file", paramLabel = "FILE", description = "changes, one per line ('#' comments)")
    private Path changeFile;

    @Option(names = "--after", paramLabel = "AFTER",
            description = "a second version of the network (a folder) to compare with NETWORK")
    private String after;

    /**
     * A network before and after the changes.
     *
     * @param before    the network as named
     * @param after     the changed copy, or the {@code --after} network
     * @param described the changes as the user wrote them (or "compared with AFTER"), in order
     */
    public record WhatIf(Network before, Network after, List<String> described) {
        /** Copies the list. */
        public WhatIf {
            described = List.copyOf(described);
        }
    }

    /**
     * Both networks' reachability matrices (every ordered pair, each from empty caches) and what differs.
     *
     * @param whatIf the two networks
     * @param before the matrix before
     * @param after  the matrix after
     * @param diff   the pairs whose outcome, path or drop changed
     */
    public record Comparison(WhatIf whatIf, Reachability before, Reachability after, ReachabilityDiff diff) {
    }

    /** Whether any of {@code --change}, {@code --change-file} or {@code --after} was given. */
    public boolean given() {
        return !changes.isEmpty() || changeFile != null || after != null;
    }

    /**
     * The changes of {@code --change} (in order) then of {@code --change-file}.
     *
     * @throws IllegalArgumentException for a change that does not parse (naming the file and line) or a missing
     *                                  change file
     */
    public List<Change> parsed() throws java.io.IOException {
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
        return parsed;
    }

    /**
     * The network named {@code networkName} (as {@code whatif} resolves it: a folder, a shipped or built-in
     * network, or {@code synthetic-NxMxK}) before and after the changes, or compared with {@code --after}.
     *
     * @throws ParameterException       when neither changes nor {@code --after} were given, or both
     * @throws IllegalArgumentException when a change does not parse, names something the network does not have,
     *                                  or leaves the network invalid
     */
    public WhatIf apply(final String networkName) throws java.io.IOException {
        final List<Change> parsed = parsed();
        if (parsed.isEmpty() == (after == null)) {
            throw new ParameterException(mixee.commandLine(), after == null
                    ? "give at least one --change or --change-file, or --after AFTER"
                    : "--after compares two versions; it does not combine with --change");
        }
        final Network before = NetworkArgument.resolve(networkName);
        if (after != null) {
            return new WhatIf(before, NetworkArgument.resolve(after), List.of("compared with " + after));
        }
        Network changed = before;
        final List<String> described = new ArrayList<>();
        for (final Change c : parsed) {
            changed = changed.with(c);
            described.add(c.describe());
        }
        changed.topology();                                    // a change that makes the network invalid fails here
        return new WhatIf(before, changed, described);
    }

    /**
     * Runs both matrices (with a progress bar on {@code err} when standard output is a terminal) and compares them.
     *
     * @param threads worker threads, or null for one per core
     */
    public static Comparison compare(final WhatIf whatIf, final Protocol protocol, final Integer threads,
                                     final PrintWriter err) {
        final Reachability was = ReachabilityCommand.run(whatIf.before(), protocol, threads, err);
        final Reachability now = ReachabilityCommand.run(whatIf.after(), protocol, threads, err);
        return new Comparison(whatIf, was, now, Reachability.diff(was, now));
    }

    /**
     * "12 of 42 flows changed; 12 now dropped": how many pairs changed, and how, in {@link ReachabilityDiff.Kind}
     * order.
     *
     * @param pairs the number of pairs compared
     */
    public static String summary(final ReachabilityDiff diff, final int pairs) {
        final StringBuilder sb = new StringBuilder();
        sb.append(diff.changes().size()).append(" of ").append(pairs).append(" flows changed");
        for (final ReachabilityDiff.Kind kind : ReachabilityDiff.Kind.values()) {
            final int n = diff.changes(kind).size();
            if (n > 0) {
                sb.append(kind == ReachabilityDiff.Kind.NOW_DROPPED ? "; " : ", ").append(n).append(' ')
                        .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return sb.toString();
    }

    /**
     * Where and why a changed flow now drops (or dropped, when it now passes), or its two paths: the lines
     * {@code vnetsim whatif} prints under each changed pair and {@code vnetsim report} shows in its table.
     */
    public static List<String> explanation(final ReachabilityDiff.Change c) {
        final List<String> lines = new ArrayList<>();
        switch (c.kind()) {
            case NOW_DROPPED, DROP_CHANGED -> stop(lines, "now", c.after());
            case NOW_DELIVERED -> {
                stop(lines, "was", c.before());
                lines.add("now: delivered via " + String.join(", ", c.after().path()));
            }
            default -> {
                lines.add("path before: " + String.join(", ", c.before().path()));
                lines.add("path after:  " + String.join(", ", c.after().path()));
            }
        }
        return lines;
    }

    private static void stop(final List<String> lines, final String when, final Reachability.Cell cell) {
        if (cell.drop() != null) {
            lines.add(when + ": dropped at " + cell.drop().device() + " / " + cell.drop().iface() + ": "
                    + cell.drop().reason());
        }
        if (cell.cause() != null) {
            lines.add("cause: " + cell.cause().text());
        }
    }
}

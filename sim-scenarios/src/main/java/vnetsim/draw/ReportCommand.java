package vnetsim.draw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Network;
import vnetsim.cli.ChangeOptions;

/**
 * {@code vnetsim report NETWORK [-o DIR] [--change C]...}: one self-contained HTML file, {@code DIR/NETWORK.html};
 * with changes (or {@code --after}), the what-if report ({@link WhatIfReport}), the changes read and applied as
 * {@code vnetsim whatif} does ({@link ChangeOptions}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report of a network: its picture, the reachability matrix of "
                + "every endpoint pair, and the picture of every flow that does not get through.",
                "With --change (or --change-file, or --after), a what-if report instead: the changes, the matrices "
                        + "before and after side by side with the changed cells outlined, the changed flows with "
                        + "where and why they now drop, and each changed flow's path before and after. Changes are "
                        + "written as for 'vnetsim whatif' (see its --help).",
                "Opens offline (nothing is fetched) and prints to PDF. Writes DIR/NETWORK.html (DIR is created if "
                        + "missing; default: the current directory) and prints its path.",
                "Exit status 0 when written, 1 when it cannot be written, 2 for a usage error."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "a scenario name (see 'vnetsim scenarios')")
    private String networkName;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "directory to write NETWORK.html into ('-': standard output)")
    private Path directory;

    @Mixin
    private ChangeOptions whatIf = new ChangeOptions();

    @Option(names = "--flow", arity = "2", paramLabel = "ENDPOINT",
            description = "also show this flow FROM TO in full: picture, steps and every frame (repeatable)")
    private java.util.List<String> flows = new java.util.ArrayList<>();

    @Override
    public Integer call() throws java.io.IOException {
        final ChangeOptions.WhatIf changed = whatIf.given() ? whatIf.apply(networkName) : null;
        final Network network = changed == null ? vnetsim.cli.NetworkArgument.resolve(networkName)
                : changed.before();
        final Path dir = directory == null ? Path.of(".") : directory;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("vnetsim: " + dir + " exists and is not a directory");
            return 1;
        }
        final java.util.List<vnetsim.analysis.Flow> requested = new java.util.ArrayList<>();
        final var topology = network.topology();
        for (int i = 0; i + 1 < flows.size(); i += 2) {
            Network.endpoint(topology, flows.get(i));
            Network.endpoint(topology, flows.get(i + 1));
            requested.add(vnetsim.analysis.Flow.icmp(flows.get(i), flows.get(i + 1)));
        }
        if (changed != null) {
            final var afterTopology = changed.after().topology();
            for (final vnetsim.analysis.Flow f : requested) {
                Network.endpoint(afterTopology, f.from());
                Network.endpoint(afterTopology, f.to());
            }
        }
        final String html = changed == null ? HtmlReport.report(network, requested)
                : WhatIfReport.render(ChangeOptions.compare(changed, vnetsim.analysis.Protocol.ICMP, null,
                        spec.commandLine().getErr()), requested.stream().map(vnetsim.analysis.Flow::coldStart).toList());
        if ("-".equals(dir.toString())) {
            OutputFile.write(null, html, spec.commandLine().getOut());
            return 0;
        }
        final Path file = dir.resolve(network.name() + ".html");
        try {
            Files.createDirectories(dir);
            OutputFile.write(file, html, spec.commandLine().getOut());
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("vnetsim: cannot create directory " + dir + ": "
                    + OutputFile.reason(e));
            return 1;
        } catch (OutputFile.OutputException e) {
            spec.commandLine().getErr().println("vnetsim: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println(file);
        return 0;
    }
}

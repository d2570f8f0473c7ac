package vnetsim.draw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Network;
import vnetsim.scenario.Scenarios;

/** {@code vnetsim report NETWORK [-o DIR]}: one self-contained HTML file, {@code DIR/NETWORK.html}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report of a network: its picture, the reachability matrix of "
                + "every endpoint pair, and the picture of every flow that does not get through.",
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

    @Option(names = "--flow", arity = "2", paramLabel = "ENDPOINT",
            description = "also show this flow FROM TO in full: picture, steps and every frame (repeatable)")
    private java.util.List<String> flows = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        // a built-in Java scenario as before, else a network folder (shipped by name, or a path): vsphere-nested-lab
        final Network network = Scenarios.find(networkName).map(vnetsim.scenario.Scenario::network)
                .orElseGet(() -> vnetsim.folder.Networks.named(networkName).network());
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
        final String html = HtmlReport.report(network, requested);
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

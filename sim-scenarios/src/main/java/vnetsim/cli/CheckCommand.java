package vnetsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Network;
import vnetsim.intents.IntentsFile;
import vnetsim.intents.JunitReport;
import vnetsim.whatif.Intent;

/** {@code vnetsim check NETWORK --intents FILE}: a CI gate on what the network must keep doing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the intents of a network: each one traced, each reported PASS or FAIL (with the trace "
                + "that breaks it).",
                "Exit status 0 when every intent holds, 1 when one does not or the JUnit report cannot be "
                        + "written, 2 for bad input."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK",
            description = "a network folder, or a network name (see 'vnetsim scenarios')")
    private String networkName;

    @Option(names = "--intents", required = true, paramLabel = "FILE", description = "the intents file (YAML)")
    private Path intentsFile;

    @Option(names = "--change", paramLabel = "CHANGE",
            description = "check the network with this what-if change applied (repeatable)")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--junit-xml", paramLabel = "REPORT.xml", description = "also write a JUnit XML report")
    private Path junitXml;

    @Override
    public Integer call() throws IOException {
        final List<Intent> intents = IntentsFile.read(intentsFile);
        Network network = NetworkArgument.resolve(networkName);
        for (final String c : changes) {
            network = network.with(vnetsim.whatif.ChangeParser.parse(c));
        }
        // a 'through' naming no device (a typo) would only ever FAIL, as if the network were wrong: an input error
        final List<String> hosts = network.topology().devices().stream().map(d -> d.host()).distinct().toList();
        for (final Intent intent : intents) {
            if (intent instanceof Intent.Reaches r && r.through() != null
                    && hosts.stream().noneMatch(h -> h.equalsIgnoreCase(r.through()))) {
                throw new IllegalArgumentException(intentsFile + ": intent '" + r.name() + "': through: "
                        + vnetsim.network.UnknownNameException.of("device", r.through(), hosts).getMessage());
            }
        }
        final long start = System.nanoTime();
        final List<Intent.Result> results = new ArrayList<>();
        for (final Intent intent : intents) {
            results.add(intent.check(network));
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (final Intent.Result r : results) {
            out.println((r.holds() ? "PASS  " : "FAIL  ") + r.intent().name());
            if (!r.holds()) {
                failed++;
                out.println("      " + r.message().replace("\n", "\n      ").stripTrailing());
            }
        }
        out.println(results.size() - failed + " of " + results.size() + " intents hold");
        out.flush();
        if (junitXml != null) {
            try {
                JunitReport.write(junitXml, network.name(), results, seconds);
            } catch (final vnetsim.draw.OutputFile.OutputException e) {
                spec.commandLine().getErr().println("vnetsim: " + e.getMessage());
                return Main.WRITE_FAILED;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

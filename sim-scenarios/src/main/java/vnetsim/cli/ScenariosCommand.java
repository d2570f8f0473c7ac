package vnetsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vnetsim.scenario.Scenario;

/** {@code vnetsim scenarios}: every built-in network, shipped folders included. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in networks (shipped network folders and Java scenarios).")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final java.util.List<Scenario> all = vnetsim.folder.Networks.all();
        final int width = all.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (final Scenario s : all) {
            spec.commandLine().getOut().println(String.format("%-" + width + "s  %s", s.name(), s.description()));
        }
        return 0;
    }
}

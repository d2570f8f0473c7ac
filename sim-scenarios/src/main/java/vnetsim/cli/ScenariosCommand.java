package vnetsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vnetsim.scenario.Scenario;
import vnetsim.scenario.Scenarios;

/** {@code vnetsim scenarios}: the built-in scenarios. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final int width = Scenarios.all().stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (final Scenario s : Scenarios.all()) {
            spec.commandLine().getOut().println(String.format("%-" + width + "s  %s", s.name(), s.description()));
        }
        return 0;
    }
}

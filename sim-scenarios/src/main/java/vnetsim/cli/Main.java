package vnetsim.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.scenario.Scenario;
import vnetsim.verify.FlowSimulator;

/**
 * The {@code vnetsim} command line. Exit status: 0 when the command ran (whatever a traced packet's outcome),
 * 1 when a verified document disagrees or a capture cannot be written, 2 for a usage or input error, with one
 * message naming what is wrong and what would be valid. Never a stack trace (set VNETSIM_DEBUG=1 to see one).
 */
@Command(name = "vnetsim", mixinStandardHelpOptions = true, version = "vnetsim 0.1.0",
        description = "Simulates, frame by frame, how traffic crosses virtualization hosts.",
        subcommands = {ScenariosCommand.class, DescribeCommand.class, TraceCommand.class, ReachabilityCommand.class,
                WhatIfCommand.class, CheckCommand.class})
public final class Main implements Runnable {
    public static final int USAGE = 2;
    /** Exit status when output (standard output or a capture file) could not be written. */
    public static final int WRITE_FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // every command, as registered (the annotation's and those added in execute), so the list never goes stale
        final java.util.List<String> names = java.util.List.copyOf(spec.commandLine().getSubcommands().keySet());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }

    public static void main(final String[] args) {
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
    }

    /**
     * Runs the CLI on raw standard streams: text is UTF-8 whatever the locale, and a failed write on standard
     * output (a full disk, a closed pipe) ends with status 1 and a message on standard error.
     */
    public static int run(final String[] args, final OutputStream stdout, final OutputStream stderr) {
        final Console out = new Console(stdout);
        final Console err = new Console(stderr);
        int status = execute(args, out.writer(), err.writer());
        final String outFailure = out.flushAndCheck();
        if (outFailure != null) {
            err.writer().println("vnetsim: cannot write to standard output: " + outFailure);
            status = WRITE_FAILED;
        }
        if (err.flushAndCheck() != null) {
            status = WRITE_FAILED;
        }
        return status;
    }

    /** Runs the CLI with the given streams; returns the exit status (used by tests). */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        final CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("verify", new VerifyCommand(Main::flowSimulator));
        cli.addSubcommand("draw", new vnetsim.draw.DrawCommand());
        cli.addSubcommand("report", new vnetsim.draw.ReportCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExpandAtFiles(false);            // "@/dev/zero" would be read as an argument file, without bound
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            String message = "vnetsim: " + e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            err.println(message);
            final CommandLine failed = e.getCommandLine();
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (System.getenv("VNETSIM_DEBUG") != null) {
                e.printStackTrace(err);
            }
            if (e instanceof UnknownEndpointException || e instanceof IllegalArgumentException
                    || e instanceof vnetsim.io.InputException) {
                err.println("vnetsim: " + e.getMessage());
                return USAGE;
            }
            err.println("vnetsim: internal error: " + e + " (set VNETSIM_DEBUG=1 for details)");
            return 3;
        });
        return cli.execute(args);
    }

    /** Document-view steps of a scenario's flows, for {@code vnetsim verify}. */
    static FlowSimulator flowSimulator(final String scenarioName) {
        final Scenario scenario = vnetsim.folder.Networks.named(scenarioName);
        final vnetsim.analysis.Network network = scenario.network();
        return (from, to) -> {
            try {
                return network.trace(from, to).steps();
            } catch (UnknownEndpointException e) {
                throw new UnknownEndpointException(e.endpoint(), network.endpoints().values()
                        .stream().map(ep -> ep.host()).toList());
            }
        };
    }
}

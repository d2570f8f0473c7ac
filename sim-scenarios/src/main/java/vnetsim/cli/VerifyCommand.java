package vnetsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.io.InputException;
import vnetsim.io.Quoted;
import vnetsim.io.TextFiles;
import vnetsim.verify.DocumentFixer;
import vnetsim.verify.DocumentVerifier;
import vnetsim.verify.Finding;
import vnetsim.verify.FlowSimulator;
import vnetsim.verify.ScenarioSidecar;
import vnetsim.verify.Verification;

/**
 * {@code vnetsim verify DOCUMENT.md}: checks a design document's step-by-step flow tables against the simulation of
 * the scenario it describes.
 *
 * <p>Exit status: 0 the document agrees, 1 it does not (also with {@code --fix}: the status describes the input),
 * 2 usage or input error (unreadable file, unknown or missing scenario, no flow tables) with one message on stderr.
 */
@Command(name = "verify",
        description = {"Check a design document's flow tables against the simulated scenario.",
                "Without --scenario, the scenario is read from a file named .vnetsim next to the document "
                        + "holding a line 'scenario: NAME'."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the document agrees with the simulation", "1:the document disagrees",
                "2:usage or input error"})
final class VerifyCommand implements Callable<Integer> {

    /** Exit status when every table agrees. */
    public static final int AGREES = 0;
    /** Exit status when some table disagrees. */
    public static final int DISAGREES = 1;
    /** Exit status for a usage or input error. */
    public static final int INPUT_ERROR = 2;

    /** Output formats of the findings (lower case so "--format json" parses without case-insensitive enums). */
    public enum Format { text, json, html }

    private final Function<String, FlowSimulator> scenarios;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOCUMENT.md", description = "Markdown document with flow tables")
    private Path document;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "scenario to simulate (default: 'scenario:' line of .vnetsim next to the document)")
    private String scenario;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "findings as text, json or html (tables side by side, with pictures; default: "
                    + "${DEFAULT-VALUE})")
    private Format format;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--fix", description = "print the corrected document on stdout (findings go to stderr as text)")
    private boolean fix;

    /**
     * @param scenarios scenario name to simulator; throws {@link IllegalArgumentException} whose message lists the
     *                  valid names when there is no such scenario
     */
    VerifyCommand(final Function<String, FlowSimulator> scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try {
            final String markdown = read(document);
            final String name = scenarioName();
            final DocumentVerifier verifier = new DocumentVerifier(simulator(name));
            final Verification result = verifier.verify(markdown);
            if (result.tables().isEmpty()) {
                throw new InputError("no flow tables found in " + document + " (a flow table is a pipe table "
                        + "with Step, Device and Interface columns)");
            }
            if (fix) {
                out.print(DocumentFixer.apply(markdown, result.edits()));
                printText(err, result.findings());
            } else if (format == Format.html) {
                out.print(vnetsim.draw.VerifyHtml.render(document.toString(), name, result));
            } else if (format == Format.json) {
                out.println(FindingsJson.write(document.toString(), name, result.findings()));
            } else {
                printText(out, result.findings());
                if (result.agrees()) {
                    out.println(document + ": " + result.tables().size() + " flow tables agree with scenario " + name);
                }
            }
            out.flush();
            err.flush();
            return result.agrees() ? AGREES : DISAGREES;
        } catch (final InputError e) {
            err.println("vnetsim verify: " + e.getMessage());
            err.flush();
            return INPUT_ERROR;
        }
    }

    private static void printText(final PrintWriter to, final List<Finding> findings) {
        for (final Finding f : findings) {
            to.println(f.toText());
        }
    }

    private String scenarioName() {
        if (scenario != null) {
            return scenario;
        }
        final Optional<String> fromSidecar;
        try {
            fromSidecar = ScenarioSidecar.scenarioFor(document);
        } catch (final InputException e) {
            throw new InputError(e.getMessage());
        }
        return fromSidecar.orElseThrow(() -> new InputError("no scenario: pass --scenario NAME or put a line "
                + "'scenario: NAME' in " + ScenarioSidecar.FILE_NAME + " next to " + document));
    }

    private FlowSimulator simulator(final String name) {
        try {
            final FlowSimulator simulator = scenarios.apply(name);
            if (simulator == null) {
                throw new InputError("unknown scenario '" + Quoted.name(name) + "'");
            }
            return (from, to) -> {
                try {
                    return simulator.documentView(from, to);
                } catch (final UnknownEndpointException e) {
                    throw e;
                } catch (final RuntimeException e) {
                    throw new InputError("simulating " + from + " to " + to + " in scenario " + name
                            + " failed: " + e.getMessage());
                }
            };
        } catch (final IllegalArgumentException e) {
            throw new InputError(e.getMessage());
        }
    }

    private static String read(final Path path) {
        try {
            return TextFiles.readUtf8(path, TextFiles.DOCUMENT_LIMIT, "Markdown document");
        } catch (final InputException e) {
            throw new InputError(e.getMessage());
        }
    }

    /** A usage or input problem: reported as one line on stderr with exit status 2. */
    private static final class InputError extends RuntimeException {
        InputError(final String message) {
            super(message, null, false, false);
        }
    }
}

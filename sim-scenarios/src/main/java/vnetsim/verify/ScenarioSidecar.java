package vnetsim.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vnetsim.io.InputException;
import vnetsim.io.TextFiles;

/**
 * The scenario a document describes, when the command line does not say: a file named {@code .vnetsim} in the
 * document's directory with a line {@code scenario: NAME} ({@code #} starts a comment line).
 */
public final class ScenarioSidecar {

    /** The sidecar's file name. */
    public static final String FILE_NAME = ".vnetsim";

    private static final Pattern SCENARIO = Pattern.compile("^\\s*scenario\\s*:\\s*[\"']?([^\"'#\\s]+)[\"']?\\s*(#.*)?$");

    private ScenarioSidecar() {
    }

    /** Largest sidecar read: it holds one line. */
    private static final long LIMIT = 1 << 20;

    /**
     * The scenario named by the sidecar next to {@code document}, if there is one that names one.
     *
     * @throws InputException when the sidecar exists but cannot be read (not UTF-8, too large, unreadable)
     */
    public static Optional<String> scenarioFor(final Path document) {
        final Path dir = document.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        final Path sidecar = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        for (final String line : Lines.of(TextFiles.readUtf8(sidecar, LIMIT, "sidecar file"))) {
            final Matcher m = SCENARIO.matcher(line);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}

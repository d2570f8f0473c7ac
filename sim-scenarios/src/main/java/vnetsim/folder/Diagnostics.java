package vnetsim.folder;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the warnings and errors found while reading and compiling a network folder, so that one run reports
 * every problem, each with its file and line, instead of stopping at the first.
 */
public final class Diagnostics {
    /** More errors than this and the rest are counted, not listed: one mistake can cascade. */
    private static final int MAX_LISTED = 50;
    private final List<Problem> problems = new ArrayList<>();

    public void warn(final Location at, final String message) {
        problems.add(new Problem(Problem.Severity.WARNING, at, message));
    }

    public void error(final Location at, final String message) {
        problems.add(new Problem(Problem.Severity.ERROR, at, message));
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** Throws a {@link NetworkFolderException} listing every error, if there is one. */
    public void throwIfErrors(final String folder) {
        final List<Problem> errors = errors();
        if (errors.isEmpty()) {
            return;
        }
        final StringBuilder sb = new StringBuilder();
        sb.append(folder).append(": ").append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (int i = 0; i < errors.size() && i < MAX_LISTED; i++) {
            sb.append('\n').append(errors.get(i));
        }
        if (errors.size() > MAX_LISTED) {
            sb.append("\n... and ").append(errors.size() - MAX_LISTED).append(" more");
        }
        throw new NetworkFolderException(sb.toString(), errors);
    }
}

package vnetsim.folder;

/** One finding about a network folder: a warning (read on, something is ignored or assumed) or an error. */
public record Problem(Severity severity, Location at, String message) {
    public enum Severity { WARNING, ERROR }

    @Override
    public String toString() {
        return at + ": " + (severity == Severity.ERROR ? "error: " : "warning: ") + message;
    }
}

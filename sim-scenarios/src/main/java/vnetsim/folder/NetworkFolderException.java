package vnetsim.folder;

import java.util.List;

/**
 * A network folder could not be read: its message lists every error with file and line. It is an
 * {@link IllegalArgumentException} because the input is wrong, so the command line exits with status 2.
 */
public final class NetworkFolderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> errors;

    public NetworkFolderException(final String message, final List<Problem> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Problem> errors() {
        return errors;
    }
}

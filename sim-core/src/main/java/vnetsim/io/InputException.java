package vnetsim.io;

/**
 * Bad input a person can fix: the message names what is wrong, where (file, line), and what would be valid. The
 * command line prints it as one line and exits with status 2; it carries no stack trace.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the whole message, ready to show a user */
    public InputException(final String message) {
        super(message, null, false, false);
    }
}

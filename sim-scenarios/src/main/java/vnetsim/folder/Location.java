package vnetsim.folder;

/**
 * Where something was read: a file as the user names it (relative to the network folder) and a 1-based line.
 * Line 0 means "the file as a whole" (a missing file, a file too large to read).
 */
public record Location(String file, int line) {
    public static Location file(final String file) {
        return new Location(file, 0);
    }

    public Location atLine(final int newLine) {
        return new Location(file, newLine);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}

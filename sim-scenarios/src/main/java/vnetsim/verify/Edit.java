package vnetsim.verify;

/**
 * A change to one place of a document that makes it agree with the simulation: replace a span of one line, or
 * delete the whole line (a row for an interface the frame never crosses).
 *
 * @param line        1-based line number
 * @param start       0-based offset of the first character replaced, or -1 to delete the line
 * @param end         0-based offset just past the last character replaced, or -1 to delete the line
 * @param replacement the new text, or "" when deleting the line
 */
public record Edit(int line, int start, int end, String replacement) {

    /** Replace {@code [start, end)} of a line. */
    public static Edit replace(final int line, final int start, final int end, final String replacement) {
        return new Edit(line, start, end, replacement);
    }

    /** Delete a whole line, terminator included. */
    public static Edit deleteLine(final int line) {
        return new Edit(line, -1, -1, "");
    }

    /** True when the edit removes its whole line. */
    public boolean deletesLine() {
        return start < 0;
    }
}

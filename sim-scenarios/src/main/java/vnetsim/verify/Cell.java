package vnetsim.verify;

/**
 * One cell of a Markdown pipe table, exactly as written, with where it sits so a fix can rewrite only it.
 *
 * @param text  the cell's source text with the surrounding spaces trimmed ("`bridge2003`", "1.")
 * @param line  1-based line number in the document
 * @param start 0-based offset in the line of the first character of {@code text}
 * @param end   0-based offset in the line just past the last character of {@code text}
 */
public record Cell(String text, int line, int start, int end) {

    /** The value without code-span backticks around it and without surrounding spaces. */
    public String value() {
        return text.substring(valueStart() - start, valueEnd() - start).trim();
    }

    /** Offset in the line where {@link #value()} starts (inside any backticks). */
    public int valueStart() {
        final int ticks = wrappingTicks();
        int i = start + ticks;
        while (i < end - ticks && text.charAt(i - start) == ' ') {
            i++;
        }
        return i;
    }

    /** Offset in the line just past {@link #value()} (before any closing backticks). */
    public int valueEnd() {
        final int ticks = wrappingTicks();
        int i = end - ticks;
        while (i > start + ticks && text.charAt(i - 1 - start) == ' ') {
            i--;
        }
        return i;
    }

    private int wrappingTicks() {
        int ticks = 0;
        while (ticks < text.length() && text.charAt(ticks) == '`') {
            ticks++;
        }
        if (ticks == 0 || ticks * 2 > text.length()) {
            return 0;
        }
        for (int k = 1; k <= ticks; k++) {
            if (text.charAt(text.length() - k) != '`') {
                return 0;
            }
        }
        return ticks;
    }
}

package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits one line of a Markdown pipe table into its cells, keeping each cell's position (GFM rules, simplified). */
final class PipeRow {

    private static final Pattern DELIMITER_CELL = Pattern.compile("\\s*:?-+:?\\s*");

    private PipeRow() {
    }

    /** True when the line can be a table row: it has an unescaped pipe. */
    static boolean looksLikeRow(final String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                return true;
            }
        }
        return false;
    }

    /** True when the line is a header/body delimiter row ("| --- | :---: |"). */
    static boolean isDelimiter(final String line) {
        if (!looksLikeRow(line)) {
            return false;
        }
        final List<Cell> cells = split(line, 0);
        return !cells.isEmpty() && cells.stream().allMatch(c -> DELIMITER_CELL.matcher(c.text()).matches());
    }

    /**
     * The cells of a row. A leading and a trailing pipe are optional; {@code \|} is an escaped pipe inside a cell.
     *
     * @param lineNumber 1-based line number recorded in each cell
     */
    static List<Cell> split(final String line, final int lineNumber) {
        final List<Integer> pipes = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                pipes.add(i);
            }
        }
        final List<int[]> spans = new ArrayList<>();
        int from = 0;
        for (final int pipe : pipes) {
            spans.add(new int[] {from, pipe});
            from = pipe + 1;
        }
        spans.add(new int[] {from, line.length()});
        if (line.substring(spans.get(0)[0], spans.get(0)[1]).isBlank()) {
            spans.remove(0);
        }
        if (!spans.isEmpty()) {
            final int[] last = spans.get(spans.size() - 1);
            if (line.substring(last[0], last[1]).isBlank()) {
                spans.remove(spans.size() - 1);
            }
        }
        final List<Cell> cells = new ArrayList<>();
        for (final int[] span : spans) {
            int s = span[0];
            int e = span[1];
            while (s < e && Character.isWhitespace(line.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(line.charAt(e - 1))) {
                e--;
            }
            cells.add(new Cell(line.substring(s, e), lineNumber, s, e));
        }
        return cells;
    }
}

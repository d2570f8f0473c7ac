package vnetsim.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds every step-by-step flow table in a Markdown document.
 *
 * <p>A flow table is a pipe table whose header names at least the Step, Device and Interface columns (Source,
 * Destination, Tagged/Untagged and Notes are read when present). Its flow is taken from the nearest heading above
 * it of the form "X to Y" ("→" and "->" work too), possibly with a paragraph in between, or else from the Source and
 * Destination cells of its first row. Other tables, and tables inside fenced code blocks, are ignored.
 */
final class FlowTableParser {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    /** The flow tables of {@code markdown}, in document order. */
    public List<FlowTable> parse(final String markdown) {
        final List<String> lines = Lines.of(markdown);
        final List<FlowTable> tables = new ArrayList<>();
        String heading = null;
        int headingLine = 0;
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i);
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            final String headingText = Headings.text(line);
            if (headingText != null) {
                heading = headingText;
                headingLine = i + 1;
                continue;
            }
            if (i + 1 < lines.size() && PipeRow.looksLikeRow(line) && PipeRow.isDelimiter(lines.get(i + 1))
                    && !PipeRow.isDelimiter(line)) {
                int end = i + 2;
                while (end < lines.size() && !lines.get(end).isBlank() && PipeRow.looksLikeRow(lines.get(end))) {
                    end++;
                }
                readTable(lines, i, end, heading, headingLine).ifPresent(tables::add);
                i = end - 1;
            }
        }
        return tables;
    }

    private static Optional<FlowTable> readTable(final List<String> lines, final int headerIndex, final int end,
                                                 final String heading, final int headingLine) {
        final List<Cell> header = PipeRow.split(lines.get(headerIndex), headerIndex + 1);
        final Map<Integer, Column> byPosition = new java.util.TreeMap<>();
        for (int c = 0; c < header.size(); c++) {
            final int position = c;
            Column.fromHeader(header.get(c).text())
                    .filter(col -> !byPosition.containsValue(col))
                    .ifPresent(col -> byPosition.put(position, col));
        }
        if (!byPosition.containsValue(Column.STEP) || !byPosition.containsValue(Column.DEVICE)
                || !byPosition.containsValue(Column.INTERFACE)) {
            return Optional.empty();
        }
        final List<FlowRow> rows = new ArrayList<>();
        for (int r = headerIndex + 2; r < end; r++) {
            final List<Cell> cells = PipeRow.split(lines.get(r), r + 1);
            final Map<Column, Cell> row = new EnumMap<>(Column.class);
            byPosition.forEach((position, column) -> {
                if (position < cells.size()) {
                    row.put(column, cells.get(position));
                }
            });
            rows.add(new FlowRow(r + 1, row));
        }
        String from = null;
        String to = null;
        String title = heading;
        final String[] flow = heading == null ? null : Headings.flow(heading.replace("`", ""));
        if (flow != null) {
            from = flow[0].trim();
            to = flow[1].trim();
        } else if (!rows.isEmpty()) {
            from = blankToNull(rows.get(0).value(Column.SOURCE));
            to = blankToNull(rows.get(0).value(Column.DESTINATION));
        }
        if (title == null) {
            title = from != null && to != null ? from + " to " + to : "table at line " + (headerIndex + 1);
        }
        return Optional.of(new FlowTable(title, heading == null ? 0 : headingLine, from, to,
                List.copyOf(byPosition.values()), rows));
    }

    private static String blankToNull(final String s) {
        return s.isBlank() ? null : s;
    }
}

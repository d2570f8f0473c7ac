package vnetsim.verify;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One body row of a flow table: the document's claim about the frame at one interface.
 *
 * @param line  1-based line number of the row in the document
 * @param cells the row's cells by column; a column the table lacks, or a row too short for it, is absent
 */
public record FlowRow(int line, Map<Column, Cell> cells) {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Longer digit strings are no step number (and would not fit an int). */
    private static final int MAX_STEP_DIGITS = 9;

    /**
     * Keeps an immutable copy of the cells.
     *
     * @param line  1-based line number of the row in the document
     * @param cells the row's cells by column; a column the table lacks, or a row too short for it, is absent
     */
    public FlowRow {
        cells = Map.copyOf(cells);
    }

    /** The cell in a column, if the row has one. */
    public Optional<Cell> cell(final Column column) {
        return Optional.ofNullable(cells.get(column));
    }

    /** The cell's value (backticks stripped), or "" when the row has no such cell. */
    public String value(final Column column) {
        return cell(column).map(Cell::value).orElse("");
    }

    /** The step number as written ("1." gives 1), or null when the step cell holds no number (of at most 9 digits). */
    public Integer stepNumber() {
        return cell(Column.STEP).map(c -> {
            final Matcher m = NUMBER.matcher(c.value());
            return m.find() && m.group().length() <= MAX_STEP_DIGITS ? Integer.valueOf(m.group()) : null;
        }).orElse(null);
    }
}

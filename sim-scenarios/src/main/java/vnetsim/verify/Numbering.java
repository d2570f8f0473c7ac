package vnetsim.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a table's step numbers run 1, 2, 3... without gaps or repeats, and renumbers rows for a fix,
 * keeping how each number is written ("1." stays "1.", "`1`" stays "`1`").
 */
final class Numbering {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private Numbering() {
    }

    /** The numbering finding at row {@code i}, if its number does not follow the row before it. */
    static Optional<Finding> check(final FlowTable table, final int i) {
        final FlowRow row = table.rows().get(i);
        final Integer n = row.stepNumber();
        final String expected = String.valueOf(i + 1);
        final String column = Column.STEP.title();
        if (row.cell(Column.STEP).isEmpty()) {
            return Optional.of(new Finding(table.title(), null, column, null, expected, Finding.Kind.NUMBERING,
                    "row " + (i + 1) + " has no step number; give it " + expected));
        }
        if (n == null) {
            return Optional.of(new Finding(table.title(), null, column, row.value(Column.STEP), expected,
                    Finding.Kind.NUMBERING, "\"" + row.value(Column.STEP) + "\" is not a step number; write "
                    + expected));
        }
        if (i == 0) {
            return n == 1 ? Optional.empty() : Optional.of(new Finding(table.title(), n, column, String.valueOf(n),
                    "1", Finding.Kind.NUMBERING, "the table starts at step " + n + "; number its steps from 1"));
        }
        final Integer previous = table.rows().get(i - 1).stepNumber();
        if (previous == null || n == previous + 1) {
            return Optional.empty();
        }
        final String explanation;
        if (n.intValue() == previous.intValue()) {
            explanation = "step " + n + " appears twice; renumber the steps from here on";
        } else if (n > previous + 1) {
            explanation = "the step numbers jump from " + previous + " to " + n + ": "
                    + (n == previous + 2 ? "step " + (previous + 1) + " is" : "steps " + (previous + 1) + "-"
                    + (n - 1) + " are") + " missing; renumber the steps from here on";
        } else {
            explanation = "the step numbers go back from " + previous + " to " + n
                    + "; renumber the steps from here on";
        }
        return Optional.of(new Finding(table.title(), n, column, String.valueOf(n), expected,
                Finding.Kind.NUMBERING, explanation));
    }

    /** Edits that number the {@code kept} rows 1..n in order (rows being deleted are left out). */
    static void renumber(final List<FlowRow> kept, final Report report) {
        for (int k = 0; k < kept.size(); k++) {
            final String want = String.valueOf(k + 1);
            kept.get(k).cell(Column.STEP).ifPresent(cell -> {
                final Matcher m = NUMBER.matcher(cell.value());
                if (!m.find()) {
                    report.edit(Edit.replace(cell.line(), cell.valueStart(), cell.valueEnd(), want));
                } else if (!m.group().equals(want)) {
                    report.edit(Edit.replace(cell.line(), cell.valueStart() + m.start(),
                            cell.valueStart() + m.end(), want));
                }
            });
        }
    }
}

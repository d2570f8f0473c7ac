package vnetsim.verify;

/**
 * One disagreement between a design document's flow table and the simulation.
 *
 * @param table       the flow table, by its heading ("Virtual Machine 1 to Virtual Machine 4")
 * @param step        the step number the document gives the row, or null for a finding about the whole table
 * @param column      the column concerned ("Device", "Notes", "Step Number", ...), or null for a whole-table finding
 * @param document    what the document says (for a Notes number, just the number), or null
 * @param simulated   what the simulation says instead, or null when there is nothing to put in its place
 * @param kind        what sort of disagreement it is
 * @param explanation one line a reader can act on
 */
public record Finding(String table, Integer step, String column, String document, String simulated, Kind kind,
                      String explanation) {

    /** The sorts of disagreement. */
    public enum Kind {
        /** A cell disagrees with the simulated row it aligns to. */
        MISMATCH,
        /** The document has a row for an interface the simulated frame never crosses at that point. */
        EXTRA_ROW,
        /** A gap, repeat or backward jump in the step numbers. */
        NUMBERING,
        /** The table names an endpoint the scenario does not have, or names no endpoints at all. */
        UNKNOWN_ENDPOINT,
        /** The simulated frame never reaches the destination the table traces it to. */
        NOT_DELIVERED
    }

    /** One line for people: where, what, and what to do. */
    public String toText() {
        final StringBuilder s = new StringBuilder(kind.name()).append(' ').append(table);
        if (step != null) {
            s.append(", step ").append(step);
        }
        if (column != null) {
            s.append(", ").append(column);
        }
        if (document != null || simulated != null) {
            s.append(": document \"").append(document == null ? "" : document).append('"');
            if (simulated != null) {
                s.append(", simulation \"").append(simulated).append('"');
            }
        }
        return s.append(" - ").append(explanation).toString();
    }
}

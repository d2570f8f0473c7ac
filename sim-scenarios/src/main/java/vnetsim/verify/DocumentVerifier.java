package vnetsim.verify;

import java.util.List;

/**
 * Checks a design document's hand-written flow tables against a simulation: every row a table has must match the
 * simulated hop it aligns with (a table may leave hops out), and step numbers must run 1..n.
 */
public final class DocumentVerifier {

    private final FlowTableParser parser = new FlowTableParser();
    private final TableVerifier tables;

    /** @param simulator runs each table's flow in the scenario the document describes */
    public DocumentVerifier(final FlowSimulator simulator) {
        this.tables = new TableVerifier(simulator);
    }

    /** Finds the flow tables of {@code markdown} and verifies each; no tables gives an empty, agreeing result. */
    public Verification verify(final String markdown) {
        final List<FlowTable> found = parser.parse(markdown);
        final Report report = new Report();
        for (final FlowTable table : found) {
            tables.verify(table, report);
        }
        return new Verification(found, report.findings(), report.edits());
    }

    /** Just the findings of {@link #verify(String)}. */
    public List<Finding> findings(final String markdown) {
        return verify(markdown).findings();
    }
}

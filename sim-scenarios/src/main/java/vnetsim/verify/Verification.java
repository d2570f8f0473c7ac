package vnetsim.verify;

import java.util.List;

/**
 * The outcome of verifying one document: what was checked, what disagrees, and the edits that would fix it.
 *
 * @param tables   the flow tables found
 * @param findings the disagreements, table by table and row by row in document order
 * @param edits    the changes {@link DocumentFixer} applies to make the document agree
 */
public record Verification(List<FlowTable> tables, List<Finding> findings, List<Edit> edits) {

    /**
     * Keeps immutable copies of the lists.
     *
     * @param tables   the flow tables found
     * @param findings the disagreements, table by table and row by row in document order
     * @param edits    the changes {@link DocumentFixer} applies to make the document agree
     */
    public Verification {
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
        edits = List.copyOf(edits);
    }

    /** True when every table agrees with the simulation. */
    public boolean agrees() {
        return findings.isEmpty();
    }
}

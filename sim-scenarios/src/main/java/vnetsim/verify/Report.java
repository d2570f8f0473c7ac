package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings and the fixing edits of one verification as they are found. */
final class Report {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();

    /** Records a finding and the edits, if any, that fix it. */
    void add(final Finding finding, final Edit... fixes) {
        findings.add(finding);
        edits.addAll(List.of(fixes));
    }

    /** Records an edit no finding asks for by itself (renumbering after a deleted row). */
    void edit(final Edit edit) {
        edits.add(edit);
    }

    List<Finding> findings() {
        return findings;
    }

    List<Edit> edits() {
        return edits;
    }
}

package vnetsim.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites a document so its flow tables agree with the simulation: each wrong cell gets the simulated value (for a
 * number inside a note, just that number), rows the frame never passes are deleted, steps are renumbered 1..n in
 * the style they were written, and every other byte is left as it was.
 */
public final class DocumentFixer {

    private final DocumentVerifier verifier;

    /** @param verifier checks the document and supplies the edits */
    public DocumentFixer(final DocumentVerifier verifier) {
        this.verifier = verifier;
    }

    /** The corrected document. */
    public String fix(final String markdown) {
        return apply(markdown, verifier.verify(markdown).edits());
    }

    /** Applies {@code edits} to {@code text}; an edit overlapping one already applied on its line is skipped. */
    public static String apply(final String text, final List<Edit> edits) {
        final List<String> lines = new ArrayList<>(Lines.withTerminators(text));
        final List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::line).thenComparing(Comparator.comparingInt(Edit::start).reversed()));
        final boolean[] deleted = new boolean[lines.size() + 1];
        int lastLine = -1;
        int lastStart = Integer.MAX_VALUE;
        for (final Edit e : sorted) {
            if (e.line() < 1 || e.line() > lines.size()) {
                continue;
            }
            if (e.deletesLine()) {
                deleted[e.line()] = true;
                continue;
            }
            if (e.line() != lastLine) {
                lastLine = e.line();
                lastStart = Integer.MAX_VALUE;
            }
            if (e.end() > lastStart) {
                continue;
            }
            final String line = lines.get(e.line() - 1);
            lines.set(e.line() - 1, line.substring(0, e.start()) + e.replacement() + line.substring(e.end()));
            lastStart = e.start();
        }
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.size(); i++) {
            if (!deleted[i + 1]) {
                out.append(lines.get(i));
            }
        }
        return out.toString();
    }
}

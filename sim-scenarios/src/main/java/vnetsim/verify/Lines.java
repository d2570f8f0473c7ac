package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;

/** Splits a document into lines, with or without their terminators ("\n", "\r\n" or "\r"). */
final class Lines {

    private Lines() {
    }

    /** The lines without terminators; line {@code n} (1-based) is element {@code n - 1}. */
    static List<String> of(final String text) {
        final List<String> lines = new ArrayList<>();
        for (final String withEnd : withTerminators(text)) {
            lines.add(withEnd.replaceAll("(\\r\\n|\\r|\\n)$", ""));
        }
        return lines;
    }

    /** The lines each with its own terminator, so joining them gives back {@code text} byte for byte. */
    static List<String> withTerminators(final String text) {
        final List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}

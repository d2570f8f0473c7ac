package vnetsim.verify;

/**
 * ATX headings and "X to Y" flow titles, scanned by hand in one pass: the regular expressions they replace
 * ({@code ^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$} and {@code ^(.+?)\s+(?:to|→|->)\s+(.+)$}) backtrack quadratically on a
 * line with many spaces, and a document is text anyone can write. Results are those of the expressions.
 */
final class Headings {

    private Headings() {
    }

    /** The heading's text (closing #s and surrounding blanks removed), or null when the line is no heading. */
    static String text(final String line) {
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int hashes = 0;
        while (i < line.length() && line.charAt(i) == '#') {
            hashes++;
            i++;
        }
        if (hashes < 1 || hashes > 6 || i == line.length() || !isBlank(line.charAt(i))) {
            return null;
        }
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        int end = line.length();
        end = skipBack(line, i, end, true);
        while (end > i && line.charAt(end - 1) == '#') {
            end--;
        }
        end = skipBack(line, i, end, true);
        return line.substring(i, end);
    }

    /** {from, to} of a title "X to Y" ("→" and "->" work too, "to" in any case), or null. */
    static String[] flow(final String title) {
        final int n = title.length();
        int i = 1;
        while (i < n) {
            if (!isBlank(title.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isBlank(title.charAt(j))) {
                j++;
            }
            final int keyword = keywordLength(title, j);
            if (keyword > 0) {
                final int k = j + keyword;
                int m = k;
                while (m < n && isBlank(title.charAt(m))) {
                    m++;
                }
                if (m > k && m < n) {
                    return new String[] {title.substring(0, i), title.substring(m)};
                }
                if (m > k + 1) {                        // only blanks follow: the last one is Y, as the regex had it
                    return new String[] {title.substring(0, i), title.substring(n - 1)};
                }
            }
            i = j;
        }
        return null;
    }

    private static int keywordLength(final String s, final int at) {
        if (s.startsWith("→", at)) {
            return 1;
        }
        if (s.startsWith("->", at) || s.regionMatches(true, at, "to", 0, 2)) {
            return 2;
        }
        return 0;
    }

    private static int skipBack(final String s, final int floor, final int end, final boolean blanks) {
        int e = end;
        while (e > floor && isBlank(s.charAt(e - 1)) == blanks) {
            e--;
        }
        return e;
    }

    /** {@code \s} in a Java regular expression. */
    private static boolean isBlank(final char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}

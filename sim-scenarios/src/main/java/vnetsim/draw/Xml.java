package vnetsim.draw;

import java.util.Locale;

/** Escaping and number formatting for SVG, HTML and XML: fixed decimals, never the platform locale. */
final class Xml {
    private Xml() {
    }

    /**
     * Text for XML and HTML: markup characters as entities, control characters as spaces, and everything past
     * ASCII as a numeric character reference, so the output is plain ASCII and survives any locale or pipe.
     */
    static String esc(final String text) {
        final StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= 0x80) {
                final int cp = text.codePointAt(i);
                sb.append("&#").append(cp).append(';');
                i += Character.charCount(cp) - 1;
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String num(final double v) {
        final double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }
}

package vnetsim.draw;

/**
 * Text sizes the layout reserves room for. Box text is monospaced (every monospace face advances about 0.6 em
 * per character), so a box is wide enough in any browser; titles are sans-serif and get a generous estimate.
 */
final class Metrics {
    static final String MONO = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
    static final String SANS = "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif";
    static final double NAME_SIZE = 12;
    static final double DETAIL_SIZE = 11;
    static final double TITLE_SIZE = 15;
    static final double PAD_X = 10;
    static final double PAD_TOP = 8;
    static final double NAME_LINE = 16;
    static final double DETAIL_LINE = 15;
    static final double HOP_ROW = 22;
    static final double HOP_RADIUS = 9;
    static final double DROP_LINE = 14;
    static final double LABEL_LINE = 14;
    static final int DROP_WRAP = 34;

    private Metrics() {
    }

    static double mono(final String text, final double size) {
        return text.codePointCount(0, text.length()) * size * 0.62;
    }

    static double sans(final String text, final double size) {
        return text.codePointCount(0, text.length()) * size * 0.64;
    }

    /** Words wrapped into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static java.util.List<String> wrap(final String text, final int width) {
        final java.util.List<String> lines = new java.util.ArrayList<>();
        final StringBuilder line = new StringBuilder();
        for (final String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}

package vnetsim.io;

/**
 * A name a user gave, as an error message quotes it: control characters (a newline, a terminal escape) as '?', and
 * a name longer than {@link #SHOWN} characters cut, saying how long it was, so one bad argument (a pasted file, a
 * fuzzer's input) cannot flood or repaint a terminal. The cut never splits a character.
 */
public final class Quoted {
    /** Longest name quoted whole. */
    public static final int SHOWN = 80;

    private Quoted() {
    }

    /**
     * The name as a message should quote it.
     *
     * @param name what the user gave, any length
     * @return at most {@link #SHOWN} characters of it, without control characters, and its length when cut
     */
    public static String name(final String name) {
        int cut = name.length() > SHOWN ? SHOWN - 20 : name.length();
        if (cut < name.length() && Character.isHighSurrogate(name.charAt(cut - 1))) {
            cut--;                                        // never half a character
        }
        final StringBuilder s = new StringBuilder(cut + 32);
        name.substring(0, cut).codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (cut < name.length()) {
            s.append("... (").append(name.length()).append(" characters)");
        }
        return s.toString();
    }
}

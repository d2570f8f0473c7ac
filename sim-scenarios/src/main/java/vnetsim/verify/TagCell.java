package vnetsim.verify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Tagged/Untagged cell: "Tagged", "Untagged", "Tagged (2003)", "yes", "no", "2003". */
final class TagCell {

    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,4})\\b");

    private TagCell() {
    }

    /** Whether the cell says the frame is tagged, or null when it says neither. */
    static Boolean tagged(final String value) {
        final String v = value.toLowerCase(Locale.ROOT).trim();
        if (v.contains("untagged") || v.equals("no") || v.equals("none") || v.equals("native")) {
            return false;
        }
        if (v.contains("tagged") || v.equals("yes") || NUMBER.matcher(v).find()) {
            return true;
        }
        return null;
    }

    /** The VID the cell names, or null. */
    static Matcher vid(final String value) {
        final Matcher m = NUMBER.matcher(value);
        return m.find() ? m : null;
    }

    /** "Tagged" or "Untagged", in the capitalisation the document used. */
    static String word(final boolean tagged, final String documentValue) {
        final String word = tagged ? "Tagged" : "Untagged";
        if (!documentValue.matches(".*[A-Za-z].*")) {
            return word;
        }
        if (!documentValue.isEmpty() && documentValue.equals(documentValue.toLowerCase(Locale.ROOT))) {
            return word.toLowerCase(Locale.ROOT);
        }
        if (!documentValue.isEmpty() && documentValue.equals(documentValue.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        return word;
    }
}

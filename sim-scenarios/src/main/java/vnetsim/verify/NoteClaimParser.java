package vnetsim.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the claims a Notes cell makes: tags added, removed or changed, routing, switching. */
final class NoteClaimParser {

    private static final String TAG = "(?:(?:vlan|802\\.1q|dot1q)\\s+)?(?:tag|vlan|vid)(?:\\s+id)?\\s+";
    private static final Pattern ADDED = Pattern.compile(
            "\\b(?:add(?:s|ing|ed)?|push(?:es|ing|ed)?|insert(?:s|ing|ed)?|apply|applies|applying|applied)\\s+"
                    + "(?:the\\s+|a\\s+)?" + TAG + "(\\d{1,4})\\b"
                    + "|\\b" + TAG + "(\\d{1,4})\\s+(?:is\\s+|gets\\s+)?(?:added|pushed|inserted|applied)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVED = Pattern.compile(
            "\\b(?:remov(?:e|es|ing|ed)|strip(?:s|ping|ped)?|pop(?:s|ping|ped)?)\\s+(?:the\\s+|a\\s+)?" + TAG
                    + "(\\d{1,4})\\b"
                    + "|\\b" + TAG + "(\\d{1,4})\\s+(?:is\\s+|gets\\s+)?(?:removed|stripped|popped)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGED = Pattern.compile(
            "\\b(?:(?:vlan\\s+)?tag|vlan|vid)\\s+(?:is\\s+)?(?:changed|rewritten|swapped|translated)\\s+from\\s+"
                    + "(?:vlan\\s+)?(\\d{1,4})\\s+to\\s+(?:vlan\\s+)?(\\d{1,4})\\b"
                    + "|\\bretagged\\s+from\\s+(?:vlan\\s+)?(\\d{1,4})\\s+to\\s+(?:vlan\\s+)?(\\d{1,4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROUTED = Pattern.compile("\\brout(?:ed|ing|es)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SWITCHED = Pattern.compile("\\bswitch(?:ed|ing)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never|without)\\s+$",
            Pattern.CASE_INSENSITIVE);

    /** The claims in {@code note} (a cell value, backticks already stripped). */
    public NoteClaims parse(final String note) {
        final List<NoteClaims.Claim> claims = new ArrayList<>();
        addNumbered(claims, note, ADDED, NoteClaims.Type.TAG_ADDED);
        addNumbered(claims, note, REMOVED, NoteClaims.Type.TAG_REMOVED);
        addNumbered(claims, note, CHANGED, NoteClaims.Type.TAG_CHANGED);
        addWord(claims, note, ROUTED, NoteClaims.Type.ROUTED);
        addWord(claims, note, SWITCHED, NoteClaims.Type.SWITCHED);
        claims.sort(Comparator.comparingInt(NoteClaims.Claim::start));
        return new NoteClaims(claims);
    }

    private static void addNumbered(final List<NoteClaims.Claim> claims, final String note, final Pattern pattern,
                                    final NoteClaims.Type type) {
        final Matcher m = pattern.matcher(note);
        while (m.find()) {
            if (negated(note, m.start())) {
                continue;
            }
            final List<NoteClaims.Number> numbers = new ArrayList<>();
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    numbers.add(new NoteClaims.Number(Integer.parseInt(m.group(g)), m.start(g), m.end(g)));
                }
            }
            claims.add(new NoteClaims.Claim(type, m.start(), m.end(), numbers));
        }
    }

    private static void addWord(final List<NoteClaims.Claim> claims, final String note, final Pattern pattern,
                                final NoteClaims.Type type) {
        final Matcher m = pattern.matcher(note);
        if (m.find() && !negated(note, m.start())) {
            claims.add(new NoteClaims.Claim(type, m.start(), m.end(), List.of()));
        }
    }

    private static boolean negated(final String note, final int at) {
        return NEGATION.matcher(note.substring(Math.max(0, at - 12), at)).find();
    }
}

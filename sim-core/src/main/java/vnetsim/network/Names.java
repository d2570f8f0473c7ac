package vnetsim.network;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finding spec elements by name, and the closest names when one is missing. The edit distance is hand-written
 * (Levenshtein, 15 lines) rather than pulling in commons-text for one function.
 */
final class Names {
    private static final int SUGGESTIONS = 3;

    private Names() {
    }

    static <T> Optional<T> find(final List<T> items, final String name, final Function<T, String> key) {
        return items.stream().filter(t -> key.apply(t).equals(name)).findFirst();
    }

    /** The element named {@code name}, or an {@link UnknownNameException} listing the closest names. */
    static <T> T get(final List<T> items, final String name, final Function<T, String> key, final String what) {
        return find(items, name, key).orElseThrow(() ->
                UnknownNameException.of(what, name, items.stream().map(key).toList()));
    }

    /** Up to three candidates, nearest first; only those reasonably near (half the name's length, at least 3). */
    static List<String> closest(final String name, final List<String> candidates) {
        final String wanted = name.toLowerCase(Locale.ROOT);
        final int limit = Math.max(3, wanted.length() / 2);
        return candidates.stream().distinct()
                .filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT)) <= limit)
                .sorted(Comparator.comparingInt((String c) -> distance(wanted, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(SUGGESTIONS).toList();
    }

    static int distance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

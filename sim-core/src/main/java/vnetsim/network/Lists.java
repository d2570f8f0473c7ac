package vnetsim.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Copy-on-write edits of the spec's lists, keyed by name. */
final class Lists {
    private Lists() {
    }

    /** A copy with {@code item} in place of the element with the same key, or appended when there is none. */
    static <T> List<T> replaceOrAdd(final List<T> list, final T item, final Function<T, String> key) {
        final List<T> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (key.apply(copy.get(i)).equals(key.apply(item))) {
                copy.set(i, item);
                return List.copyOf(copy);
            }
        }
        copy.add(item);
        return List.copyOf(copy);
    }

    /** A copy without the elements whose key is {@code name}. */
    static <T> List<T> remove(final List<T> list, final String name, final Function<T, String> key) {
        final List<T> copy = new ArrayList<>(list);
        copy.removeIf(t -> key.apply(t).equals(name));
        return List.copyOf(copy);
    }
}

package vnetsim.analysis;

import java.util.List;

/**
 * Classes of ordered endpoint pairs known to behave alike (same outcome from a cold start), so a reachability
 * matrix traces one pair per class ({@link Reachability.Options#withEquivalence}). The what-if package derives
 * one from a network's description; a test compares it with full simulation.
 */
@FunctionalInterface
public interface PairEquivalence {
    /**
     * A key equal for two ordered pairs (by short id) only when they behave alike.
     *
     * @param from the sender's short id
     * @param to   the destination's short id
     * @return the pair's class key
     */
    long key(String from, String to);

    /**
     * The same keys for endpoints known by their position in a list. A matrix asks once per ordered pair (millions
     * of times on a large network, from several worker threads at once), so an equivalence that can look each
     * endpoint up once overrides this; the default looks both ids up on every call.
     *
     * @param ids endpoints' short ids; the indexes given to the result are positions in this list
     * @return keys by index, equal to {@link #key(String, String)} of the ids at those positions; safe to call
     *         from several threads at once
     */
    default Indexed indexed(final List<String> ids) {
        return (from, to) -> key(ids.get(from), ids.get(to));
    }

    /** {@link PairEquivalence#key(String, String)} for endpoints given by index in a fixed list. */
    @FunctionalInterface
    interface Indexed {
        /**
         * The pair's class key.
         *
         * @param from the sender's position in the list the keys were made for
         * @param to   the destination's position in that list
         * @return the key {@link PairEquivalence#key(String, String)} gives the two ids
         */
        long key(int from, int to);
    }
}

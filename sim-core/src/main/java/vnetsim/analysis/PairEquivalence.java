package vnetsim.analysis;

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
}

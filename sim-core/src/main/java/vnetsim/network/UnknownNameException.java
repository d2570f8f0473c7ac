package vnetsim.network;

import java.util.List;
import vnetsim.io.Quoted;

/** A name that the network does not have, with the closest names it does have. */
public final class UnknownNameException extends IllegalArgumentException {
    /** The missing name. */
    private final String name;
    /** The closest existing names. */
    private final List<String> closest;

    /** Most names listed when none is close: a user reads a short list, a long one says nothing. */
    private static final int LISTED = 16;

    private UnknownNameException(final String what, final String name, final List<String> closest,
                                 final List<String> all) {
        super("no " + what + " named '" + Quoted.name(name) + "'" + (!closest.isEmpty() ? "; closest: " + String.join(", ", closest)
                : all.isEmpty() ? "" : all.size() <= LISTED ? "; there are: " + String.join(", ", all)
                : "; there are " + all.size() + ", none close to it"));
        this.name = name;
        this.closest = List.copyOf(closest);
    }

    /**
     * A missing name with the existing names closest to it (edit distance, at most three); when none is close, the
     * message lists every name there is (up to 16, else how many).
     * @param what       what was looked for ("switch", "port on Switch")
     * @param name       the name given
     * @param candidates every name that exists
     */
    public static UnknownNameException of(final String what, final String name, final List<String> candidates) {
        return new UnknownNameException(what, name, Names.closest(name, candidates),
                candidates.stream().distinct().toList());
    }

    /** The name that was not found. */
    public String name() {
        return name;
    }

    /** Existing names closest to it (edit distance), best first, at most three. */
    public List<String> closest() {
        return closest;
    }
}

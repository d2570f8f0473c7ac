package vnetsim.network;

import java.util.List;

/** A name that the network does not have, with the closest names it does have. */
public final class UnknownNameException extends IllegalArgumentException {
    /** The missing name. */
    private final String name;
    /** The closest existing names. */
    private final List<String> closest;

    UnknownNameException(final String what, final String name, final List<String> closest) {
        super("no " + what + " named '" + name + "'" + (closest.isEmpty() ? ""
                : "; closest: " + String.join(", ", closest)));
        this.name = name;
        this.closest = List.copyOf(closest);
    }

    /**
     * A missing name with the existing names closest to it (edit distance, at most three).
     * @param what       what was looked for ("switch", "port on Switch")
     * @param name       the name given
     * @param candidates every name that exists
     */
    public static UnknownNameException of(final String what, final String name, final List<String> candidates) {
        return new UnknownNameException(what, name, Names.closest(name, candidates));
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

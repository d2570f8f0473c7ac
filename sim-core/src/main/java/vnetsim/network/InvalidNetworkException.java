package vnetsim.network;

import java.util.List;

/** A network that cannot be real: every problem found, each naming the element. */
public final class InvalidNetworkException extends IllegalArgumentException {
    /** One sentence per problem. */
    private final List<String> problems;

    InvalidNetworkException(final String network, final List<String> problems) {
        super("network '" + network + "' cannot be built:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem. */
    public List<String> problems() {
        return problems;
    }
}

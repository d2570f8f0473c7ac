package vnetsim.analysis;

import java.util.Collection;
import java.util.List;
import vnetsim.io.Quoted;

/**
 * A flow names an endpoint the network does not have. The one exception for it: tracing, the assertions and
 * {@code vnetsim verify} all throw and catch this class.
 */
public final class UnknownEndpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The name that was asked for. */
    private final String endpoint;
    /** The endpoints the network has, as the message lists them. */
    private final List<String> known;

    /**
     * @param endpoint the name that was asked for
     * @param known    the endpoints the network does have, as the message should list them (may be empty)
     */
    public UnknownEndpointException(final String endpoint, final Collection<String> known) {
        super("no endpoint '" + Quoted.name(endpoint) + "'; endpoints: " + String.join(", ", known));
        this.endpoint = endpoint;
        this.known = List.copyOf(known);
    }

    /** The name that was asked for. */
    public String endpoint() {
        return endpoint;
    }

    /** The endpoints the network does have. */
    public List<String> known() {
        return known;
    }
}

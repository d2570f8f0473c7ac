package vnetsim.verify;

import java.util.Collection;
import java.util.List;

/** Thrown by a {@link FlowSimulator} asked to trace from or to an endpoint its scenario does not have. */
public class UnknownEndpointException extends RuntimeException {

    private final String endpoint;
    private final List<String> known;

    /**
     * @param endpoint the name that was asked for
     * @param known    the endpoint names the scenario does have (may be empty when the simulator cannot list them)
     */
    public UnknownEndpointException(final String endpoint, final Collection<String> known) {
        super("no endpoint named '" + endpoint + "' in this scenario"
                + (known.isEmpty() ? "" : " (endpoints: " + String.join(", ", known) + ")"));
        this.endpoint = endpoint;
        this.known = List.copyOf(known);
    }

    /** The name that was asked for. */
    public String endpoint() {
        return endpoint;
    }

    /** The endpoint names the scenario has, possibly empty. */
    public List<String> known() {
        return known;
    }
}

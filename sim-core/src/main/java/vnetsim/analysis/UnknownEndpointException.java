package vnetsim.analysis;

import java.util.Collection;

/** A flow names an endpoint the network does not have. */
public final class UnknownEndpointException extends IllegalArgumentException {
    private final String endpoint;

    public UnknownEndpointException(final String endpoint, final Collection<String> known) {
        super("no endpoint '" + endpoint + "'; endpoints: " + String.join(", ", known));
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}

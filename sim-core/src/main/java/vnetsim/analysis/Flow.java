package vnetsim.analysis;

/**
 * One packet to trace: from an endpoint to an endpoint (short id or display name), of a protocol, with caches
 * warm (ARP and FDBs learned by an earlier exchange, as the documents' tables assume) or cold.
 */
public record Flow(String from, String to, Protocol protocol, boolean cold) {
    public static Flow icmp(final String from, final String to) {
        return new Flow(from, to, Protocol.ICMP, false);
    }

    public Flow coldStart() {
        return new Flow(from, to, protocol, true);
    }
}

package vnetsim.analysis;

/**
 * One packet to trace: from an endpoint to an endpoint (short id or display name), of a protocol, with caches
 * warm (ARP and FDBs learned by an earlier exchange, as the documents' tables assume) or cold.
 */
public record Flow(String from, String to, Protocol protocol, boolean cold) {
    /**
     * An ICMP echo request, as {@code ping} sends, with caches warm.
     *
     * @param from the sending endpoint, by short id ({@code vm1}) or display name
     * @param to   the destination endpoint, by short id or display name
     * @return the flow; nothing is resolved until it is traced
     */
    public static Flow icmp(final String from, final String to) {
        return new Flow(from, to, Protocol.ICMP, false);
    }

    /**
     * The same packet with every cache empty when it is sent: ARP tables and bridge/switch FDBs start unlearned, so
     * the trace includes the ARP exchange and the floods that precede the packet.
     *
     * @return a copy of this flow with {@code cold} set
     */
    public Flow coldStart() {
        return new Flow(from, to, protocol, true);
    }
}

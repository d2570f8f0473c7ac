package vnetsim.trace;

import java.util.List;

/**
 * What happened to one packet sent from one endpoint to another: the outcome, where it stopped if it did, its
 * path in the document and full views, and every frame event of the run (ARP, replies, flooded copies) in time
 * order.
 *
 * @param scenario     the scenario name
 * @param from         display name of the sender
 * @param to           display name of the endpoint addressed
 * @param protocol     "icmp", "udp" or "arp"
 * @param outcome      DELIVERED, DROPPED or LOOP
 * @param drop         where and why it stopped; null when delivered
 * @param documentPath the packet's path, one row per interface
 * @param fullPath     the packet's path, one row per ingress and egress
 * @param events       every frame event of the run, full view, in time order
 * @param cause        the root cause when not delivered: the drop of the packet the flow depended on (an ARP
 *                     request or reply, a flooded copy), or the traced packet's own drop; null when delivered
 * @param drops        every drop of the run, each with its packet, in time order
 */
public record Trace(String scenario, String from, String to, String protocol, Outcome outcome, Drop drop,
                    List<Step> documentPath, List<Step> fullPath, List<Step> events, PacketDrop cause,
                    List<PacketDrop> drops) {
    /** A trace; the lists are copied (immutable). */
    public Trace {
        documentPath = List.copyOf(documentPath);
        fullPath = List.copyOf(fullPath);
        events = List.copyOf(events);
        drops = List.copyOf(drops);
    }

    /** A trace without root-cause analysis (no cause, no drop list). */
    public Trace(final String scenario, final String from, final String to, final String protocol,
                 final Outcome outcome, final Drop drop, final List<Step> documentPath, final List<Step> fullPath,
                 final List<Step> events) {
        this(scenario, from, to, protocol, outcome, drop, documentPath, fullPath, events, null, List.of());
    }

    /** The steps in the given view: document (one row per interface) or full (every ingress and egress). */
    public List<Step> steps(final View view) {
        return view == View.DOCUMENT ? documentPath : fullPath;
    }

    /** The document view, which assertions and design-document checks read. */
    public List<Step> steps() {
        return documentPath;
    }

    /** Whether the packet reached its destination. */
    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }

    /** "ICMP vm1 -> vm3"-style title for messages. */
    public String title() {
        return protocol.toUpperCase(java.util.Locale.ROOT) + " " + from + " -> " + to;
    }
}

package vnetsim.trace;

import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;

/**
 * One row of a trace: a frame at one interface, in the full view (one row per ingress or egress) or the
 * document view (one row per interface the frame crossed, the design documents' granularity).
 *
 * <p>{@code tagged}/{@code vlan} describe the frame as it <em>arrives</em> at the interface (the documents'
 * convention: "Untagged" at the subinterface that adds the tag, "Tagged" at the one that removes it);
 * {@code vlanOut} is the outer VID as it leaves (null when it leaves untagged or does not leave). Both are
 * read from the frame bytes by the engine, never claimed by a device.
 *
 * @param step        1-based position in its view
 * @param source      display name of the endpoint that sent the traced packet
 * @param destination display name of the endpoint it is addressed to ("" when unknown, e.g. a flood)
 * @param device      display name of the device ("node0", "Switch", "Firewall", "Virtual Machine 1")
 * @param iface       interface name as the configuration spells it ("enp4s0f0.2003", "Ethernet1/3")
 * @param direction   IN or OUT in the full view; null in the document view
 * @param tagged      whether the frame carried an 802.1Q/802.1ad tag on arrival
 * @param vlan        outer VID on arrival, or null when untagged
 * @param vlanOut     outer VID on departure, or null when untagged or not sent on
 * @param srcMac      source MAC, "aa:bb:cc:dd:ee:ff"
 * @param dstMac      destination MAC
 * @param srcIp       IPv4 source (ARP: sender protocol address), or null
 * @param dstIp       IPv4 destination (ARP: target protocol address), or null
 * @param ttl         IPv4 TTL on arrival, or null when not IPv4
 * @param etherType   the EtherType after any tags (0x0800, 0x0806)
 * @param action      what the device did
 * @param dropReason  why the frame went no further, or null
 * @param note        the action in words, as a network engineer would write it in a design document
 * @param timeNs      virtual time of the event in nanoseconds (first event of the row in the document view)
 */
public record Step(int step, String source, String destination, String device, String iface,
                   Direction direction, boolean tagged, Integer vlan, Integer vlanOut,
                   String srcMac, String dstMac, String srcIp, String dstIp, Integer ttl, int etherType,
                   Action action, DropReason dropReason, String note, long timeNs) {

    /** "device / interface", the form used in messages. */
    public String place() {
        return device + " / " + iface;
    }

    /** "0x0800"-style EtherType text. */
    public String etherTypeText() {
        return String.format("0x%04x", etherType);
    }
}

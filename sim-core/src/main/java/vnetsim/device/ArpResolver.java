package vnetsim.device;

import vnetsim.device.l3.Neighbors;
import vnetsim.frame.Arp;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Packets;

/**
 * ARP as every IPv4 stack in this package does it (RFC 826, Linux neigh_resolve_output() and arp_process()): the
 * next hop's MAC from the neighbour cache, or the packet waits in the pending queue while the stack probes
 * {@link Neighbors#MAX_PROBES} times, {@link Neighbors#PROBE_INTERVAL_NS} apart, then gives up; a request or reply
 * for one of the stack's addresses teaches the sender's MAC, is answered when it is a request, and releases the
 * packets that waited for the sender. Rules and sources: {@code src/docs/forwarding-rules.md} sections 5, 6 and 8.
 *
 * <p>What differs between devices (which interface faces an address, its MAC and VLAN, which targets it answers
 * for, what a released or abandoned packet becomes) is the {@link Stack} the device gives. One resolver belongs to
 * one device instance: its cache is that simulation's learned state. Nothing here allocates in steady state (a
 * known neighbour): the pending queue is only touched while a neighbour is unknown.
 *
 * @param <I> the device's interface type (an address on a Linux host, a router's routed interface)
 */
final class ArpResolver<I> {
    /**
     * What a device that only answers ARP tells its resolver (a server that never resolves anyone: it replies to
     * the MAC a request carries). Every method is called on the data path and must not allocate.
     */
    interface Responder<I> {
        /** Whether an ARP request or reply for {@code target} arriving on {@code in} is for this stack. */
        boolean answersFor(int target, I in);

        /** The MAC an interface sends ARP from (its port's MAC). */
        long mac(I iface);

        /** Sends a frame the stack built (untagged) out of an interface, tagged with its VID when it has one. */
        void send(Frame frame, I iface, Action action, Egress out);
    }

    /** What a device that resolves its next hops tells its resolver; must not allocate either. */
    interface Stack<I> extends Responder<I> {
        /** The interface on whose subnet {@code address} is, or null when none is (nothing is probed). */
        I facing(int address);

        /** The IPv4 address an interface sends ARP requests from. */
        int ip(I iface);

        /** Transmits a packet that waited for its next hop, now resolved to {@code mac}, out of {@code egress}. */
        void release(Frame waiting, I egress, long mac, Egress out);

        /** Disposes of a packet whose next hop {@code target} never answered (drop, ICMP host unreachable). */
        void unreachable(Frame waiting, int target, Egress out);
    }

    private final Responder<I> responder;
    /** Null for a resolver that only answers: then nothing is learned, queued or probed. */
    private final Stack<I> stack;
    private final Neighbors neighbors = new Neighbors();

    /** A resolver with an empty cache for the device behind {@code stack}. */
    ArpResolver(final Stack<I> stack) {
        this.responder = stack;
        this.stack = stack;
    }

    private ArpResolver(final Responder<I> responder) {
        this.responder = responder;
        this.stack = null;
    }

    /** A resolver that answers requests for the device behind {@code responder} and learns nothing. */
    static <I> ArpResolver<I> answering(final Responder<I> responder) {
        return new ArpResolver<>(responder);
    }

    /** The cache itself, for configuration ({@code ip neigh add}) and inspection. */
    Neighbors neighbors() {
        return neighbors;
    }

    /**
     * The MAC of {@code nextHop} when the cache knows it: the caller transmits. Otherwise the frame is queued (the
     * first one waiting sends the first probe) and {@link Neighbors#UNKNOWN} is returned: the caller is done.
     */
    long resolveOrQueue(final Frame frame, final int nextHop, final Egress out) {
        final long mac = neighbors.lookup(nextHop);
        if (mac == Neighbors.UNKNOWN && neighbors.enqueue(nextHop, frame)) {
            probe(nextHop, out);
        }
        return mac;
    }

    /** One ARP request for {@code target} from the interface facing it, and the retry timer; false when not sent. */
    private boolean probe(final int target, final Egress out) {
        final I egress = stack.facing(target);
        if (egress == null || !neighbors.countProbe(target)) {
            return false;
        }
        final Frame request = Packets.arpRequest(out.newFrame(), stack.mac(egress), stack.ip(egress), target);
        stack.send(request, egress, Action.ORIGINATED, out);
        out.schedule(Neighbors.PROBE_INTERVAL_NS, target);
        return true;
    }

    /**
     * The retry timer for {@code target} fired: nothing when it resolved in the meantime, else the next probe, else
     * (probes used up) every packet that waited for it goes to {@link Stack#unreachable}.
     */
    void onTimer(final int target, final Egress out) {
        if (!neighbors.isPending(target) || probe(target, out)) {
            return;
        }
        for (final Frame waiting : neighbors.release(target)) {
            stack.unreachable(waiting, target, out);
        }
    }

    /**
     * arp_process() for an ARP packet that arrived on {@code in} (its L2 header already handled): not Ethernet/IPv4
     * ARP, dropped {@link DropReason#UNHANDLED_PROTOCOL}; a target the stack does not answer for, dropped
     * {@link DropReason#ARP_NOT_FOR_THIS_HOST} (no proxy ARP); otherwise the sender is learned, the packet delivered,
     * a request answered from {@code in} with the target address, and the packets waiting for the sender released
     * (an {@link #answering} resolver only delivers and answers).
     */
    void receive(final Frame frame, final int port, final I in, final Egress out) {
        final byte[] b = frame.bytes();
        final int arp = frame.l3Offset();
        if (!Arp.isEthernetIpv4(b, arp, frame.end() - arp)) {
            out.drop(frame, port, DropReason.UNHANDLED_PROTOCOL, EtherType.ARP);
            return;
        }
        final int target = Arp.targetIp(b, arp);
        if (!responder.answersFor(target, in)) {
            out.drop(frame, port, DropReason.ARP_NOT_FOR_THIS_HOST, target);
            return;
        }
        final int sender = Arp.senderIp(b, arp);
        final long senderMac = Arp.senderMac(b, arp);
        final boolean request = Arp.operation(b, arp) == Arp.REQUEST;
        if (stack != null) {
            neighbors.learn(sender, senderMac);                     // a target also learns the requester
        }
        out.deliver(frame, port);
        if (request) {
            responder.send(Packets.arpReply(out.newFrame(), responder.mac(in), target, senderMac, sender), in,
                    Action.REPLIED, out);
        }
        if (stack != null && neighbors.isPending(sender)) {
            final I egress = stack.facing(sender);
            if (egress != null) {
                for (final Frame waiting : neighbors.release(sender)) {
                    stack.release(waiting, egress, senderMac, out);
                }
            }
        }
    }

    /** Forgets the cache and the pending queue (a cold start, {@code ip neigh flush}, a changed MAC). */
    void clear() {
        neighbors.clear();
    }
}

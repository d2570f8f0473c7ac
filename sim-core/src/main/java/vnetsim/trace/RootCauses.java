package vnetsim.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import vnetsim.device.Action;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.InterfaceAddress;
import vnetsim.device.Refusal;
import vnetsim.device.Role;
import vnetsim.device.Switching;
import vnetsim.engine.StepLog;
import vnetsim.frame.EtherType;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.VlanTag;
import vnetsim.topology.Topology;

/**
 * Finds the root cause of a failed flow in a run's {@link StepLog}. A packet that waited for ARP and was
 * dropped "neighbour unreachable" failed because the ARP request or its reply failed somewhere: that drop is the
 * cause. A flood drops nothing at the port it leaves out (br_flood() and a switch's flood skip ports that do not
 * carry the VLAN), so when no copy was dropped for a reason of its own, the cause is found by following the
 * cabling from the sender towards the address's owner and asking the first L2 device that did not send the frame
 * on ({@link Switching#egressRefusal}) why: "VLAN 2004 is not allowed on the egress port" at Switch/Ethernet1/3.
 * Runs after the simulation, never on the frame path.
 */
final class RootCauses {
    private final Topology topology;
    private final StepLog log;
    private final Notes notes;

    RootCauses(final Topology topology, final StepLog log, final Notes notes) {
        this.topology = topology;
        this.log = log;
        this.notes = notes;
    }

    /** Every drop of the run, with its packet, in time order. */
    List<PacketDrop> drops() {
        final List<PacketDrop> drops = new ArrayList<>();
        for (int e = 0; e < log.size(); e++) {
            if (log.action(e) == Action.DROPPED) {
                drops.add(dropAt(e, packetText(e)));
            }
        }
        return drops;
    }

    /**
     * The root cause of the traced packet ending at {@code end} (not delivered): the drop of the packet it
     * depended on, or its own drop.
     */
    PacketDrop causeOf(final int end, final int packet, final int to) {
        if (end < 0) {
            return null;
        }
        final DropReason reason = log.dropReason(end);
        if (reason == DropReason.NEIGHBOR_UNREACHABLE) {
            final PacketDrop arp = arpCause(log.device(end), log.detail(end));
            if (arp != null) {
                return arp;
            }
        } else if (reason == DropReason.NO_EGRESS_PORT || log.action(end) != Action.DROPPED) {
            final PacketDrop stop = whereStopped(e -> log.packet(e) == packet, packetText(end),
                    firstDevice(packet), to);
            if (stop != null) {
                return stop;
            }
        }
        return log.action(end) == Action.DROPPED ? dropAt(end, packetText(end)) : null;
    }

    /** Why {@code requester}'s ARP for {@code target} got no answer. */
    private PacketDrop arpCause(final int requester, final int target) {
        final IntPredicate request = e -> log.etherType(e) == EtherType.ARP && log.destinationIp(e) == target
                && log.sourceIp(e) != target;
        final IntPredicate reply = e -> log.etherType(e) == EtherType.ARP && log.sourceIp(e) == target;
        final String requestText = "ARP request who-has " + Ipv4Address.format(target);
        final PacketDrop replyDrop = significantDrop(reply);
        if (replyDrop != null) {
            return replyDrop;
        }
        final PacketDrop requestDrop = significantDrop(request);
        if (requestDrop != null) {
            return requestDrop;
        }
        final int owner = ownerOf(target);
        if (owner < 0) {
            return new PacketDrop(requestText, topology.device(requester).host(),
                    topology.device(requester).interfaceName(0),
                    "no device in the network has the address " + Ipv4Address.format(target), null);
        }
        final PacketDrop requestStop = whereStopped(request, requestText, requester, owner);
        if (requestStop != null) {
            return requestStop;
        }
        return whereStopped(reply, "ARP reply " + Ipv4Address.format(target) + " is-at",
                owner, requester);
    }

    /** The first drop of a matching frame that is not a bystander ignoring a flood. */
    private PacketDrop significantDrop(final IntPredicate packet) {
        for (int e = 0; e < log.size(); e++) {
            if (log.action(e) == Action.DROPPED && packet.test(e) && !TraceBuilder.isBystander(log.dropReason(e))) {
                return dropAt(e, packetText(e));
            }
        }
        return null;
    }

    /**
     * Follows the cabling from {@code from} to {@code to} through L2 devices and kernel plumbing, and returns
     * where the matching frames stopped: the first device that received them but did not send them on towards
     * {@code to} (with its own reason), or the first link they left by and never arrived over. Null when they
     * went all the way or no such path exists.
     */
    private PacketDrop whereStopped(final IntPredicate packet, final String packetText, final int from,
                                    final int to) {
        if (from < 0 || to < 0) {
            return null;
        }
        final int[][] hops = path(from, to);
        if (hops == null) {
            return null;
        }
        int arrival = -1;                             // the frame's ingress event at the current device
        for (final int[] hop : hops) {
            final int device = hop[0];
            final int port = hop[1];
            final int sent = find(packet, device, port, Direction.OUT);
            final Device d = topology.device(device);
            if (sent < 0) {
                if (arrival < 0 && device != from) {
                    return null;
                }
                return refusalAt(d, device, port, arrival, packetText);
            }
            final int peer = topology.peerDevice(device, port);
            final int peerPort = topology.peerPort(device, port);
            arrival = find(packet, peer, peerPort, Direction.IN);
            if (arrival < 0) {
                return new PacketDrop(packetText, d.host(), d.interfaceName(port),
                        topology.isLinkUp(device, port) ? "sent, never arrived at "
                                + topology.device(peer).host() + "/" + topology.device(peer).interfaceName(peerPort)
                                : DropReason.LINK_DOWN.describe(0), DropReason.LINK_DOWN);
            }
        }
        return null;
    }

    private PacketDrop refusalAt(final Device d, final int device, final int port, final int arrival,
                                 final String packetText) {
        final String flooded = arrival >= 0 && MacAddress.isMulticast(log.destinationMac(arrival))
                ? ", flooded by " + d.host() + " but not out " + d.interfaceName(port) : "";
        if (d instanceof Switching sw && arrival >= 0 && log.device(arrival) == device) {
            final int vlan = log.vlan(arrival);
            final Refusal refusal = sw.egressRefusal(log.port(arrival), vlan == VlanTag.UNTAGGED ? -1 : vlan, port,
                    log.time(arrival));
            if (refusal != null) {
                final String membership = refusal.reason() == DropReason.VLAN_NOT_ALLOWED_EGRESS
                        ? sw.vlanMembership(port) : null;
                return new PacketDrop(packetText(arrival) + flooded, d.host(), d.interfaceName(port), membership == null
                        ? refusal.text() : d.portName(port) + " is in " + membership + ", not in VLAN " + refusal.detail(),
                        refusal.reason());
            }
        }
        if (!topology.isLinkUp(device, port)) {
            return new PacketDrop(packetText, d.host(), d.interfaceName(port), DropReason.LINK_DOWN.describe(0),
                    DropReason.LINK_DOWN);
        }
        return null;
    }

    private int find(final IntPredicate packet, final int device, final int port, final Direction direction) {
        for (int e = 0; e < log.size(); e++) {
            if (log.device(e) == device && log.port(e) == port && log.direction(e) == direction && packet.test(e)) {
                return e;
            }
        }
        return -1;
    }

    /**
     * The shortest cabling path from one device to another through L2 devices and kernel plumbing: each element
     * is {device, port it leaves by}. Null when there is none.
     */
    private int[][] path(final int from, final int to) {
        final int n = topology.deviceCount();
        final int[] previous = new int[n];
        final int[] previousPort = new int[n];
        Arrays.fill(previous, -2);
        previous[from] = -1;
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            final int d = queue.poll();
            if (d == to) {
                break;
            }
            if (d != from && !isTransit(d)) {
                continue;
            }
            for (int p = 0; p < topology.device(d).portCount(); p++) {
                final int peer = topology.peerDevice(d, p);
                if (peer >= 0 && previous[peer] == -2) {
                    previous[peer] = d;
                    previousPort[peer] = p;
                    queue.add(peer);
                }
            }
        }
        if (previous[to] == -2) {
            return null;
        }
        final List<int[]> reversed = new ArrayList<>();
        for (int d = to; previous[d] >= 0; d = previous[d]) {
            reversed.add(new int[] {previous[d], previousPort[d]});
        }
        final int[][] hops = new int[reversed.size()][];
        for (int i = 0; i < hops.length; i++) {
            hops[i] = reversed.get(hops.length - 1 - i);
        }
        return hops;
    }

    private boolean isTransit(final int device) {
        final Role role = topology.device(device).role();
        return role == Role.L2_SWITCHING || role == Role.KERNEL_PLUMBING;
    }

    private int ownerOf(final int ip) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (final InterfaceAddress a : topology.device(d).addresses()) {
                if (a.ip() == ip) {
                    return d;
                }
            }
        }
        return -1;
    }

    /** The device that sent the packet's first frame. */
    private int firstDevice(final int packet) {
        for (int e = 0; e < log.size(); e++) {
            if (log.packet(e) == packet) {
                return log.device(e);
            }
        }
        return -1;
    }

    private PacketDrop dropAt(final int e, final String packetText) {
        final Device d = topology.device(log.device(e));
        return new PacketDrop(packetText, d.host(), d.interfaceName(log.port(e)), notes.dropText(e),
                log.dropReason(e));
    }

    /** "ARP request who-has 172.16.5.10 tell 172.16.5.1", "ICMP 172.16.4.208 > 172.16.5.10", "UDP ...". */
    String packetText(final int e) {
        final int type = log.etherType(e);
        final String tag = log.vlan(e) == VlanTag.UNTAGGED ? "" : " (VLAN " + log.vlan(e) + ")";
        if (type == EtherType.ARP) {
            return MacAddress.isBroadcast(log.destinationMac(e))
                    ? "ARP request who-has " + Ipv4Address.format(log.destinationIp(e)) + " tell "
                            + Ipv4Address.format(log.sourceIp(e)) + tag
                    : "ARP reply " + Ipv4Address.format(log.sourceIp(e)) + " is-at "
                            + MacAddress.format(log.sourceMac(e)) + tag;
        }
        if (type == EtherType.IPV4) {
            return "IPv4 " + Ipv4Address.format(log.sourceIp(e)) + " > " + Ipv4Address.format(log.destinationIp(e))
                    + tag;
        }
        return String.format("EtherType 0x%04x", type) + tag;
    }
}

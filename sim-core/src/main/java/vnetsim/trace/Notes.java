package vnetsim.trace;

import vnetsim.device.Action;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.Role;
import vnetsim.engine.StepLog;
import vnetsim.frame.EtherType;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.VlanTag;
import vnetsim.topology.Topology;

/**
 * Turns recorded actions into the words a network engineer writes in a design document. Built after a run,
 * never on the frame path.
 */
final class Notes {
    private final Topology topology;
    private final StepLog log;

    Notes(final Topology topology, final StepLog log) {
        this.topology = topology;
        this.log = log;
    }

    /** A full-view note for one event. */
    String forEvent(final int e) {
        final Device device = topology.device(log.device(e));
        final Action action = log.action(e);
        final String port = device.portName(log.port(e));
        final String packet = packetSummary(e);
        return switch (action) {
            case DROPPED -> "Dropped: " + dropText(e) + " (" + packet + ")";
            case DELIVERED -> "Delivered to " + device.host() + " (" + packet + ")";
            case RECEIVED -> log.direction(e) == Direction.IN
                    ? "Arrives on " + port + " (" + packet + ")"
                    : "Handed up to " + peerInterface(e);
            case ORIGINATED -> "Sent by " + device.host() + " (" + packet + ")";
            case REPLIED -> "Answer sent by " + device.host() + " (" + packet + ")";
            case SWITCHED -> device.isHostPort(log.port(e))          // a bridge passing the frame to its own stack
                    ? "Passed up to " + port + " (its own MAC: a local FDB entry)"
                    : "Switched out " + port + " (destination learned)";
            case FLOODED -> "Flooded out " + port + floodCause(e);
            case TAG_PUSHED -> "Adding VLAN tag " + log.vlan(e) + " via VLAN interface";
            case TAG_POPPED -> "Removing VLAN tag via VLAN interface";
            case TRANSMITTED -> "Out on the wire" + tagText(log.vlan(e));
            case ROUTED -> "Routed, " + (log.vlan(e) < 0 ? "untagged" : "tag now " + log.vlan(e)) + ", TTL "
                    + log.ttl(e);
            case ENCAPSULATED -> "Encapsulated in Geneve (UDP 6081) to " + Ipv4Address.format(log.destinationIp(e))
                    + " out " + port;
            case DECAPSULATED -> "Geneve headers removed, inner frame handed to " + port;
        };
    }

    /**
     * A document-view note for a row: {@code noted} is the event of the device that acted (the row's first event,
     * or the arrival at the host a bridge passed the frame up to; its drop event for a drop), {@code in} that
     * device's arrival event (or -1), {@code out} its departure event (or -1), {@code following} the path
     * event after the arrival, else after the row (or -1), {@code action} the row's action, {@code first} the row's
     * first event (a host's routed departure when it sent the frame into a bridge of the same name).
     */
    String forRow(final Action action, final int noted, final int in, final int out, final int following,
                  final int first) {
        final Device device = topology.device(log.device(noted));
        final String noun = device.noun();
        final boolean perPort = device.kind().portsAreInterfaces();     // a switch port, not a bridge device
        final String exit = exitLead(first, noted);
        return switch (action) {
            case ORIGINATED -> "Exiting " + noun + " interface";
            case REPLIED -> "Answer sent by " + device.host();
            case DELIVERED -> device.role() == Role.HOST_STACK ? "Entering " + noun + " interface"
                    : "Delivered to " + device.host();
            case DROPPED -> "Dropped: " + dropText(noted);
            case SWITCHED -> perPort
                    ? "Arrives at " + noun + vlanWords(switchVlan(in, out, following)) + ", switched to "
                            + nextInterface(following)
                    : exit + (exit.isEmpty() ? "Switched" : "switched") + " by " + noun;
            case FLOODED -> perPort
                    ? "Arrives at " + noun + vlanWords(log.vlan(in)) + ", flooded" + floodCause(in)
                    : exit + (exit.isEmpty() ? "Flooded" : "flooded") + " by " + noun + floodCause(in);
            case TAG_PUSHED -> "Adding VLAN tag " + log.vlan(out) + " via " + noun;
            case TAG_POPPED -> "Removing VLAN tag " + log.vlan(in) + " via " + noun;
            case TRANSMITTED -> perPort ? "Departing " + noun + " to " + peerHost(out)
                    : device.role() == Role.L3_ROUTING                                  // a routed port
                            ? "Exiting via " + device.routedExit(log.port(out >= 0 ? out : noted))
                    : "Exiting via " + noun;
            case RECEIVED -> "Entering via " + noun;
            case ROUTED -> routedNote(device, in, out >= 0 ? out
                    : following >= 0 && log.device(following) == log.device(noted) ? following : -1);
            case ENCAPSULATED -> encapsulatedNote(following >= 0 && log.action(following) == Action.ENCAPSULATED
                    ? following : out >= 0 ? out : noted);
            case DECAPSULATED -> "Geneve headers removed on " + device.host() + ", inner frame to "
                    + device.portName(log.port(following >= 0 && log.action(following) == Action.DECAPSULATED
                    ? following : noted));
        };
    }

    /**
     * "Exiting via cni0, " when the row starts with a routing host sending the frame out of an interface that is a
     * bridge of the same name (the bridge's own device port), whose switching the row then shows; else "".
     */
    private String exitLead(final int first, final int noted) {
        if (first == noted || log.direction(first) != Direction.OUT || log.device(first) == log.device(noted)) {
            return "";
        }
        final Device host = topology.device(log.device(first));
        return host.role() == Role.L3_ROUTING ? "Exiting via " + host.routedExit(log.port(first)) + ", " : "";
    }

    /** " in VLAN 100", or " untagged" where no VLAN applies (a macvlan lower device). */
    private static String vlanWords(final int vlan) {
        return vlan < 0 ? " untagged" : " in VLAN " + vlan;
    }

    /** The VLAN a switch put the frame in: its tag on arrival, else (an access port) its tag on leaving. */
    private int switchVlan(final int in, final int out, final int following) {
        if (in >= 0 && log.vlan(in) >= 0) {
            return log.vlan(in);
        }
        final int left = out >= 0 ? out : following;
        return left >= 0 && log.vlan(left) >= 0 ? log.vlan(left) : log.vlan(in);
    }

    /** The encapsulated frame's outer addresses, as tcpdump on the underlay shows them. */
    private String encapsulatedNote(final int e) {
        return "Encapsulated in Geneve (outer " + Ipv4Address.format(log.sourceIp(e)) + " -> "
                + Ipv4Address.format(log.destinationIp(e)) + ", UDP 6081), out " + topology.device(log.device(e))
                .interfaceName(log.port(e));
    }

    /** "Routed 172.16.4.0/24 -> 172.16.5.0/24, ACLs evaluated (permit), tag changed ..., TTL 64 -> 63, ...". */
    private String routedNote(final Device device, final int in, final int out) {
        final StringBuilder sb = new StringBuilder("Routed");
        if (device.role() == Role.L3_ROUTING && in >= 0 && out >= 0) {
            final String from = device.routeText(log.sourceIp(in));
            final String to = device.routeText(log.destinationIp(in));
            if (from != null && to != null) {
                sb.append(' ').append(from).append(" -> ").append(to);
            }
            if (log.sourceIp(in) != log.sourceIp(out)) {
                sb.append(", source NAT ").append(Ipv4Address.format(log.sourceIp(in))).append(" -> ")
                        .append(Ipv4Address.format(log.sourceIp(out)));
            } else if (log.destinationIp(in) != log.destinationIp(out)) {
                sb.append(", destination NAT ").append(Ipv4Address.format(log.destinationIp(in))).append(" -> ")
                        .append(Ipv4Address.format(log.destinationIp(out)));
            } else if (device.filtersRoutedTraffic()) {
                sb.append(", ACLs evaluated (permit)");
            }
            if (log.vlan(out) < 0 && log.vlan(in) >= 0) {
                sb.append(", tag ").append(log.vlan(in)).append(" removed");        // out of a routed port
            } else if (log.vlan(in) < 0 && log.vlan(out) >= 0) {
                sb.append(", tag ").append(log.vlan(out)).append(" added");         // in on a routed port
            } else if (log.vlan(in) != log.vlan(out)) {
                sb.append(", tag changed from ").append(log.vlan(in)).append(" to ").append(log.vlan(out));
            }
            sb.append(", TTL ").append(log.ttl(in)).append(" -> ").append(log.ttl(out));
            sb.append(", source MAC now ").append(MacAddress.format(log.sourceMac(out)));
        }
        return sb.toString();
    }

    String dropText(final int e) {
        final DropReason reason = log.dropReason(e);
        return reason == null ? "unknown" : reason.describe(log.detail(e), log.sourceMac(e), log.destinationMac(e));
    }

    private String floodCause(final int e) {
        if (e < 0) {
            return "";
        }
        final long dst = log.destinationMac(e);
        if (MacAddress.isBroadcast(dst)) {
            return " (broadcast)";
        }
        return MacAddress.isMulticast(dst) ? " (multicast)" : " (unknown unicast: destination not learned)";
    }

    private String nextInterface(final int next) {
        if (next < 0) {
            return "?";
        }
        return topology.device(log.device(next)).interfaceName(log.port(next));
    }

    private String peerInterface(final int e) {
        final int peer = topology.peerDevice(log.device(e), log.port(e));
        return peer < 0 ? "nothing (not connected)" : topology.device(peer).interfaceName(0);
    }

    private String peerHost(final int out) {
        if (out < 0) {
            return "?";
        }
        final int peer = topology.peerDevice(log.device(out), log.port(out));
        return peer < 0 ? "nothing" : topology.device(peer).host();
    }

    private static String tagText(final int vlan) {
        return vlan == VlanTag.UNTAGGED ? ", untagged" : ", tagged " + vlan;
    }

    /** "ICMP echo request 172.16.4.10 > 172.16.5.10", "ARP who-has 172.16.4.1 tell 172.16.4.10". */
    String packetSummary(final int e) {
        final int type = log.etherType(e);
        if (type == EtherType.ARP) {
            return "ARP " + Ipv4Address.format(log.sourceIp(e)) + " -> " + Ipv4Address.format(log.destinationIp(e));
        }
        if (type == EtherType.IPV4) {
            return "IPv4 " + Ipv4Address.format(log.sourceIp(e)) + " > " + Ipv4Address.format(log.destinationIp(e))
                    + " ttl " + log.ttl(e);
        }
        return String.format("EtherType 0x%04x", type);
    }
}

package vnetsim.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vnetsim.device.Action;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.InterfaceAddress;
import vnetsim.device.Role;
import vnetsim.engine.StepLog;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.frame.VlanTag;
import vnetsim.topology.Topology;

/**
 * Materialises a {@link Trace} from a run's {@link StepLog}: finds where the traced packet ended, walks back its
 * path (a flood makes a tree; the path is the branch that reached the destination, or the drop that matters),
 * and renders both views with names and notes. Runs after the simulation, never on the frame path.
 */
public final class TraceBuilder {
    private final Topology topology;
    private final StepLog log;
    private final Notes notes;
    private final Map<Integer, String> namesByIp = new HashMap<>();
    private int[] stepOfEvent = new int[0];

    /** Reads a run's {@code log} against the {@code topology} it was simulated on. */
    public TraceBuilder(final Topology topology, final StepLog log) {
        this.topology = topology;
        this.log = log;
        this.notes = new Notes(topology, log);
        for (final Device d : topology.devices()) {
            for (final InterfaceAddress a : d.addresses()) {
                namesByIp.put(a.ip(), d.host());
            }
        }
    }

    /**
     * After {@link #build}: for each event of the log, the document-view step that shows it (1-based), or 0 when no
     * row does (a hidden port, another packet, a flood copy off the path). Captures put it in their comments.
     */
    public int[] documentStepOfEvent() {
        return stepOfEvent.clone();
    }

    /**
     * @param packet   the traced packet's id (from {@code Simulator.ping} and friends)
     * @param from     sender endpoint index
     * @param to       endpoint index the packet is addressed to
     */
    public Trace build(final String scenario, final String protocol, final int packet, final int from, final int to) {
        final String fromName = topology.device(from).host();
        final String toName = topology.device(to).host();
        final List<Step> events = new ArrayList<>(log.size());
        for (int e = 0; e < log.size(); e++) {
            events.add(fullStep(e, e + 1, namesFor(e, packet, fromName, toName)));
        }
        final int end = terminalEvent(packet, to);
        final List<Integer> path = pathTo(end);
        final Outcome outcome = outcomeOf(end, to);
        final List<Step> fullPath = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            fullPath.add(fullStep(path.get(i), i + 1, new String[] {fromName, toName}));
        }
        final Drop drop = outcome == Outcome.DELIVERED || end < 0 ? null : dropOf(end, path, outcome);
        final RootCauses causes = new RootCauses(topology, log, notes);
        final PacketDrop cause = outcome == Outcome.DELIVERED ? null
                : outcome == Outcome.LOOP && drop != null
                        ? new PacketDrop(causes.packetText(end), drop.device(), drop.iface(), drop.reason(),
                                DropReason.HOP_LIMIT)
                        : causes.causeOf(end, packet, to);
        return new Trace(scenario, fromName, toName, protocol, outcome, drop,
                documentView(path, fromName, toName), fullPath, events, cause, causes.drops());
    }

    // ---- where did the packet end -----------------------------------------------------------------------------

    /**
     * A loop first (a storm is the finding even when one copy also arrived; the traced packet's own, else the
     * first packet of the run that went round, such as the ARP request it waited for), then delivery at the
     * destination, then the drop that matters (not a flood copy ignored by a bystander).
     */
    private int terminalEvent(final int packet, final int to) {
        int anyLoop = -1;
        for (int e = 0; e < log.size() && anyLoop < 0; e++) {
            if (log.dropReason(e) == DropReason.HOP_LIMIT) {
                anyLoop = e;
            }
        }
        int delivered = -1;
        int significantDrop = -1;
        int anyDrop = -1;
        int lastEvent = -1;
        for (int e = 0; e < log.size(); e++) {
            if (log.packet(e) != packet) {
                continue;
            }
            lastEvent = e;
            if (log.action(e) == Action.DELIVERED && log.device(e) == to && delivered < 0) {
                delivered = e;
            }
            if (log.action(e) == Action.DROPPED) {
                final DropReason reason = log.dropReason(e);
                if (reason == DropReason.HOP_LIMIT) {
                    return e;
                }
                anyDrop = e;
                if (!isBystander(reason)) {
                    significantDrop = e;
                }
            }
        }
        if (anyLoop >= 0) {
            return anyLoop;
        }
        if (delivered >= 0) {
            return delivered;
        }
        if (significantDrop >= 0) {
            return significantDrop;
        }
        return anyDrop >= 0 ? anyDrop : lastEvent;
    }

    /** Drops every flood produces at hosts that were never the destination. */
    static boolean isBystander(final DropReason reason) {
        return reason == DropReason.NOT_ADDRESSED_TO_HOST || reason == DropReason.ARP_NOT_FOR_THIS_HOST
                || reason == DropReason.IP_NOT_FOR_THIS_HOST || reason == DropReason.NO_EGRESS_PORT;
    }

    private Outcome outcomeOf(final int end, final int to) {
        if (end >= 0 && log.dropReason(end) == DropReason.HOP_LIMIT) {
            return Outcome.LOOP;
        }
        if (end >= 0 && log.action(end) == Action.DELIVERED && log.device(end) == to) {
            return Outcome.DELIVERED;
        }
        return Outcome.DROPPED;
    }

    private List<Integer> pathTo(final int end) {
        final List<Integer> reversed = new ArrayList<>();
        for (int e = end; e >= 0; e = log.parent(e)) {
            reversed.add(e);
        }
        final List<Integer> path = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    private Drop dropOf(final int end, final List<Integer> path, final Outcome outcome) {
        final Device device = topology.device(log.device(end));
        final String iface = device.interfaceName(log.port(end));
        if (outcome == Outcome.LOOP) {
            return new Drop(device.host(), iface, notes.dropText(end) + "; the frame circulated " + cycle(path),
                    DropReason.HOP_LIMIT);
        }
        if (log.action(end) != Action.DROPPED) {
            return new Drop(device.host(), iface, "the packet went no further (no device dropped or delivered it)", null);
        }
        return new Drop(device.host(), iface, notes.dropText(end), log.dropReason(end));
    }

    /**
     * The repeating part of a looping path: the port crossed most often, and what the frame crossed between its
     * last two crossings, e.g. "Switch/Ethernet1/21 in -> Switch/Ethernet1/20 out (28 times round)".
     */
    private String cycle(final List<Integer> path) {
        final Map<Long, List<Integer>> crossings = new HashMap<>();
        long busiest = 0;
        int most = 0;
        for (int i = 0; i < path.size(); i++) {
            final int e = path.get(i);
            final long key = ((long) log.device(e) << 32) | ((long) log.port(e) << 1)
                    | (log.direction(e) == Direction.OUT ? 1 : 0);
            final List<Integer> at = crossings.computeIfAbsent(key, k -> new ArrayList<>());
            at.add(i);
            if (at.size() > most) {
                most = at.size();
                busiest = key;
            }
        }
        final List<Integer> at = crossings.get(busiest);
        if (at == null || at.size() < 2) {
            return "through " + place(path.get(path.size() - 1));
        }
        final List<String> places = new ArrayList<>();
        for (int i = at.get(at.size() - 2) + 1; i <= at.get(at.size() - 1); i++) {
            places.add(place(path.get(i)));
        }
        return String.join(" -> ", places) + " (" + most + " times round)";
    }

    private String place(final int e) {
        final Device d = topology.device(log.device(e));
        final Direction dir = log.direction(e);
        return d.host() + "/" + d.interfaceName(log.port(e)) + (dir == null ? "" : " " + dir.label());
    }

    // ---- views ------------------------------------------------------------------------------------------------

    private String[] namesFor(final int e, final int packet, final String from, final String to) {
        if (log.packet(e) == packet) {
            return new String[] {from, to};
        }
        final String src = namesByIp.getOrDefault(log.sourceIp(e), Ipv4Address.format(log.sourceIp(e)));
        final String dst = MacAddress.isBroadcast(log.destinationMac(e)) && log.destinationIp(e) == 0 ? "broadcast"
                : namesByIp.getOrDefault(log.destinationIp(e), Ipv4Address.format(log.destinationIp(e)));
        return new String[] {src, dst};
    }

    private Step fullStep(final int e, final int number, final String[] names) {
        final Device device = topology.device(log.device(e));
        final Integer vlan = vlanOrNull(log.vlan(e));
        final boolean out = log.direction(e) == Direction.OUT;
        return new Step(number, names[0], names[1], device.host(), device.interfaceName(log.port(e)),
                log.direction(e), vlan != null, vlan, out ? vlan : null,
                MacAddress.format(log.sourceMac(e)), MacAddress.format(log.destinationMac(e)),
                ipOrNull(e, log.sourceIp(e)), ipOrNull(e, log.destinationIp(e)),
                log.ttl(e) < 0 ? null : log.ttl(e), log.etherType(e), log.action(e), log.dropReason(e),
                notes.forEvent(e), log.time(e));
    }

    /**
     * One row per interface: consecutive path events at the same device and interface merge; only interfaces
     * the documents show are kept (see {@link Topology#isDocumentVisible}). Tagged/Untagged is the frame as it
     * arrives at the interface; the action is what the device did with it.
     */
    private List<Step> documentView(final List<Integer> path, final String from, final String to) {
        final List<Integer> visible = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            final int e = path.get(i);
            final boolean finalDrop = i == path.size() - 1 && log.action(e) == Action.DROPPED;
            if (topology.isDocumentVisible(log.device(e), log.port(e)) || finalDrop) {   // where it died: always
                visible.add(e);
                positions.add(i);
            }
        }
        final List<Step> rows = new ArrayList<>();
        stepOfEvent = new int[log.size()];
        int i = 0;
        while (i < visible.size()) {
            int j = i;
            while (j + 1 < visible.size() && samePlace(visible.get(i), visible.get(j + 1))) {
                j++;
            }
            int in = -1;
            int decider = -1;           // the arrival at the last device of the row (a bridge's host: cni0)
            int deciderPosition = -1;
            int out = -1;
            for (int k = i; k <= j; k++) {
                final int e = visible.get(k);
                if (log.direction(e) == Direction.IN && in < 0) {
                    in = e;
                    decider = e;
                    deciderPosition = positions.get(k);
                } else if (log.direction(e) == Direction.IN && log.device(e) != log.device(decider)) {
                    decider = e;        // the bridge passed it up to its host, which decides what happens next
                    deciderPosition = positions.get(k);
                    out = -1;
                } else if (log.direction(e) == Direction.OUT) {
                    out = e;
                }
            }
            // the path event after the deciding arrival (the device's decision, maybe on a port the view hides),
            // else the one after the row
            final int position = decider >= 0 ? deciderPosition : positions.get(j);
            final int following = position + 1 < path.size() ? path.get(position + 1) : -1;
            final Step row = documentRow(rows.size() + 1, visible.get(i), in, decider, out, following, from, to);
            rows.add(row);
            for (int k = i; k <= j; k++) {
                stepOfEvent[visible.get(k)] = rows.size();
            }
            i = j + 1;
        }
        return rows;
    }

    private boolean samePlace(final int a, final int b) {
        final Device da = topology.device(log.device(a));
        final Device db = topology.device(log.device(b));
        return da.host().equals(db.host()) && da.interfaceName(log.port(a)).equals(db.interfaceName(log.port(b)));
    }

    /**
     * {@code in} is the row's first arrival (the frame as it reaches the interface), {@code decider} the arrival at
     * the row's last device, whose decision the row shows (the same event unless a bridge passed the frame up to
     * its host on the same interface).
     */
    private Step documentRow(final int number, final int first, final int in, final int decider, final int out,
                             final int following, final String from, final String to) {
        final Device device = topology.device(log.device(first));
        final Action action = rowAction(device, decider, out, following);
        final int arrival = in >= 0 ? in : first;
        final boolean droppedOnDeparture = out >= 0 && log.action(out) == Action.DROPPED;
        final int acting = decider >= 0 && log.device(decider) != log.device(first) ? decider : first;
        final int noted = action != Action.DROPPED ? acting : droppedOnDeparture ? out
                : decider >= 0 ? decider : arrival;
        final Integer vlan = vlanOrNull(log.vlan(arrival));
        final Integer vlanOut = out >= 0 && !droppedOnDeparture ? vlanOrNull(log.vlan(out)) : null;
        return new Step(number, from, to, device.host(), device.interfaceName(log.port(first)), null,
                vlan != null, vlan, vlanOut,
                MacAddress.format(log.sourceMac(arrival)), MacAddress.format(log.destinationMac(arrival)),
                ipOrNull(arrival, log.sourceIp(arrival)), ipOrNull(arrival, log.destinationIp(arrival)),
                log.ttl(arrival) < 0 ? null : log.ttl(arrival), log.etherType(arrival), action,
                action == Action.DROPPED ? log.dropReason(noted) : null,
                notes.forRow(action, noted, decider, out, following, first), log.time(first));
    }

    /**
     * The row's action: the outcome marked on the arrival (delivered, dropped), else what the device did next
     * (its departure event, which may be on a port the document does not show); a row with only a departure is
     * the start of the journey (an endpoint) or a switch or router sending the frame on.
     */
    private Action rowAction(final Device device, final int in, final int out, final int following) {
        if (out >= 0 && log.action(out) == Action.DROPPED) {
            return Action.DROPPED;
        }
        if (in >= 0) {
            final Action arrival = log.action(in);
            if (arrival == Action.DELIVERED || arrival == Action.DROPPED) {
                return arrival;
            }
            if (following >= 0 && log.device(following) == log.device(in)) {
                return log.action(following);
            }
            return out >= 0 ? log.action(out) : Action.RECEIVED;
        }
        final Action departure = log.action(out);
        if (departure == Action.ORIGINATED || departure == Action.REPLIED || device.role() == Role.HOST_STACK) {
            return departure;
        }
        return Action.TRANSMITTED;
    }

    private static Integer vlanOrNull(final int vlan) {
        return vlan == VlanTag.UNTAGGED ? null : vlan;
    }

    private String ipOrNull(final int e, final int ip) {
        return log.ttl(e) < 0 && log.etherType(e) != 0x0806 ? null : Ipv4Address.format(ip);
    }
}

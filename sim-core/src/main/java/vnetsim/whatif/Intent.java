package vnetsim.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.device.TrafficSource;
import vnetsim.frame.Ipv4Address;
import vnetsim.topology.Topology;
import vnetsim.trace.Step;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * Something a network must keep doing (or never do), checked by tracing the flows it names (caches warm, as
 * {@code vnetsim trace} does). {@link #check} returns whether it holds and, when it does not, the trace that
 * breaks it.
 */
public sealed interface Intent {
    /** The intent in words, as a report names it. */
    String name();

    /** Checks the intent on a network. */
    Result check(Network network);

    /**
     * Whether an intent holds.
     *
     * @param intent  the intent
     * @param holds   whether it holds
     * @param message why not (the trace that breaks it, as a table), or a one-line confirmation
     */
    record Result(Intent intent, boolean holds, String message) {
    }

    /**
     * {@code from} reaches {@code to}; optionally crossing a device ({@code through}), optionally without leaving
     * one VLAN (every tagged hop in {@code withinVlan} and nothing routed).
     *
     * @param through    a device the path must cross, or null
     * @param withinVlan the only VLAN the path may use, or 0
     */
    record Reaches(String name, String from, String to, Protocol protocol, String through, int withinVlan)
            implements Intent {
        @Override
        public Result check(final Network network) {
            final Trace t = network.trace(new Flow(from, to, protocol, false));
            if (!t.isDelivered()) {
                return new Result(this, false, "not delivered: " + why(t) + "\n"
                        + StepTable.describe(t, View.DOCUMENT));
            }
            if (through != null && t.steps().stream().noneMatch(s -> s.device().equalsIgnoreCase(through))) {
                return new Result(this, false, "delivered without crossing " + through + ":\n"
                        + StepTable.describe(t, View.DOCUMENT));
            }
            if (withinVlan != 0) {
                for (final Step s : t.steps()) {
                    final boolean otherVlan = (s.vlan() != null && s.vlan() != withinVlan)
                            || (s.vlanOut() != null && s.vlanOut() != withinVlan);
                    if (otherVlan || s.action() == Action.ROUTED) {
                        return new Result(this, false, "leaves VLAN " + withinVlan + " at step " + s.step() + " ("
                                + s.place() + "):\n" + StepTable.describe(t, View.DOCUMENT));
                    }
                }
            }
            return new Result(this, true, "delivered" + (through == null ? "" : " through " + through)
                    + (withinVlan == 0 ? "" : " within VLAN " + withinVlan));
        }
    }

    /** {@code from} cannot reach {@code to}: the packet is not delivered. */
    record CannotReach(String name, String from, String to, Protocol protocol) implements Intent {
        @Override
        public Result check(final Network network) {
            final Trace t = network.trace(new Flow(from, to, protocol, false));
            if (t.isDelivered()) {
                return new Result(this, false, "delivered, but must not be:\n" + StepTable.describe(t, View.DOCUMENT));
            }
            return new Result(this, true, "not delivered: " + (t.cause() == null ? t.outcome() : t.cause().text()));
        }
    }

    /** The root cause in one line, else the drop, else the outcome. */
    private static String why(final Trace t) {
        if (t.cause() != null) {
            return t.cause().text();
        }
        return t.drop() == null ? t.outcome().name()
                : t.drop().device() + "/" + t.drop().iface() + ": " + t.drop().reason();
    }

    /** Every workload with a default gateway pings it (the gateway answers). */
    record EveryWorkloadReachesItsGateway(String name) implements Intent {
        @Override
        public Result check(final Network network) {
            final Topology topology = network.topology();
            final List<String> failures = new ArrayList<>();
            int checked = 0;
            for (final Map.Entry<String, Integer> e : topology.endpointIds().entrySet()) {
                final TrafficSource source = topology.endpoint(e.getValue());
                if (source.gateway() == 0) {
                    continue;
                }
                checked++;
                final Trace t = network.trace(Flow.icmp(e.getKey(), Ipv4Address.format(source.gateway())));
                if (!t.isDelivered()) {
                    failures.add(e.getKey() + " does not reach its gateway " + Ipv4Address.format(source.gateway())
                            + ": " + why(t) + "\n" + StepTable.describe(t, View.DOCUMENT));
                }
            }
            return failures.isEmpty() ? new Result(this, true, checked + " workloads reach their gateways")
                    : new Result(this, false, String.join("\n", failures));
        }
    }
}

package vnetsim.folder.nmstate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.nmstate.NmInterface.Type;

/**
 * Merges the policies that select one node the way kubernetes-nmstate applies them: each policy is its own
 * nmstate desired state, applied on top of what the node already has, so properties a policy leaves out keep the
 * value another policy set (nmstate merges desired with current). kubernetes-nmstate applies policies in no fixed
 * order, so when two policies give one property of one interface different values the outcome would depend on
 * timing: that is an error naming both files.
 */
public final class PolicyMerger {
    private final Diagnostics diagnostics;

    public PolicyMerger(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public NodeState merge(final String node, final List<NodePolicy> policies) {
        final Map<String, NmInterface> merged = new LinkedHashMap<>();
        final Map<String, List<String>> sources = new LinkedHashMap<>();
        for (final NodePolicy policy : policies) {
            for (final NmInterface i : policy.interfaces()) {
                final NmInterface earlier = merged.get(i.name());
                merged.put(i.name(), earlier == null ? i : merge(node, earlier, i));
                sources.computeIfAbsent(i.name(), k -> new ArrayList<>()).add(policy.name());
            }
        }
        final Map<String, List<String>> frozen = new LinkedHashMap<>();
        sources.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new NodeState(node, new ArrayList<>(merged.values()), frozen);
    }

    private NmInterface merge(final String node, final NmInterface a, final NmInterface b) {
        final Conflict c = new Conflict(node, a, b);
        final Type type = c.pick("type", NmInterface::type, Type::yaml);
        return new NmInterface(a.name(), type,
                c.pick("state", NmInterface::state, NmInterface.State::yaml),
                c.pick("mtu", NmInterface::mtu, String::valueOf),
                c.pick("mac-address", NmInterface::macAddress, String::valueOf),
                c.pick("ipv4", NmInterface::ipv4, PolicyMerger::ip),
                c.pick("ipv6", NmInterface::ipv6, PolicyMerger::ip),
                c.pick("vlan", NmInterface::vlan, v -> "base-iface " + v.baseIface() + " id " + v.id()
                        + (v.reorderHeaders() ? "" : " reorder-headers false")),
                c.pick("bridge", NmInterface::bridge, PolicyMerger::bridge),
                c.pick("link-aggregation", NmInterface::bond, bo -> bo.mode() + " " + bo.ports() + " primary "
                        + bo.primary() + " " + bo.xmitHashPolicy()),
                a.policy(), a.at());
    }

    private static String ip(final IpConfig ip) {
        return (ip.enabled() ? "enabled" : "disabled") + " " + ip.addresses() + (ip.dynamic() ? " dhcp" : "");
    }

    /** The bridge's meaning without locations: ports in order with their vlan sections, and STP. */
    private static String bridge(final BridgeConfig b) {
        final StringBuilder sb = new StringBuilder("ports [");
        for (final BridgePortConfig p : b.ports()) {
            sb.append(p.name());
            if (p.vlan() != null) {
                final PortVlan v = p.vlan();
                sb.append(" vlan{").append(v.mode()).append(',').append(v.tag()).append(',')
                        .append(v.enableNative()).append(',').append(v.trunkTags()).append('}');
            }
            sb.append(';');
        }
        return sb.append("] stp ").append(b.stpEnabled()).toString();
    }

    /** Compares one property of two declarations of an interface. */
    private final class Conflict {
        private final String node;
        private final NmInterface a;
        private final NmInterface b;

        Conflict(final String node, final NmInterface a, final NmInterface b) {
            this.node = node;
            this.a = a;
            this.b = b;
        }

        <T> T pick(final String what, final Function<NmInterface, T> get, final Function<T, String> show) {
            final T x = get.apply(a);
            final T y = get.apply(b);
            if (x == null) {
                return y;
            }
            if (y == null || Objects.equals(show.apply(x), show.apply(y))) {
                return x;
            }
            diagnostics.error(b.at(), "interface '" + a.name() + "' on node " + node + " gets two different "
                    + what + " values: " + show.apply(x) + " from policy '" + a.policy() + "' (" + a.at() + ") and "
                    + show.apply(y) + " from policy '" + b.policy() + "' (" + b.at() + "); kubernetes-nmstate "
                    + "applies policies in no fixed order, so give the interface one value");
            return x;
        }
    }
}

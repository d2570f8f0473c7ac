package vnetsim.whatif;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import vnetsim.analysis.PairEquivalence;
import vnetsim.device.l3.AclRule;
import vnetsim.device.l3.StaticRoute;
import vnetsim.network.BridgePortSpec;
import vnetsim.network.BridgeSpec;
import vnetsim.network.HostSpec;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkSpec;
import vnetsim.network.NicSpec;
import vnetsim.network.RouterSpec;
import vnetsim.network.SwitchPortSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.network.VlanSpec;
import vnetsim.network.WorkloadSpec;

/**
 * Pairs that behave alike, read from a network's description. Two hosts are alike when their configuration is
 * the same apart from names and MACs: the same NICs, subinterfaces, bridges and bridge ports (MTUs, VIDs, states,
 * VLAN tables), each NIC cabled to a switch port configured the same (mode, allowed list, native VLAN, shutdown;
 * on the same switch), links in the same state. Two workloads are alike when they sit on alike hosts, on the
 * same-named bridge with the same port VLANs, in the same subnet with the same gateway, MTU and TTL, and every
 * router's ACL rules and static routes match their addresses alike. An ordered pair's class is (sender's class,
 * destination's class, whether they share the host, whether they share the bridge). A workload cabled directly,
 * or on a host cabled to anything but a switch, is a class of its own.
 *
 * <p>What is assumed, and tested against full simulation ({@code SyntheticNetworkTest}): a device's behaviour
 * depends on its configuration, never on its name, MAC or port number, and bystanders on a bridge never change
 * an outcome (addresses are unique, as the spec's validation requires).
 */
public final class SpecEquivalence implements PairEquivalence {
    private final Map<String, Integer> classOf = new HashMap<>();
    private final Map<String, String> hostOf = new HashMap<>();
    private final Map<String, String> bridgeOf = new HashMap<>();

    private SpecEquivalence(final NetworkSpec spec) {
        final Map<String, String> hostClass = new HashMap<>();
        for (final HostSpec h : spec.hosts()) {
            hostClass.put(h.name(), hostSignature(spec, h));
        }
        final Map<String, Integer> ids = new HashMap<>();
        for (final WorkloadSpec w : spec.workloads()) {
            final String host = w.isBridged() ? hostClass.get(w.host()) : null;
            final String signature = host == null || host.startsWith("unique:") ? "unique:" + w.id()
                    : host + "|" + w.bridge() + "|" + w.vlans() + "|" + w.address().network() + "/"
                            + w.address().prefixLength() + "|" + w.gateway() + "|" + w.mtu() + "|" + w.ttl() + "|"
                            + w.kind() + "|" + routing(spec, w.address().ip());
            classOf.put(w.id(), ids.computeIfAbsent(signature, k -> ids.size()));
            hostOf.put(w.id(), String.valueOf(w.host()));
            bridgeOf.put(w.id(), w.host() + "\0" + w.bridge());
        }
    }

    /** The classes of a network's workload pairs. */
    public static SpecEquivalence of(final NetworkSpec spec) {
        return new SpecEquivalence(spec);
    }

    @Override
    public long key(final String from, final String to) {
        final Integer a = classOf.get(from);
        final Integer b = classOf.get(to);
        if (a == null || b == null) {
            return -1L - (from.hashCode() * 31L + to.hashCode());      // not a workload: its own class, in effect
        }
        return key(a, b, hostOf.get(from).equals(hostOf.get(to)), bridgeOf.get(from).equals(bridgeOf.get(to)));
    }

    /**
     * Each endpoint's class, host and bridge looked up once, so the key of a pair is arithmetic on two indexes
     * (a 2,000-workload matrix asks for 4 million keys). Same keys as {@link #key(String, String)}.
     */
    @Override
    public Indexed indexed(final List<String> ids) {
        final int[] cls = new int[ids.size()];
        final int[] host = new int[ids.size()];
        final int[] bridge = new int[ids.size()];
        final Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            final Integer c = classOf.get(ids.get(i));
            cls[i] = c == null ? -1 : c;
            if (c != null) {
                host[i] = places.computeIfAbsent("host\0" + hostOf.get(ids.get(i)), k -> places.size());
                bridge[i] = places.computeIfAbsent("bridge\0" + bridgeOf.get(ids.get(i)), k -> places.size());
            }
        }
        return (from, to) -> cls[from] < 0 || cls[to] < 0 ? key(ids.get(from), ids.get(to))
                : key(cls[from], cls[to], host[from] == host[to], bridge[from] == bridge[to]);
    }

    private static long key(final int from, final int to, final boolean sameHost, final boolean sameBridge) {
        return ((long) from << 32) | ((long) to << 2) | (sameHost ? 2 : 0) | (sameBridge ? 1 : 0);
    }

    /** The number of workload classes. */
    public int classes() {
        return (int) classOf.values().stream().distinct().count();
    }

    private static String hostSignature(final NetworkSpec spec, final HostSpec h) {
        final StringJoiner sj = new StringJoiner(";");
        for (final NicSpec n : h.nics()) {
            sj.add("nic " + n.name() + " " + n.mtu() + " " + n.up() + " " + peer(spec, h.name(), n.name()));
        }
        for (final VlanSpec v : h.vlans()) {
            sj.add("vlan " + v.name() + " " + v.parent() + " " + v.vid() + " " + v.mtu() + " " + v.up());
        }
        for (final BridgeSpec b : h.bridges()) {
            final StringJoiner ports = new StringJoiner(",");
            for (final BridgePortSpec p : b.ports()) {
                ports.add(p.name() + " " + p.vlans() + " " + p.hairpin());
            }
            sj.add("bridge " + b.name() + " " + b.vlanFiltering() + " " + b.defaultPvid() + " [" + ports + "]");
        }
        final String s = sj.toString();
        return s.contains("unique:") ? "unique:" + h.name() : s;
    }

    /** What a NIC is cabled to, without the port's name: a switch port's configuration, or unique. */
    private static String peer(final NetworkSpec spec, final String host, final String nic) {
        for (final LinkSpec l : spec.links()) {
            final LinkSpec.End other = l.touches(host, nic) ? (l.a().device().equals(host) ? l.b() : l.a()) : null;
            if (other == null) {
                continue;
            }
            for (final SwitchSpec sw : spec.switches()) {
                if (sw.name().equals(other.device())) {
                    final SwitchPortSpec p = sw.port(other.iface());
                    return "switch " + sw.name() + " " + p.mode() + " " + p.accessVlan() + " " + p.allowed() + " "
                            + p.nativeVlan() + " " + p.tagNative() + " " + p.shutdown() + " link " + l.up();
                }
            }
            return "unique:";
        }
        return "not cabled";
    }

    /** Which ACL rules and static routes match the address, per router (as source and as destination). */
    private static String routing(final NetworkSpec spec, final int ip) {
        final StringBuilder sb = new StringBuilder();
        for (final RouterSpec r : spec.routers()) {
            for (final AclRule rule : r.acl()) {
                sb.append(rule.matches(ip, rule.destination(), rule.protocol() < 0 ? 0 : rule.protocol()) ? 's' : '-');
                sb.append(rule.matches(rule.source(), ip, rule.protocol() < 0 ? 0 : rule.protocol()) ? 'd' : '-');
            }
            for (final StaticRoute route : r.routes()) {
                sb.append(route.matches(ip) ? 'r' : '-');
            }
            sb.append('/');
        }
        return sb.toString();
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.Ipv4Address;

/**
 * An IPv4 routing table as fib_lookup() reads it: one connected route per interface that is up (its subnet) and the
 * static routes ({@code ip route add PREFIX/LEN via GATEWAY}), longest prefix match over both. On equal length a
 * connected route wins, then the route added first. A static route whose gateway is on no connected subnet is not
 * used (the kernel refuses it, "Nexthop has invalid gateway", and removes it when the subnet goes). Rules and
 * sources: {@code src/docs/forwarding-rules.md} sections 5 and 8.
 *
 * <p>A route is named by an int: an interface index ({@code 0 <= route < interfaces}) for a connected route,
 * {@code interfaces + i} for the i-th static route, {@link #NONE} for no route. Lookups allocate nothing.
 *
 * <p>A device whose interfaces change only while it is configured can {@link #compile} the table into a {@link Fib}:
 * the same answers from flat arrays, without asking the {@link Subnets} per route and per packet.
 */
final class RouteTable {
    /** No route, no interface. */
    static final int NONE = -1;

    /** The device's interfaces as the table sees them: indexed from 0, each with an address and a prefix. */
    interface Subnets {
        /** How many interfaces there are now. */
        int count();

        /** The address of interface {@code index}. */
        int ip(int index);

        /** The prefix length (0-32) of interface {@code index}. */
        int prefixLength(int index);

        /** Whether interface {@code index} is up (a down interface's connected route is withdrawn). */
        boolean isUp(int index);
    }

    private final Subnets subnets;
    private final List<StaticRoute> routes;

    /** An empty table over {@code subnets}. */
    RouteTable(final Subnets subnets) {
        this(subnets, new ArrayList<>());
    }

    private RouteTable(final Subnets subnets, final List<StaticRoute> routes) {
        this.subnets = subnets;
        this.routes = routes;
    }

    /** A table over {@code subnets} with a copy of this one's static routes (a simulation's own copy). */
    RouteTable copy(final Subnets other) {
        return new RouteTable(other, new ArrayList<>(routes));
    }

    /** Adds a static route after the others (it loses ties against them). */
    void add(final StaticRoute route) {
        routes.add(route);
    }

    /** The static routes in the order they were added (a read-only view). */
    List<StaticRoute> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** The up interface whose subnet holds {@code address}, the longest such prefix (first on a tie), or NONE. */
    int connected(final int address) {
        int best = NONE;
        for (int i = 0; i < subnets.count(); i++) {
            if (subnets.isUp(i) && Ipv4Address.sameSubnet(address, subnets.ip(i), subnets.prefixLength(i))
                    && (best == NONE || subnets.prefixLength(i) > subnets.prefixLength(best))) {
                best = i;
            }
        }
        return best;
    }

    /** The route a packet for {@code destination} takes (longest prefix match), or NONE. */
    int lookup(final int destination) {
        int best = NONE;
        int bestLength = -1;
        for (int i = 0; i < subnets.count(); i++) {
            final int length = subnets.prefixLength(i);
            if (length > bestLength && subnets.isUp(i)
                    && Ipv4Address.sameSubnet(destination, subnets.ip(i), length)) {
                best = i;
                bestLength = length;
            }
        }
        for (int r = 0; r < routes.size(); r++) {
            final StaticRoute candidate = routes.get(r);
            if (candidate.length() > bestLength && candidate.matches(destination)
                    && connected(candidate.gateway()) != NONE) {
                best = subnets.count() + r;
                bestLength = candidate.length();
            }
        }
        return best;
    }

    /**
     * The table as it is now (interfaces, their up state, static routes), compiled: the usable routes only (a
     * connected route of an up interface, a static route whose gateway is on a connected subnet, with the interface
     * facing that gateway resolved now), ordered so that the first match is what {@link #lookup} picks: longest
     * prefix first, on equal length connected before static, then the order added. Recompile after any change.
     */
    Fib compile() {
        final List<int[]> usable = new ArrayList<>();              // {route, prefix length, network, egress}
        for (int i = 0; i < subnets.count(); i++) {
            if (subnets.isUp(i)) {
                final int length = subnets.prefixLength(i);
                usable.add(new int[] {i, length, subnets.ip(i) & Ipv4Address.mask(length), i});
            }
        }
        for (int r = 0; r < routes.size(); r++) {
            final StaticRoute route = routes.get(r);
            final int egress = connected(route.gateway());
            if (egress != NONE) {
                usable.add(new int[] {subnets.count() + r, route.length(), route.prefix(), egress});
            }
        }
        usable.sort(Comparator.<int[]>comparingInt(u -> -u[1]).thenComparingInt(u -> u[0]));
        final Fib fib = new Fib(usable.size());
        for (int i = 0; i < usable.size(); i++) {
            final int[] u = usable.get(i);
            fib.route[i] = u[0];
            fib.mask[i] = Ipv4Address.mask(u[1]);
            fib.network[i] = u[2];
            fib.egress[i] = u[3];
            fib.connected[i] = isConnected(u[0]);
            if (!fib.connected[i]) {
                fib.gateway[i] = staticRoute(u[0]).gateway();
            }
        }
        return fib;
    }

    /**
     * A {@link RouteTable} compiled by {@link RouteTable#compile}: the usable routes as parallel arrays in lookup
     * order, so a lookup is a scan of (network, mask) pairs that stops at the first match. A slot is an index into
     * the arrays; {@link #route} names it as the table does. Immutable once built; allocates nothing per lookup.
     */
    static final class Fib {
        private final int[] network;
        private final int[] mask;
        private final int[] route;
        private final int[] egress;
        private final int[] gateway;
        private final boolean[] connected;

        private Fib(final int size) {
            network = new int[size];
            mask = new int[size];
            route = new int[size];
            egress = new int[size];
            gateway = new int[size];
            connected = new boolean[size];
        }

        /** The slot of the route a packet for {@code destination} takes (longest prefix match), or NONE. */
        int lookup(final int destination) {
            for (int i = 0; i < network.length; i++) {
                if ((destination & mask[i]) == network[i]) {
                    return i;
                }
            }
            return NONE;
        }

        /** The interface the route in {@code slot} leaves by (resolved when the table was compiled). */
        int egress(final int slot) {
            return egress[slot];
        }

        /** The address ARP resolves: {@code destination} on a connected route, else the static route's gateway. */
        int nextHop(final int slot, final int destination) {
            return connected[slot] ? destination : gateway[slot];
        }

        /** The route in {@code slot} as {@link RouteTable#lookup} names it (an interface index or a static route). */
        int route(final int slot) {
            return route[slot];
        }
    }

    /** Whether {@code route} (not NONE) is a connected route rather than a static one. */
    boolean isConnected(final int route) {
        return route < subnets.count();
    }

    /** The static route {@code route} names (it must not be a connected one). */
    StaticRoute staticRoute(final int route) {
        return routes.get(route - subnets.count());
    }

    /** The interface {@code route} (not NONE) leaves by: its own, or the one facing a static route's gateway. */
    int egress(final int route) {
        return isConnected(route) ? route : connected(staticRoute(route).gateway());
    }

    /** The address ARP resolves for {@code route}: the destination itself on a connected route, else the gateway. */
    int nextHop(final int route, final int destination) {
        return isConnected(route) ? destination : staticRoute(route).gateway();
    }
}

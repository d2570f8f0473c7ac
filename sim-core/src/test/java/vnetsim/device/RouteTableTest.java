package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vnetsim.device.l3.StaticRoute;

/**
 * The compiled table ({@link RouteTable#compile}) answers as the table it was compiled from: fib_lookup()'s longest
 * prefix match, a connected route winning a tie against a static one, the route added first winning a tie between
 * static ones, a down interface's subnet and the static routes through it withdrawn (fib_sync_down_dev()), a static
 * route whose gateway is on no connected subnet never used ("Nexthop has invalid gateway").
 */
class RouteTableTest {
    /** A fixed set of interfaces, some down, as a device hands them to its table. */
    private static final class FixedSubnets implements RouteTable.Subnets {
        final List<int[]> subnets = new ArrayList<>();                 // {ip, prefix length, up 0/1}

        @Override
        public int count() {
            return subnets.size();
        }

        @Override
        public int ip(final int index) {
            return subnets.get(index)[0];
        }

        @Override
        public int prefixLength(final int index) {
            return subnets.get(index)[1];
        }

        @Override
        public boolean isUp(final int index) {
            return subnets.get(index)[2] == 1;
        }
    }

    @Test
    void the_compiled_table_picks_the_route_the_table_picks_for_every_address() {
        final Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            final FixedSubnets subnets = new FixedSubnets();
            final RouteTable table = new RouteTable(subnets);
            // addresses from a small pool so that prefixes overlap, tie and nest often
            for (int i = random.nextInt(5); i > 0; i--) {
                subnets.subnets.add(new int[] {address(random), 8 + random.nextInt(25), random.nextInt(4) == 0 ? 0 : 1});
            }
            for (int r = random.nextInt(6); r > 0; r--) {
                table.add(new StaticRoute(address(random), random.nextInt(33), address(random)));
            }
            final RouteTable.Fib fib = table.compile();
            for (int probe = 0; probe < 200; probe++) {
                final int destination = address(random);
                final int route = table.lookup(destination);
                final int slot = fib.lookup(destination);
                assertThat(slot == RouteTable.NONE ? RouteTable.NONE : fib.route(slot)).as("route to %d", destination)
                        .isEqualTo(route);
                if (route != RouteTable.NONE) {
                    assertThat(fib.egress(slot)).isEqualTo(table.egress(route));
                    assertThat(fib.nextHop(slot, destination)).isEqualTo(table.nextHop(route, destination));
                }
            }
        }
    }

    @Test
    void a_connected_route_wins_a_tie_and_a_down_interface_takes_its_static_routes_with_it() {
        final FixedSubnets subnets = new FixedSubnets();
        subnets.subnets.add(new int[] {ip("10.0.0.1"), 24, 1});
        subnets.subnets.add(new int[] {ip("192.0.2.1"), 24, 0});                   // down
        final RouteTable table = new RouteTable(subnets);
        table.add(new StaticRoute(ip("10.0.0.0"), 24, ip("10.0.0.254")));         // ties with the connected /24
        table.add(new StaticRoute(ip("10.0.0.128"), 25, ip("10.0.0.254")));       // longer: wins
        table.add(new StaticRoute(ip("0.0.0.0"), 0, ip("192.0.2.254")));          // gateway behind the down one

        final RouteTable.Fib fib = table.compile();

        assertThat(fib.route(fib.lookup(ip("10.0.0.5")))).isEqualTo(0);              // the connected route
        assertThat(fib.nextHop(fib.lookup(ip("10.0.0.5")), ip("10.0.0.5"))).isEqualTo(ip("10.0.0.5"));
        assertThat(fib.route(fib.lookup(ip("10.0.0.200")))).isEqualTo(2 + 1);        // the second static route
        assertThat(fib.nextHop(fib.lookup(ip("10.0.0.200")), ip("10.0.0.200"))).isEqualTo(ip("10.0.0.254"));
        assertThat(fib.lookup(ip("8.8.8.8"))).isEqualTo(RouteTable.NONE);            // default unusable
    }

    /** One of 64 addresses spread over a few /16s, so that random prefixes of 8-32 bits overlap. */
    private static int address(final Random random) {
        return ip("10.0.0.0") | random.nextInt(4) << 16 | random.nextInt(4) << 7 | random.nextInt(4);
    }
}

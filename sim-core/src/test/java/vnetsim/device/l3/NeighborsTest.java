package vnetsim.device.l3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The neighbour cache holds what ARP taught it: the last MAC learned for each address (a reply or {@code ip neigh
 * replace} overwrites, Linux neigh_update()), nothing for an address never learned, nothing after a flush.
 */
class NeighborsTest {
    @Test
    void the_cache_answers_as_a_map_of_the_last_mac_learned_through_growth_and_replacement() {
        final Neighbors neighbors = new Neighbors();
        final Map<Integer, Long> expected = new HashMap<>();
        final Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            // a dense subnet (as a /9 of neighbours fills it), plus any address: 0.0.0.0 and 255.255.255.255 too
            final int ip = switch (random.nextInt(3)) {
                case 0 -> 0x0a80_0000 + random.nextInt(20_000);
                case 1 -> random.nextInt();
                default -> random.nextBoolean() ? 0 : -1;
            };
            final long mac = random.nextLong() & 0xffff_ffff_ffffL;
            neighbors.learn(ip, mac);
            expected.put(ip, mac);
        }
        assertThat(neighbors.size()).isEqualTo(expected.size());
        expected.forEach((ip, mac) -> assertThat(neighbors.lookup(ip)).as("ip %08x", ip).isEqualTo(mac));
        for (int n = 0; n < 50_000; n++) {
            final int ip = random.nextInt();
            assertThat(neighbors.lookup(ip)).isEqualTo(expected.getOrDefault(ip, Neighbors.UNKNOWN));
        }
    }

    @Test
    void a_flushed_cache_knows_nobody_and_learns_again() {
        final Neighbors neighbors = new Neighbors();
        for (int i = 0; i < 100; i++) {
            neighbors.learn(0xac10_0400 + i, 0x0200_0000_0000L + i);
        }

        neighbors.clear();

        assertThat(neighbors.size()).isZero();
        assertThat(neighbors.lookup(0xac10_0405)).isEqualTo(Neighbors.UNKNOWN);
        neighbors.learn(0xac10_0405, 0x0200_0000_0099L);
        assertThat(neighbors.lookup(0xac10_0405)).isEqualTo(0x0200_0000_0099L);
        assertThat(neighbors.size()).isEqualTo(1);
    }
}

package vnetsim.device.l2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flat open-addressing table under {@link ForwardingDatabase} (the switch's MAC address table): learning,
 * station moves, ageing and cold starts checked against a plain map model over many random operations, growth
 * included, so a lost entry or a probe chain that stops early would show as a wrong port.
 */
class ForwardingDatabaseTest {
    private static final long AGEING = 1_800_000_000_000L;

    @Test
    void random_learning_moves_and_clears_agree_with_a_map_model() {
        final Random random = new Random(7);
        final ForwardingDatabase fdb = new ForwardingDatabase(AGEING);
        final Map<Long, Integer> model = new HashMap<>();            // key (vlan << 48 | mac) -> port
        for (int step = 0; step < 200_000; step++) {
            final long mac = 0x0200_0000_0000L | random.nextInt(5_000);
            final int vlan = random.nextInt(3);
            final long key = ((long) vlan << 48) | mac;
            final int op = random.nextInt(100);
            if (op < 50) {
                final int port = random.nextInt(16);
                fdb.learn(mac, vlan, port, 0);
                model.put(key, port);
            } else if (op == 50 && random.nextInt(50) == 0) {
                fdb.clear();
                model.clear();
            } else {
                final Integer expected = model.get(key);
                assertThat(fdb.lookup(mac, vlan, 0)).as("step %d", step)
                        .isEqualTo(expected == null ? ForwardingDatabase.UNKNOWN : expected);
            }
        }
        assertThat(fdb.size()).isEqualTo(model.size());
    }

    @Test
    void an_entry_not_refreshed_for_the_ageing_time_is_unknown_and_a_refresh_restarts_its_age() {
        // NX-OS mac address-table aging-time: an entry not refreshed for that long is removed
        final ForwardingDatabase fdb = new ForwardingDatabase(AGEING);
        final long mac = 0x0200_0000_0001L;
        fdb.learn(mac, 10, 3, 0);
        assertThat(fdb.lookup(mac, 10, AGEING - 1_000_000L)).isEqualTo(3);
        assertThat(fdb.lookup(mac, 10, AGEING)).isEqualTo(ForwardingDatabase.UNKNOWN);
        assertThat(fdb.lookup(mac, 11, 0)).as("other VLAN").isEqualTo(ForwardingDatabase.UNKNOWN);
        fdb.learn(mac, 10, 4, AGEING);                               // seen again, on another port
        assertThat(fdb.lookup(mac, 10, 2 * AGEING - 1_000_000L)).isEqualTo(4);
        assertThat(fdb.size()).isEqualTo(1);
    }
}

package vnetsim.device.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flat open-addressing table under {@link BridgeFdb}: learning, ageing, flushes and local entries, checked
 * against a plain map model over many random operations (growth and backward-shift deletion included), so a
 * probe chain broken by a removal would show as a lost or stale entry.
 */
class BridgeFdbTableTest {
    private static final long AGEING = 300_000_000_000L;

    @Test
    void random_learning_flushing_and_local_entries_agree_with_a_map_model() {
        final Random random = new Random(42);
        final BridgeFdb fdb = new BridgeFdb(AGEING);
        final Map<Long, Integer> model = new HashMap<>();          // key (vid << 48 | mac) -> port, learned only
        final Map<Long, Integer> locals = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            final long mac = 0x0200_0000_0000L | random.nextInt(3_000);
            final int vid = random.nextInt(4);
            final long key = ((long) vid << 48) | mac;
            final int op = random.nextInt(100);
            if (op < 60) {
                final int port = random.nextInt(8);
                fdb.learn(mac, vid, port, 0);
                if (!locals.containsKey(key)) {
                    model.put(key, port);
                }
            } else if (op < 62) {
                final int port = random.nextInt(8);
                fdb.flushPort(port);
                model.values().removeIf(p -> p == port);
                locals.values().removeIf(p -> p == port);
            } else if (op < 63) {
                fdb.addLocal(mac, vid, 9);
                if (!locals.containsKey(key)) {
                    model.remove(key);
                    locals.put(key, 9);
                }
            } else if (op < 64 && random.nextInt(20) == 0) {
                fdb.clear();                                     // the cold start: learned entries go
                model.clear();
            } else {
                final Integer expected = model.containsKey(key) ? model.get(key) : locals.get(key);
                assertThat(fdb.lookup(mac, vid, 0)).as("step %d", step).isEqualTo(expected == null ? -1 : expected);
                assertThat(fdb.lastLookupLocal()).isEqualTo(locals.containsKey(key));
            }
        }
        assertThat(fdb.size()).isEqualTo(model.size());
        assertThat(fdb.learnedCount(0)).isEqualTo(model.size());
        assertThat(fdb.show(0)).hasSize(model.size() + locals.size());
    }

    @Test
    void entries_past_their_ageing_time_are_gone_and_uncounted() {
        final BridgeFdb fdb = new BridgeFdb(AGEING);
        for (int i = 0; i < 1_000; i++) {
            fdb.learn(0x0200_0000_0000L | i, 1, i % 4, i < 500 ? 0 : AGEING / 2);
        }
        assertThat(fdb.learnedCount(AGEING)).isEqualTo(500);          // the first 500 expired at exactly AGEING
        assertThat(fdb.lookup(0x0200_0000_0000L | 10, 1, AGEING)).isEqualTo(-1);
        assertThat(fdb.lookup(0x0200_0000_0000L | 510, 1, AGEING)).isEqualTo(2);
    }
}

package vnetsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The grouping of a matrix's pairs by class key ({@code Reachability.Groups}), which runs on the worker threads in
 * contiguous ranges of pairs: whatever the thread count, a class's representative is its first pair in matrix
 * order, as the single-threaded grouping it replaced chose (one {@code putIfAbsent} per pair, in order).
 */
class ReachabilityGroupsTest {
    /** The grouping it replaced: the first pair of each key, in order. */
    private static Map<Long, Integer> firstOfEachKey(final int pairs, final IntToLongFunction key) {
        final Map<Long, Integer> first = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            first.putIfAbsent(key.applyAsLong(i), i);
        }
        return first;
    }

    @Test
    void every_pair_is_represented_by_the_first_pair_of_its_class_on_one_two_or_three_threads() {
        // 300,000 pairs: several ranges of at least 65,536 pairs, so classes span ranges; some keys first appear
        // late (only past pair 250,000), one key is shared by every tenth pair, the rest cycle with a period that
        // does not divide a range's length
        final int pairs = 300_000;
        final IntToLongFunction key = i -> i > 250_000 && i % 1000 == 7 ? -5L - i / 20_000
                : i % 10 == 0 ? Long.MAX_VALUE : ((long) (i % 37) << 32) | (i % 3);
        final Map<Long, Integer> expected = firstOfEachKey(pairs, key);
        for (final int threads : new int[] {1, 2, 3}) {
            final Reachability.Groups groups = Reachability.Groups.of(pairs, threads, key);
            assertThat(groups.representatives).as("threads %d", threads)
                    .containsExactly(expected.values().stream().mapToInt(Integer::intValue).sorted().toArray());
            for (int i = 0; i < pairs; i++) {
                if (groups.representative(i) != expected.get(key.applyAsLong(i))) {
                    assertThat(groups.representative(i)).as("pair %d on %d threads", i, threads)
                            .isEqualTo(expected.get(key.applyAsLong(i)));
                }
            }
        }
    }

    @Test
    void a_small_matrix_and_an_empty_one_group_too() {
        final Reachability.Groups small = Reachability.Groups.of(10, 2, i -> i % 4);
        assertThat(small.representatives).containsExactly(0, 1, 2, 3);
        assertThat(small.representative(9)).isEqualTo(1);
        assertThat(Reachability.Groups.of(0, 2, i -> 0).representatives).isEmpty();
    }
}

package vnetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.frame.Frame;

/** Events come out by virtual time, equal times first-in first-out, whether or not they passed the one-slot path. */
class EventQueueTest {
    private final EventQueue queue = new EventQueue();

    @Test
    void a_single_event_comes_straight_back() {
        final Frame f = new Frame();
        queue.add(100, 3, 1, EventQueue.ARRIVAL, f);
        assertThat(queue.size()).isEqualTo(1);
        queue.poll();
        assertThat(queue.polledTime).isEqualTo(100);
        assertThat(queue.polledDevice).isEqualTo(3);
        assertThat(queue.polledPortOrToken).isEqualTo(1);
        assertThat(queue.polledFrame).isSameAs(f);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void orders_by_time_then_by_insertion_across_the_single_slot_and_the_heap() {
        queue.add(50, 1, 0, EventQueue.ARRIVAL, null);      // goes to the single slot
        queue.add(10, 2, 0, EventQueue.ARRIVAL, null);      // both move to the heap
        queue.add(50, 3, 0, EventQueue.ARRIVAL, null);      // same time as the first: after it
        queue.add(10, 4, 0, EventQueue.TIMER, null);
        queue.add(1_000_000_000L, 5, 0, EventQueue.TIMER, null);
        assertThat(drain()).containsExactly(2, 4, 1, 3, 5);
    }

    @Test
    void interleaved_adds_and_polls_stay_in_order() {
        queue.add(10, 1, 0, EventQueue.ARRIVAL, null);
        queue.poll();
        assertThat(queue.polledDevice).isEqualTo(1);
        queue.add(20, 2, 0, EventQueue.ARRIVAL, null);
        queue.add(20, 3, 0, EventQueue.ARRIVAL, null);
        queue.poll();
        assertThat(queue.polledDevice).isEqualTo(2);
        queue.add(15, 4, 0, EventQueue.ARRIVAL, null);
        assertThat(drain()).containsExactly(4, 3);
    }

    @Test
    void clear_empties_both_paths() {
        queue.add(10, 1, 0, EventQueue.ARRIVAL, null);
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        queue.add(10, 1, 0, EventQueue.ARRIVAL, null);
        queue.add(5, 2, 0, EventQueue.ARRIVAL, null);
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
    }

    private List<Integer> drain() {
        final List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.poll();
            order.add(queue.polledDevice);
        }
        return order;
    }
}

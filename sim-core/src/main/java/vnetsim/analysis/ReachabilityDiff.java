package vnetsim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vnetsim.analysis.Reachability.Cell;

/**
 * What a change did to a network's reachability: the ordered pairs whose outcome or path differs, before and
 * after, and the endpoints only one side has. Pairs are matched by endpoint id.
 */
public final class ReachabilityDiff {
    /** How a pair changed. */
    public enum Kind {
        /** Delivered before, not after. */
        NOW_DROPPED,
        /** Not delivered before, delivered after. */
        NOW_DELIVERED,
        /** Delivered on both sides, by another path. */
        PATH_CHANGED,
        /** Not delivered on both sides, stopped elsewhere or for another reason. */
        DROP_CHANGED
    }

    /**
     * One pair that changed.
     *
     * @param kind   how
     * @param before the pair before the change
     * @param after  the pair after it
     */
    public record Change(Kind kind, Cell before, Cell after) {
        /** "vm1 -> vm3". */
        public String pair() {
            return after.pair();
        }
    }

    private final List<Change> changes;
    private final List<String> onlyBefore;
    private final List<String> onlyAfter;

    private ReachabilityDiff(final List<Change> changes, final List<String> onlyBefore, final List<String> onlyAfter) {
        this.changes = List.copyOf(changes);
        this.onlyBefore = List.copyOf(onlyBefore);
        this.onlyAfter = List.copyOf(onlyAfter);
    }

    static ReachabilityDiff of(final Reachability before, final Reachability after) {
        final List<Change> changes = new ArrayList<>();
        for (final Cell now : after.cells()) {
            final Cell was = before.find(now.from(), now.to());
            if (was == null) {
                continue;
            }
            final Kind kind = kindOf(was, now);
            if (kind != null) {
                changes.add(new Change(kind, was, now));
            }
        }
        return new ReachabilityDiff(changes,
                before.endpoints().stream().filter(e -> !after.endpoints().contains(e)).toList(),
                after.endpoints().stream().filter(e -> !before.endpoints().contains(e)).toList());
    }

    private static Kind kindOf(final Cell was, final Cell now) {
        if (was.isDelivered() && !now.isDelivered()) {
            return Kind.NOW_DROPPED;
        }
        if (!was.isDelivered() && now.isDelivered()) {
            return Kind.NOW_DELIVERED;
        }
        if (was.isDelivered()) {
            return was.path().equals(now.path()) ? null : Kind.PATH_CHANGED;
        }
        final boolean sameStop = was.outcome() == now.outcome() && Objects.equals(was.drop(), now.drop())
                && Objects.equals(was.cause(), now.cause());
        return sameStop ? null : Kind.DROP_CHANGED;
    }

    /** Every pair whose outcome, path or drop changed, in matrix order. */
    public List<Change> changes() {
        return changes;
    }

    /**
     * The changes of one kind, in matrix order.
     *
     * @param kind which changes to keep
     * @return the pairs whose change is of this kind (possibly none)
     */
    public List<Change> changes(final Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Whether the change changed nothing any pair shows. */
    public boolean isEmpty() {
        return changes.isEmpty() && onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }

    /** Endpoints the network had before and not after (their pairs are not compared). */
    public List<String> endpointsRemoved() {
        return onlyBefore;
    }

    /**
     * Endpoints the network has after the change and did not have before (their pairs are not compared).
     *
     * @return short ids, in the after matrix's order
     */
    public List<String> endpointsAdded() {
        return onlyAfter;
    }
}

package vnetsim.folder.compile;

import java.util.HashSet;
import java.util.Set;
import vnetsim.folder.k8s.Manifests.HostLocalRange;

/**
 * IPAM {@code host-local} as the plugin hands out addresses on one node
 * ({@code containernetworking/plugins: plugins/ipam/host-local/backend/allocator/allocator.go Get()} with its
 * {@code RangeIter}): starting after the last address it reserved (at {@code rangeStart} the first time), the first
 * address that is neither reserved nor the gateway, wrapping from {@code rangeEnd} back to {@code rangeStart}. The
 * state lives on the node ({@code /var/lib/cni/networks}), so every node allocates the same range independently.
 */
final class HostLocalAllocator {
    private final HostLocalRange range;
    private final Set<Integer> reserved = new HashSet<>();
    private int last;                          // 0: nothing reserved yet

    HostLocalAllocator(final HostLocalRange range) {
        this.range = range;
    }

    /** Reserves an address given elsewhere (network.yaml), so it is not handed out again. */
    void reserve(final int address) {
        reserved.add(address);
    }

    /** The next free address, reserved; 0 when the range is exhausted ("no IP addresses available in range set"). */
    int next() {
        final long size = (range.rangeEnd() & 0xffffffffL) - (range.rangeStart() & 0xffffffffL) + 1;
        int candidate = last == 0 || last == range.rangeEnd() ? range.rangeStart() : last + 1;
        for (long tried = 0; tried < size; tried++) {
            if (candidate != range.gateway() && !reserved.contains(candidate)) {
                reserved.add(candidate);
                last = candidate;
                return candidate;
            }
            candidate = candidate == range.rangeEnd() ? range.rangeStart() : candidate + 1;
        }
        return 0;
    }
}

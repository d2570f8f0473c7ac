package vnetsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import vnetsim.topology.Topology;

/**
 * Issue #5 (e), the memory half: heap retained by the generated 1,000-node, 100-VLAN, 10,000-workload topology.
 * Forces GC until used heap settles, builds the topology, forces GC again while holding it, and prints the
 * difference; also prints the cold (first, interpreted) build time. Prints one {@code RESULT} line.
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar vnetsim.bench.TopologyFootprint [nodes vlans workloads]}
 */
public final class TopologyFootprint {
    private TopologyFootprint() {
    }

    public static void main(final String[] args) {
        final int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        final int vlans = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        final int workloads = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long before = settledUsedHeap(memory);
        final long start = System.nanoTime();
        final Topology topology = LargeTopology.build(nodes, vlans, workloads);
        final long buildNs = System.nanoTime() - start;
        final long after = settledUsedHeap(memory);
        System.out.printf("RESULT topology-footprint nodes=%d vlans=%d workloads=%d devices=%d retained_bytes=%d "
                        + "retained_mib=%.1f bytes_per_device=%.0f cold_build_ms=%.0f%n", nodes, vlans, workloads,
                topology.deviceCount(), after - before, (after - before) / 1048576.0,
                (after - before) / (double) topology.deviceCount(), buildNs / 1e6);
    }

    private static long settledUsedHeap(final MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            final long now = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}

package vnetsim.bench;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;

/**
 * A cross-check for JMH on a shared, overloaded machine: runs a benchmark's op and measures the thread's CPU time
 * instead of wall-clock time, so time spent waiting for a core other builds hold is not counted (cache and
 * memory-bus interference still is), and the bytes the thread allocated. 25 rounds of 100,000 ops, each after the
 * benchmark's own per-iteration warm-up; the first 5 rounds are JIT warm-up. Prints the minimum and median CPU ns
 * per op and the bytes allocated per op in the measured rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar vnetsim.bench.CpuTime off|on [64|1500]} for
 * {@link EndToEndFlowBenchmark}, {@code ... CpuTime arp off|on} for {@link ColdArpFloodBenchmark}.
 */
public final class CpuTime {
    /** Rounds in all ({@code -Drounds=N} for a longer run under a profiler). */
    private static final int ROUNDS = Integer.getInteger("rounds", 25);
    private static final int WARM_ROUNDS = 5;
    private static final int OPS = 100_000;

    private CpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code off|on [64|1500]}, {@code arp off|on}, {@code random} (target (b), 1M-entry tables, needs
     *   {@code -Xmx2g}) or {@code build} (the 1,000-node topology, target (e))
     */
    public static void main(final String[] args) {
        if (args.length > 0 && "build".equals(args[0])) {
            build();
            return;
        }
        final String name;
        final Runnable warm;
        final IntSupplier op;
        if (args.length > 0 && "arp".equals(args[0])) {
            final ColdArpFloodBenchmark b = new ColdArpFloodBenchmark();
            b.trace = args.length > 1 ? args[1] : "off";
            b.build();
            name = "ColdArpFlood trace=" + b.trace;
            warm = () -> { };
            op = b::coldArpFlood;
        } else if (args.length > 0 && "random".equals(args[0])) {
            final RandomFlowsBenchmark b = new RandomFlowsBenchmark();
            b.entries = 1_000_000;
            b.fill();
            name = "RandomFlows entries=" + b.entries;
            warm = b::checkSteadyState;
            op = b::randomFlow;
        } else {
            final EndToEndFlowBenchmark b = new EndToEndFlowBenchmark();
            b.trace = args.length > 0 ? args[0] : "off";
            b.frame = args.length > 1 ? args[1] : "64";
            b.build();
            name = "EndToEnd trace=" + b.trace + " frame=" + b.frame;
            warm = b::warm;
            op = b::udpVm1ToVm3;
        }
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final double[] perOp = new double[ROUNDS - WARM_ROUNDS];
        long sink = 0;
        long allocated = 0;
        for (int r = 0; r < ROUNDS; r++) {
            warm.run();
            final long bytes = threads.getThreadAllocatedBytes(self);
            final long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                sink += op.getAsInt();
            }
            final double ns = (threads.getCurrentThreadCpuTime() - start) / (double) OPS;
            if (r >= WARM_ROUNDS) {
                perOp[r - WARM_ROUNDS] = ns;
                allocated += threads.getThreadAllocatedBytes(self) - bytes;
            }
        }
        java.util.Arrays.sort(perOp);
        System.out.printf("%s: CPU ns/op min %.1f median %.1f, %.2f B/op (sink %d)%n", name, perOp[0],
                perOp[perOp.length / 2], allocated / (double) OPS / (ROUNDS - WARM_ROUNDS), sink & 1);
    }

    /**
     * Target (e) under load: the thread CPU time and the bytes allocated by {@code LargeTopology.build(1000, 100,
     * 10000)}, 8 builds (the first 3 are JIT warm-up). GC work on other threads is not counted; the allocation is
     * deterministic, so it compares two commits on a busy machine where the wall-clock build time does not.
     */
    private static void build() {
        final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final int rounds = Integer.getInteger("rounds", 8);
        final double[] ms = new double[rounds - 3];
        double mib = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            final long bytes = threads.getThreadAllocatedBytes(self);
            final long start = threads.getCurrentThreadCpuTime();
            sink += LargeTopology.build(1000, 100, 10_000).deviceCount();
            final double took = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            if (r >= 3) {
                ms[r - 3] = took;
                mib = (threads.getThreadAllocatedBytes(self) - bytes) / 1048576.0;
            }
        }
        java.util.Arrays.sort(ms);
        System.out.printf("LargeTopology build 1000/100/10000: CPU ms min %.0f median %.0f, allocated %.1f MiB "
                + "(sink %d)%n", ms[0], ms[ms.length / 2], mib, sink & 1);
    }
}

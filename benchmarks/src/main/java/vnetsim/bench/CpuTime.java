package vnetsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check for JMH on a shared, overloaded machine: runs {@link EndToEndFlowBenchmark}'s op and measures the
 * thread's CPU time instead of wall-clock time, so time spent waiting for a core other builds hold is not counted
 * (cache and memory-bus interference still is). 25 rounds of 100,000 ops, each after the benchmark's own
 * per-iteration warm-up; the first 5 rounds are JIT warm-up. Prints the minimum and median CPU ns per op.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar vnetsim.bench.CpuTime off|on [64|1500]}
 */
public final class CpuTime {
    private static final int ROUNDS = 25;
    private static final int WARM_ROUNDS = 5;
    private static final int OPS = 100_000;

    private CpuTime() {
    }

    public static void main(final String[] args) {
        final EndToEndFlowBenchmark b = new EndToEndFlowBenchmark();
        b.trace = args.length > 0 ? args[0] : "off";
        b.frame = args.length > 1 ? args[1] : "64";
        b.build();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final double[] perOp = new double[ROUNDS - WARM_ROUNDS];
        long sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            b.warm();
            final long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                sink += b.udpVm1ToVm3();
            }
            final double ns = (threads.getCurrentThreadCpuTime() - start) / (double) OPS;
            if (r >= WARM_ROUNDS) {
                perOp[r - WARM_ROUNDS] = ns;
            }
        }
        java.util.Arrays.sort(perOp);
        System.out.printf("EndToEnd trace=%s frame=%s: CPU ns/op min %.1f median %.1f (sink %d)%n", b.trace, b.frame,
                perOp[0], perOp[perOp.length / 2], sink & 1);
    }
}

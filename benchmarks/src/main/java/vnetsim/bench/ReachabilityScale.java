package vnetsim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vnetsim.analysis.Network;
import vnetsim.analysis.Reachability;
import vnetsim.network.NetworkSpec;
import vnetsim.network.SyntheticNetwork;
import vnetsim.whatif.SpecEquivalence;

/**
 * The reachability matrix of a synthetic network ({@link SyntheticNetwork}, default 100 nodes, 50 VLANs, 2,000
 * workloads: 3,998,000 ordered pairs), timed with 1 and 2 worker threads. Each pair is a cold ICMP echo (ARP
 * included, so every cross-VLAN pair floods two ARP broadcasts over every node) decided without rendering a
 * trace for delivered pairs ({@code Options.withoutPaths()}). A plain {@code main}, not JMH: one op is seconds.
 *
 * <p>Without SENDERS (or 0): the whole matrix, one pair traced per equivalence class ({@link SpecEquivalence},
 * proved against full simulation by {@code SyntheticNetworkTest}), the others filled from their class. With
 * SENDERS: that many rows traced pair by pair with no equivalence (senders spread evenly over the workloads),
 * the full matrix time extrapolated from the measured pairs per second.
 *
 * <p>One untimed warm-up run on 2 threads (JIT), then REPEATS rounds (default 3) of a 1-thread and a 2-thread
 * run, alternated so both see the same machine. Each run prints its wall and process CPU time (CPU includes the
 * JIT and GC threads); at the end one {@code RESULT} line per thread count, read by {@code benchmarks/report.py}:
 * pairs answered and pairs simulated per second of the fastest run, and the median wall and CPU times.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar vnetsim.bench.ReachabilityScale [NODES VLANS WORKLOADS SENDERS [REPEATS]]
 * </pre>
 */
public final class ReachabilityScale {
    private static final int[] THREADS = {1, 2};

    private ReachabilityScale() {
    }

    /** One timed run. */
    private record Run(int threads, int pairs, int traced, int failures, double wall, double cpu) {
    }

    private static Run run(final Network network, final Reachability.Options options) {
        System.gc();
        final long t0 = System.nanoTime();
        final long cpu0 = cpuNs();
        final Reachability m = Reachability.of(network, options);
        final double wall = (System.nanoTime() - t0) / 1e9;
        final double cpu = (cpuNs() - cpu0) / 1e9;
        return new Run(options.threads(), m.cells().size(), m.tracedPairs(), m.failures().size(), wall, cpu);
    }

    private static long cpuNs() {
        final java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double median(final double[] values) {
        final double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * Times the matrix as the arguments say and prints one line per run and one RESULT line per thread count.
     *
     * @param args NODES VLANS WORKLOADS (default 100 50 2000), SENDERS (0, the default: the whole matrix by class;
     *             more: that many rows, every pair traced), REPEATS (rounds of 1 and 2 threads, default 3)
     */
    public static void main(final String[] args) {
        final int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        final int vlans = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        final int workloads = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        final int senders = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        final int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        final long t0 = System.nanoTime();
        final NetworkSpec spec = SyntheticNetwork.generate(nodes, vlans, workloads);
        final Network network = spec.network();
        final int devices = network.topology().deviceCount();
        System.out.printf(Locale.ROOT, "%s: %d devices, built in %.1f s%n", network.name(), devices,
                (System.nanoTime() - t0) / 1e9);
        final Reachability.Options options;
        final String mode;
        if (senders == 0) {
            final SpecEquivalence classes = SpecEquivalence.of(spec);
            System.out.printf(Locale.ROOT, "whole matrix, one pair traced per class: %d workload classes%n",
                    classes.classes());
            options = Reachability.Options.defaults().withEquivalence(classes);
            mode = "matrix";
        } else {
            final List<String> rows = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                rows.add("w" + (int) ((long) i * workloads / senders));
            }
            System.out.printf(Locale.ROOT, "%d rows, every pair traced%n", senders);
            options = Reachability.Options.defaults().withoutPaths().withSenders(rows);
            mode = "rows";
        }
        final Run warm = run(network, options.withThreads(2));
        System.out.printf(Locale.ROOT, "warm-up (2 threads, not counted): %.2f s wall, %.2f s process CPU%n",
                warm.wall(), warm.cpu());
        final long allPairs = (long) workloads * (workloads - 1);
        final Run[][] runs = new Run[THREADS.length][repeats];
        final Runtime rt = Runtime.getRuntime();
        for (int r = 0; r < repeats; r++) {
            for (int t = 0; t < THREADS.length; t++) {
                final Run run = run(network, options.withThreads(THREADS[t]));
                runs[t][r] = run;
                final long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
                System.out.printf(Locale.ROOT, "threads %d: %d pairs (%d not delivered, %d simulated) in %.2f s "
                                + "wall, %.2f s process CPU = %.0f pairs/s, %.0f simulated/s; %sheap used %d MiB "
                                + "of max %d MiB%n", run.threads(), run.pairs(), run.failures(), run.traced(),
                        run.wall(), run.cpu(), run.pairs() / run.wall(), run.traced() / run.wall(),
                        senders == 0 ? "" : String.format(Locale.ROOT, "all %d pairs: %.0f s extrapolated; ",
                                allPairs, allPairs / (run.pairs() / run.wall())),
                        usedMiB, rt.maxMemory() >> 20);
            }
        }
        double oneThread = 0;
        for (int t = 0; t < THREADS.length; t++) {
            final double[] walls = Arrays.stream(runs[t]).mapToDouble(Run::wall).toArray();
            final double[] cpus = Arrays.stream(runs[t]).mapToDouble(Run::cpu).toArray();
            final double best = Arrays.stream(walls).min().orElseThrow();
            final Run any = runs[t][0];
            final double perSecond = any.pairs() / best;
            if (THREADS[t] == 1) {
                oneThread = perSecond;
            }
            System.out.printf(Locale.ROOT, "RESULT bench=reachability mode=%s network=%s threads=%d pairs=%d "
                            + "simulated=%d runs=%d wall_s_min=%.3f wall_s_median=%.3f cpu_s_median=%.3f "
                            + "pairs_per_s=%.0f simulated_per_s=%.0f speedup=%.2f%n", mode, network.name(),
                    THREADS[t], any.pairs(), any.traced(), repeats, best, median(walls), median(cpus), perSecond,
                    any.traced() / best, perSecond / oneThread);
        }
    }
}

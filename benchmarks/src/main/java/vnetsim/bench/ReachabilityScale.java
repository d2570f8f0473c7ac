package vnetsim.bench;

import java.util.ArrayList;
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
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar vnetsim.bench.ReachabilityScale [NODES VLANS WORKLOADS SENDERS]
 * </pre>
 */
public final class ReachabilityScale {
    private ReachabilityScale() {
    }

    /** Every ordered pair, one traced per equivalence class ({@link SpecEquivalence}), 1 then 2 threads. */
    private static void fullMatrix(final Network network, final NetworkSpec spec) {
        final SpecEquivalence classes = SpecEquivalence.of(spec);
        System.out.printf(Locale.ROOT, "%d workload classes%n", classes.classes());
        double one = 0;
        for (final int threads : new int[] {1, 2}) {
            System.gc();
            final long t0 = System.nanoTime();
            final long cpu0 = cpuNs();
            Reachability m = Reachability.of(network, Reachability.Options.defaults().withEquivalence(classes)
                    .withThreads(threads));
            final double seconds = (System.nanoTime() - t0) / 1e9;
            final double cpu = (cpuNs() - cpu0) / 1e9;
            final int pairs = m.cells().size();
            final int failures = m.failures().size();
            final Runtime rt = Runtime.getRuntime();
            final long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
            m = null;
            if (threads == 1) {
                one = seconds;
            }
            System.out.printf(Locale.ROOT, "threads %d: %d pairs (%d not delivered) in %.1f s wall, %.1f s process "
                            + "CPU; heap used at the end %d MiB of max %d MiB%s%n", threads, pairs, failures, seconds,
                    cpu, usedMiB, rt.maxMemory() >> 20,
                    threads == 2 ? String.format(Locale.ROOT, "; speed-up %.2fx", one / seconds) : "");
        }
    }

    private static long cpuNs() {
        final java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    public static void main(final String[] args) {
        final int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        final int vlans = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        final int workloads = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        final int senders = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        long t0 = System.nanoTime();
        final NetworkSpec spec = SyntheticNetwork.generate(nodes, vlans, workloads);
        final Network network = spec.network();
        final int devices = network.topology().deviceCount();
        System.out.printf(Locale.ROOT, "%s: %d devices, built in %.1f s%n", network.name(), devices,
                (System.nanoTime() - t0) / 1e9);
        if (senders == 0) {
            fullMatrix(network, spec);
            return;
        }
        final List<String> rows = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            rows.add("w" + (int) ((long) i * workloads / senders));
        }
        final long allPairs = (long) workloads * (workloads - 1);
        double oneThread = 0;
        for (final int threads : new int[] {1, 2, 1, 2}) {
            System.gc();
            t0 = System.nanoTime();
            final Reachability m = Reachability.of(network, Reachability.Options.defaults().withoutPaths()
                    .withSenders(rows).withThreads(threads));
            final double seconds = (System.nanoTime() - t0) / 1e9;
            final double perSecond = m.cells().size() / seconds;
            final Runtime rt = Runtime.getRuntime();
            final long usedMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
            if (threads == 1) {
                oneThread = perSecond;
            }
            System.out.printf(Locale.ROOT, "threads %d: %d pairs (%d delivered) in %.2f s = %.0f pairs/s; "
                            + "all %d pairs: %.0f s extrapolated; heap used %d MiB of max %d MiB%s%n",
                    threads, m.cells().size(), m.cells().size() - m.failures().size(), seconds, perSecond, allPairs,
                    allPairs / perSecond, usedMiB, rt.maxMemory() >> 20,
                    threads == 2 ? String.format(Locale.ROOT, "; speed-up %.2fx", perSecond / oneThread) : "");
        }
    }
}

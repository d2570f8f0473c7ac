package vnetsim.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.topology.Topology;
import vnetsim.trace.Drop;
import vnetsim.trace.Outcome;
import vnetsim.trace.PacketDrop;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/**
 * The reachability matrix of a network: one packet from every endpoint to every other (ordered pairs), each
 * delivered or not, with where and why it stopped and its root cause. Pairs run in parallel: the compiled
 * topology is built once and shared (it is immutable), each worker thread runs its own {@link Simulator}, reset
 * between pairs. Each pair starts cold (caches empty, as the first packet after boot), so everything the packet
 * needs, ARP included, happens in its run.
 *
 * <pre>{@code
 * Reachability matrix = Reachability.of(network);
 * assertThat(matrix.cell("vm1", "vm3").outcome()).isEqualTo(Outcome.DELIVERED);
 * ReachabilityDiff diff = Reachability.diff(matrix, Reachability.of(network.with(change)));
 * }</pre>
 */
public final class Reachability {
    /**
     * One ordered pair.
     *
     * @param from     sender's short id ({@code vm1})
     * @param to       destination's short id
     * @param fromName sender's display name
     * @param toName   destination's display name
     * @param outcome  DELIVERED, DROPPED or LOOP
     * @param drop     where the packet stopped, or null when delivered
     * @param cause    the root cause ({@link Trace#cause()}), or null when delivered
     * @param path     the packet's path in the document view, one "device / interface" per row
     */
    public record Cell(String from, String to, String fromName, String toName, Outcome outcome, Drop drop,
                       PacketDrop cause, List<String> path) {
        /**
         * Keeps an immutable copy of {@code path}.
         *
         * @param from     sender's short id ({@code vm1})
         * @param to       destination's short id
         * @param fromName sender's display name
         * @param toName   destination's display name
         * @param outcome  DELIVERED, DROPPED or LOOP
         * @param drop     where the packet stopped, or null when delivered
         * @param cause    the root cause ({@link Trace#cause()}), or null when delivered
         * @param path     the packet's path in the document view, one "device / interface" per row
         */
        public Cell {
            path = List.copyOf(path);
        }

        /**
         * Whether the pair's packet arrived.
         *
         * @return true when the outcome is {@link Outcome#DELIVERED}
         */
        public boolean isDelivered() {
            return outcome == Outcome.DELIVERED;
        }

        /** "vm1 -> vm3". */
        public String pair() {
            return from + " -> " + to;
        }
    }

    /**
     * How to run the matrix.
     *
     * @param protocol what each pair sends
     * @param threads  worker threads, at least 1
     * @param progress    told the number of pairs done after each traced pair and each few thousand pairs filled
     *                    from their class (from any worker thread), or null
     * @param paths       whether delivered cells carry their path (a rendered trace per pair)
     * @param senders     the endpoints that send (rows), or null for all
     * @param equivalence classes of pairs known to behave alike, or null to trace every pair
     */
    public record Options(Protocol protocol, int threads, IntConsumer progress, boolean paths,
                          List<String> senders, PairEquivalence equivalence) {
        /**
         * Checks the thread count and keeps an immutable copy of {@code senders}.
         *
         * @param protocol what each pair sends
         * @param threads  worker threads, at least 1
         * @param progress    told the number of pairs done after each traced pair and each few thousand pairs filled
         *                    from their class (from any worker thread), or null
         * @param paths       whether delivered cells carry their path (a rendered trace per pair)
         * @param senders     the endpoints that send (rows), or null for all
         * @param equivalence classes of pairs known to behave alike, or null to trace every pair
         * @throws IllegalArgumentException when {@code threads} is less than 1
         */
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            senders = senders == null ? null : List.copyOf(senders);
        }

        /** ICMP, one thread per core, no progress, paths recorded, every endpoint sends. */
        public static Options defaults() {
            return new Options(Protocol.ICMP, Runtime.getRuntime().availableProcessors(), null, true, null, null);
        }

        /**
         * The same options with another protocol.
         *
         * @param p what each pair sends
         * @return a copy with {@code protocol} replaced
         */
        public Options withProtocol(final Protocol p) {
            return new Options(p, threads, progress, paths, senders, equivalence);
        }

        /**
         * The same options with another number of worker threads.
         *
         * @param n worker threads, at least 1 (each traces pairs on its own simulator; the topology is shared)
         * @return a copy with {@code threads} replaced
         * @throws IllegalArgumentException when {@code n} is less than 1
         */
        public Options withThreads(final int n) {
            return new Options(protocol, n, progress, paths, senders, equivalence);
        }

        /**
         * The same options with a progress listener.
         *
         * @param listener told the number of pairs done so far after each pair, from any worker thread; null for none
         * @return a copy with {@code progress} replaced
         */
        public Options withProgress(final IntConsumer listener) {
            return new Options(protocol, threads, listener, paths, senders, equivalence);
        }

        /**
         * Without paths, a delivered pair is decided from the run's events alone (no trace is rendered) and its
         * cell has an empty path; failures still carry drop and cause. For large matrices; a diff then compares
         * outcomes and drops only.
         *
         * @return a copy with {@code paths} off
         */
        public Options withoutPaths() {
            return new Options(protocol, threads, progress, false, senders, equivalence);
        }

        /**
         * Traces one pair per equivalence class (implies {@link #withoutPaths()}): pairs of a class whose
         * representative is delivered are delivered; the others are traced one by one.
         *
         * @param classes gives equal keys to pairs known to behave alike (e.g. derived from a network's description)
         * @return a copy with {@code equivalence} set and {@code paths} off
         */
        public Options withEquivalence(final PairEquivalence classes) {
            return new Options(protocol, threads, progress, false, senders, classes);
        }

        /**
         * Only these endpoints send (rows of the matrix); every endpoint still receives.
         *
         * @param ids the sending endpoints by short id or display name, or null for all
         * @return a copy with {@code senders} replaced
         */
        public Options withSenders(final List<String> ids) {
            return new Options(protocol, threads, progress, paths, ids, equivalence);
        }
    }

    private final String network;
    private final Protocol protocol;
    private final List<String> endpoints;
    private final Map<String, String> names;
    private final Map<String, Integer> indexOf = new java.util.HashMap<>();
    private final int[] rowOf;
    private final int[] senderOf;
    /** One per pair, row by row; null for a pair delivered as its class was, whose cell is made when asked for. */
    private final Cell[] cells;

    private Reachability(final String network, final Protocol protocol, final Map<String, String> names,
                         final List<Integer> senders, final Cell[] cells) {
        this.network = network;
        this.protocol = protocol;
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.endpoints = List.copyOf(names.keySet());
        for (int i = 0; i < endpoints.size(); i++) {
            indexOf.put(endpoints.get(i), i);
        }
        this.rowOf = new int[endpoints.size()];
        java.util.Arrays.fill(rowOf, -1);
        this.senderOf = new int[senders.size()];
        for (int r = 0; r < senders.size(); r++) {
            rowOf[senders.get(r)] = r;
            senderOf[r] = senders.get(r);
        }
        this.cells = cells;
    }

    /** ICMP echo between every ordered pair of endpoints, on all cores. */
    public static Reachability of(final Network network) {
        return of(network, Options.defaults());
    }

    /**
     * Every ordered pair of endpoints sending this protocol, caches warm, on all cores.
     *
     * @param network  the network whose endpoints are paired
     * @param protocol what each pair sends
     * @return the matrix, one cell per ordered pair
     */
    public static Reachability of(final Network network, final Protocol protocol) {
        return of(network, Options.defaults().withProtocol(protocol));
    }

    /** The number of ordered pairs {@link #of} will trace for this network. */
    public static int pairCount(final Network network) {
        final Topology topology = network.topology();
        final long n = topology.endpointIds().values().stream().filter(i -> topology.endpoint(i).ip() != 0).count();
        return (int) (n * (n - 1));
    }

    /**
     * Every ordered pair of endpoints (or only the senders the options name), traced as the options say. Endpoints
     * without an IPv4 address (DHCP clients, which have one only after a lease) are left out: no flow to or from
     * them can be addressed. The topology is compiled once and shared; each worker thread runs its own simulator.
     *
     * @param network the network whose endpoints are paired
     * @param options protocol, threads, progress, paths, senders and equivalence classes
     * @return the matrix, one cell per ordered pair, in definition order
     * @throws UnknownEndpointException when a sender the options name is not in the network
     * @throws IllegalArgumentException when a sender the options name has no address (a DHCP client)
     */
    public static Reachability of(final Network network, final Options options) {
        final Topology topology = network.topology();                 // compiled once, shared by the workers
        final Map<String, String> names = new LinkedHashMap<>();
        topology.endpointIds().forEach((id, index) -> {
            if (topology.endpoint(index).ip() != 0) {         // a DHCP client before its lease has no address
                names.put(id, topology.device(index).host());
            }
        });
        final List<String> ids = List.copyOf(names.keySet());
        final int n = ids.size();
        final List<Integer> senders = new ArrayList<>();
        if (options.senders() == null) {
            for (int i = 0; i < n; i++) {
                senders.add(i);
            }
        } else {
            for (final String s : options.senders()) {
                final int sender = ids.indexOf(idOf(topology, s));
                if (sender < 0) {
                    throw new IllegalArgumentException("'" + s + "' has no IPv4 address until DHCP gives it one, so "
                            + "it has no row in the reachability matrix; trace its DHCP exchange instead");
                }
                senders.add(sender);
            }
        }
        final int pairs = n < 2 ? 0 : senders.size() * (n - 1);
        final Cell[] result = new Cell[pairs];
        final java.util.function.IntUnaryOperator fromOf = i -> senders.get(i / (n - 1));
        final java.util.function.IntUnaryOperator toOf = i -> destinationOf(senders.get(i / (n - 1)), i, n);
        final AtomicInteger done = new AtomicInteger();
        final PairTask task = (sim, log, i) -> {
            final int from = fromOf.applyAsInt(i);
            final int to = toOf.applyAsInt(i);
            final Flow flow = new Flow(ids.get(from), ids.get(to), options.protocol(), true);
            if (options.paths()) {
                return cellOf(ids.get(from), ids.get(to), network.trace(sim, log, flow, null));
            }
            final int[] run = network.simulate(sim, log, flow, null);
            return delivered(log, run[0], run[2])
                    ? new Cell(ids.get(from), ids.get(to), names.get(ids.get(from)), names.get(ids.get(to)),
                            Outcome.DELIVERED, null, null, List.of())
                    : cellOf(ids.get(from), ids.get(to), new TraceBuilder(topology, log).build(
                            network.name(), flow.protocol().label(), run[0], run[1], run[2]));
        };
        if (options.equivalence() == null || options.paths()) {
            final int[] all = new int[pairs];
            for (int i = 0; i < pairs; i++) {
                all[i] = i;
            }
            runAll(topology, all, task, result, options, done);
        } else {
            // one pair per class first; a class whose representative is delivered is delivered throughout, the
            // rest are traced pair by pair so every drop names its own devices
            final PairEquivalence.Indexed keys = options.equivalence().indexed(ids);
            final Groups groups = Groups.of(pairs, options.threads(), i -> keys.key(fromOf.applyAsInt(i),
                    toOf.applyAsInt(i)));
            runAll(topology, groups.representatives, task, result, options, done);
            final int[] rest = groups.undelivered(result, options, done);
            runAll(topology, rest, task, result, options, done);
        }
        return new Reachability(network.name(), options.protocol(), names, senders, result);
    }

    /** One pair's simulation in a worker's own simulation and log. */
    private interface PairTask {
        Cell run(Simulator sim, StepLog log, int pair);
    }

    private static void report(final Options options, final AtomicInteger done) {
        report(options, done, 1);
    }

    private static void report(final Options options, final AtomicInteger done, final int more) {
        final int finished = done.addAndGet(more);
        if (options.progress() != null && more > 0) {
            options.progress().accept(finished);
        }
    }

    /** Runs the given pairs on {@code options.threads()} workers, each with its own simulation of the topology. */
    private static void runAll(final Topology topology, final int[] pairs, final PairTask task, final Cell[] result,
                               final Options options, final AtomicInteger done) {
        if (pairs.length == 0) {
            return;                                                     // no simulator to build
        }
        final AtomicInteger next = new AtomicInteger();
        onWorkers(Math.min(options.threads(), Math.max(1, pairs.length)), () -> {
            final Simulator sim = new Simulator(topology);              // this worker's own device state
            final StepLog log = new StepLog();
            for (int k = next.getAndIncrement(); k < pairs.length; k = next.getAndIncrement()) {
                result[pairs[k]] = task.run(sim, log, pairs[k]);
                report(options, done);
            }
        });
    }

    /** Runs {@code threads} copies of the worker, on the calling thread when there is one. */
    private static void onWorkers(final int threads, final Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "vnetsim-reachability");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (final Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reachability interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The pairs of a matrix grouped by class key, each class represented by its first pair in matrix order. Built
     * on the worker threads (millions of pairs on a large network): the pairs are cut into contiguous ranges, each
     * range is grouped on its own, and the ranges' classes are merged in order, so a class's representative is its
     * first pair whatever the thread count (the result does not depend on it).
     */
    static final class Groups {
        /** Pairs per range at least, so a small matrix is one range. */
        private static final int MIN_RANGE = 1 << 16;
        /** Filled pairs between two progress reports. */
        private static final int REPORT_EVERY = 4096;

        private final int pairs;
        private final int threads;
        private final int ranges;
        /** Per pair: the index of its class among its range's classes. */
        private final int[] classInRange;
        /** Per range and class of the range: the class's representative. */
        private final int[][] representativeOf;
        /** Every class's representative, ascending. */
        final int[] representatives;

        private Groups(final int pairs, final int threads, final IntToLongFunction key) {
            this.pairs = pairs;
            this.threads = threads;
            this.ranges = Math.max(1, Math.min(threads * 8, pairs / MIN_RANGE));
            this.classInRange = new int[pairs];
            final long[][] keys = new long[ranges][];             // per range: its classes' keys, in order of
            final int[][] first = new int[ranges][];              // first appearance, and their first pairs
            final AtomicInteger next = new AtomicInteger();
            onWorkers(Math.min(threads, ranges), () -> {
                for (int r = next.getAndIncrement(); r < ranges; r = next.getAndIncrement()) {
                    final Long2LongHashMap local = new Long2LongHashMap(-1);
                    final LongArrayList rangeKeys = new LongArrayList();
                    final IntArrayList rangeFirst = new IntArrayList();
                    for (int i = start(r); i < start(r + 1); i++) {
                        final long k = key.applyAsLong(i);
                        long c = local.get(k);
                        if (c < 0) {
                            c = rangeKeys.size();
                            local.put(k, c);
                            rangeKeys.addLong(k);
                            rangeFirst.addInt(i);
                        }
                        classInRange[i] = (int) c;
                    }
                    keys[r] = rangeKeys.toLongArray();
                    first[r] = rangeFirst.toIntArray();
                }
            });
            // merge in range order: a class first seen in an earlier range keeps that range's first pair
            final Long2LongHashMap global = new Long2LongHashMap(-1);
            final IntArrayList reps = new IntArrayList();
            this.representativeOf = new int[ranges][];
            for (int r = 0; r < ranges; r++) {
                representativeOf[r] = new int[keys[r].length];
                for (int c = 0; c < keys[r].length; c++) {
                    long rep = global.get(keys[r][c]);
                    if (rep < 0) {
                        rep = first[r][c];
                        global.put(keys[r][c], rep);
                        reps.addInt(first[r][c]);
                    }
                    representativeOf[r][c] = (int) rep;
                }
            }
            this.representatives = reps.toIntArray();
        }

        /**
         * Groups the pairs by key.
         *
         * @param pairs   the number of pairs, numbered from 0
         * @param threads worker threads
         * @param key     a pair's class key, called from the workers
         */
        static Groups of(final int pairs, final int threads, final IntToLongFunction key) {
            return new Groups(pairs, threads, key);
        }

        private int start(final int range) {
            return (int) ((long) pairs * range / ranges);
        }

        /**
         * The representative of a pair's class.
         *
         * @param pair a pair, from 0
         * @return the first pair with the same key
         */
        int representative(final int pair) {
            int r = 0;
            while (start(r + 1) <= pair) {
                r++;
            }
            return representativeOf[r][classInRange[pair]];
        }

        /**
         * Once the representatives are traced: every other pair of a class whose representative was delivered is
         * delivered (its cell stays null in {@code result}, made when the matrix is read); the others are returned.
         * On the worker threads.
         *
         * @return the pairs still to trace (their class's representative was not delivered), ascending
         */
        int[] undelivered(final Cell[] result, final Options options, final AtomicInteger done) {
            final int[][] rest = new int[ranges][];
            final AtomicInteger next = new AtomicInteger();
            onWorkers(Math.min(threads, ranges), () -> {
                for (int r = next.getAndIncrement(); r < ranges; r = next.getAndIncrement()) {
                    final IntArrayList left = new IntArrayList();
                    int unreported = 0;
                    for (int i = start(r); i < start(r + 1); i++) {
                        if (result[i] != null) {
                            continue;                                       // a representative
                        }
                        if (result[representativeOf[r][classInRange[i]]].isDelivered()) {
                            if (++unreported == REPORT_EVERY) {
                                report(options, done, unreported);
                                unreported = 0;
                            }
                        } else {
                            left.addInt(i);
                        }
                    }
                    report(options, done, unreported);
                    rest[r] = left.toIntArray();
                }
            });
            return Arrays.stream(rest).flatMapToInt(Arrays::stream).toArray();
        }
    }

    /**
     * Whether the traced packet reached its destination and nothing in the run looped: the outcome
     * {@link TraceBuilder} gives DELIVERED, decided without rendering the trace.
     */
    static boolean delivered(final StepLog log, final int packet, final int to) {
        boolean reached = false;
        for (int e = 0; e < log.size(); e++) {
            if (log.dropReason(e) == DropReason.HOP_LIMIT) {
                return false;
            }
            if (!reached && log.packet(e) == packet && log.device(e) == to && log.action(e) == Action.DELIVERED) {
                reached = true;
            }
        }
        return reached;
    }

    private static String idOf(final Topology topology, final String idOrName) {
        final int index = Network.endpoint(topology, idOrName);
        for (final Map.Entry<String, Integer> e : topology.endpointIds().entrySet()) {
            if (e.getValue() == index) {
                return e.getKey();
            }
        }
        return idOrName;
    }

    private static Cell cellOf(final String from, final String to, final Trace t) {
        final List<String> path = new ArrayList<>(t.steps().size());
        for (final Step s : t.steps()) {
            path.add(s.place());
        }
        return new Cell(from, to, t.from(), t.to(), t.outcome(), t.drop(), t.cause(), path);
    }

    /** The flows whose outcome or path differs between two matrices of the same network. */
    public static ReachabilityDiff diff(final Reachability before, final Reachability after) {
        return ReachabilityDiff.of(before, after);
    }

    /**
     * The network the matrix was computed on.
     *
     * @return the network's name
     */
    public String network() {
        return network;
    }

    /**
     * What each pair sent.
     *
     * @return the protocol of every cell
     */
    public Protocol protocol() {
        return protocol;
    }

    /** Endpoint short ids, in definition order. */
    public List<String> endpoints() {
        return endpoints;
    }

    /**
     * The display name of an endpoint.
     *
     * @param id an endpoint's short id, as {@link #endpoints()} lists it
     * @return its display name ({@code VM1}), or null when no endpoint has that id
     */
    public String nameOf(final String id) {
        return names.get(id);
    }

    /** Every ordered pair, row by row (sender in definition order, then destination); an unmodifiable list. */
    public List<Cell> cells() {
        return new CellList();
    }

    /** The matrix's cells as a list, a pair delivered as its class was made when read (4 million on a large network). */
    private final class CellList extends java.util.AbstractList<Cell> implements java.util.RandomAccess {
        @Override
        public Cell get(final int index) {
            java.util.Objects.checkIndex(index, cells.length);
            return cellAt(index);
        }

        @Override
        public int size() {
            return cells.length;
        }
    }

    /**
     * The destination of pair {@code pair} in a matrix of {@code n} endpoints whose row belongs to sender
     * {@code from}: the row's {@code n - 1} destinations in endpoint order, the sender itself skipped.
     */
    private static int destinationOf(final int from, final int pair, final int n) {
        final int skip = pair % (n - 1);
        return skip >= from ? skip + 1 : skip;
    }

    private Cell cellAt(final int pair) {
        final Cell c = cells[pair];
        if (c != null) {
            return c;
        }
        final int from = senderOf[pair / (endpoints.size() - 1)];
        final String fromId = endpoints.get(from);
        final String toId = endpoints.get(destinationOf(from, pair, endpoints.size()));
        return new Cell(fromId, toId, names.get(fromId), names.get(toId), Outcome.DELIVERED, null, null, List.of());
    }

    /**
     * One pair, by short id or display name.
     * @throws UnknownEndpointException naming the endpoints that exist
     */
    public Cell cell(final String from, final String to) {
        final Cell c = find(id(from), id(to));
        if (c == null) {
            throw new IllegalArgumentException("no pair " + from + " -> " + to + " in this matrix (an endpoint to "
                    + "itself, or a sender left out)");
        }
        return c;
    }

    /** The pair by short ids, or null when the matrix does not hold it. */
    Cell find(final String fromId, final String toId) {
        final Integer f = indexOf.get(fromId);
        final Integer t = indexOf.get(toId);
        if (f == null || t == null || f.equals(t) || rowOf[f] < 0) {
            return null;
        }
        return cellAt(rowOf[f] * (endpoints.size() - 1) + (t > f ? t - 1 : t));
    }

    /**
     * How many pairs were simulated: all of them, unless the matrix was made with an equivalence
     * ({@link Options#withEquivalence}), when only each class's representative and the pairs of classes whose
     * representative was not delivered were.
     *
     * @return the number of pairs traced, at most {@code cells().size()}
     */
    public int tracedPairs() {
        return (int) Arrays.stream(cells).filter(java.util.Objects::nonNull).count();
    }

    /** Cells not delivered. */
    public List<Cell> failures() {
        return Arrays.stream(cells).filter(c -> c != null && !c.isDelivered()).toList();
    }

    private String id(final String idOrName) {
        if (indexOf.containsKey(idOrName)) {
            return idOrName;
        }
        for (final Map.Entry<String, String> e : names.entrySet()) {
            if (e.getKey().equalsIgnoreCase(idOrName.trim()) || e.getValue().equalsIgnoreCase(idOrName.trim())) {
                return e.getKey();
            }
        }
        throw new UnknownEndpointException(idOrName, names.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }

    static String key(final String from, final String to) {
        return from + '\0' + to;
    }
}

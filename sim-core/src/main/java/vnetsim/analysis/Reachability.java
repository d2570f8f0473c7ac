package vnetsim.analysis;

import java.util.ArrayList;
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
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.topology.Topology;
import vnetsim.trace.Drop;
import vnetsim.trace.Outcome;
import vnetsim.trace.PacketDrop;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

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
        public Cell {
            path = List.copyOf(path);
        }

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
     * @param progress told the number of pairs done after each pair (from any worker thread), or null
     */
    public record Options(Protocol protocol, int threads, IntConsumer progress) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
        }

        /** ICMP, one thread per core, no progress. */
        public static Options defaults() {
            return new Options(Protocol.ICMP, Runtime.getRuntime().availableProcessors(), null);
        }

        public Options withProtocol(final Protocol p) {
            return new Options(p, threads, progress);
        }

        public Options withThreads(final int n) {
            return new Options(protocol, n, progress);
        }

        public Options withProgress(final IntConsumer listener) {
            return new Options(protocol, threads, listener);
        }
    }

    private final String network;
    private final Protocol protocol;
    private final List<String> endpoints;
    private final Map<String, String> names;
    private final Map<String, Cell> cells;

    private Reachability(final String network, final Protocol protocol, final Map<String, String> names,
                         final List<Cell> cells) {
        this.network = network;
        this.protocol = protocol;
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        this.endpoints = List.copyOf(names.keySet());
        final Map<String, Cell> byPair = new LinkedHashMap<>();
        for (final Cell c : cells) {
            byPair.put(key(c.from(), c.to()), c);
        }
        this.cells = Collections.unmodifiableMap(byPair);
    }

    /** ICMP echo between every ordered pair of endpoints, on all cores. */
    public static Reachability of(final Network network) {
        return of(network, Options.defaults());
    }

    public static Reachability of(final Network network, final Protocol protocol) {
        return of(network, Options.defaults().withProtocol(protocol));
    }

    /** The number of ordered pairs {@link #of} will trace for this network. */
    public static int pairCount(final Network network) {
        final int n = network.topology().endpointIds().size();
        return n * (n - 1);
    }

    public static Reachability of(final Network network, final Options options) {
        final Topology topology = network.topology();                 // compiled once, shared by the workers
        final Map<String, String> names = new LinkedHashMap<>();
        topology.endpointIds().forEach((id, index) -> names.put(id, topology.device(index).host()));
        final List<String> ids = List.copyOf(names.keySet());
        final int n = ids.size();
        final int pairs = n * (n - 1);
        final Cell[] result = new Cell[pairs];
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final Runnable worker = () -> {
            final Simulator sim = new Simulator(topology);              // this worker's own device state
            final StepLog log = new StepLog();
            for (int i = next.getAndIncrement(); i < pairs; i = next.getAndIncrement()) {
                final int from = i / (n - 1);
                final int skip = i % (n - 1);
                final int to = skip >= from ? skip + 1 : skip;
                final Flow flow = new Flow(ids.get(from), ids.get(to), options.protocol(), true);
                result[i] = cellOf(ids.get(from), ids.get(to), network.trace(sim, log, flow, null));
                final int finished = done.incrementAndGet();
                if (options.progress() != null) {
                    options.progress().accept(finished);
                }
            }
        };
        final int threads = Math.min(options.threads(), Math.max(1, pairs));
        if (threads == 1) {
            worker.run();
        } else {
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
        return new Reachability(network.name(), options.protocol(), names, List.of(result));
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

    public String network() {
        return network;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Endpoint short ids, in definition order. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** Display name of an endpoint id. */
    public String nameOf(final String id) {
        return names.get(id);
    }

    /** Every ordered pair, row by row (sender in definition order, then destination). */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /**
     * One pair, by short id or display name.
     * @throws UnknownEndpointException naming the endpoints that exist
     */
    public Cell cell(final String from, final String to) {
        final Cell c = cells.get(key(id(from), id(to)));
        if (c == null) {
            throw new IllegalArgumentException("no pair " + from + " -> " + to + " (an endpoint to itself?)");
        }
        return c;
    }

    public boolean reaches(final String from, final String to) {
        return cell(from, to).isDelivered();
    }

    /** Cells not delivered. */
    public List<Cell> failures() {
        return cells.values().stream().filter(c -> !c.isDelivered()).toList();
    }

    Map<String, Cell> byPair() {
        return cells;
    }

    private String id(final String idOrName) {
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

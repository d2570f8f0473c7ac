package vnetsim.pcap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undo actions for files being written, run by a JVM shutdown hook when the process is interrupted (SIGINT,
 * SIGTERM, {@code System.exit}) before a capture was published or discarded: temporary files are deleted and a
 * file moved aside is put back, so an interrupted run leaves the user's directory as it found it. The hook is
 * the only way to act on a signal in Java; it is installed once, on first use. Publishing steps run while holding
 * {@link #LOCK}, so the hook never sees a half-done rename.
 */
final class ExitCleanup {
    /** Held by every publishing step and by the hook. */
    static final Object LOCK = new Object();

    private static final Map<Object, Runnable> PENDING = new LinkedHashMap<>();
    private static boolean hookInstalled;

    private ExitCleanup() {
    }

    /** Runs {@code undo} at exit unless {@link #remove} is called with the same key first. */
    static void add(final Object key, final Runnable undo) {
        synchronized (LOCK) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::runAll, "vnetsim-capture-cleanup"));
                hookInstalled = true;
            }
            PENDING.put(key, undo);
        }
    }

    static void remove(final Object key) {
        synchronized (LOCK) {
            PENDING.remove(key);
        }
    }

    private static void runAll() {
        synchronized (LOCK) {
            final List<Runnable> undo = new ArrayList<>(PENDING.values());
            PENDING.clear();
            for (int i = undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException ignored) {
                    // best effort: the process is going away
                }
            }
        }
    }
}

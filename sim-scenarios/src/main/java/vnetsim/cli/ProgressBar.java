package vnetsim.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar on a terminal ("pairs 1234/4032 [=====>     ] 31% 2.1 s"), drawn only when standard
 * output is a terminal and only once a run has taken a second, at most ten times a second; silent otherwise.
 * Hand-written: me.tongfei:progressbar is not available from this build's Maven mirror.
 */
final class ProgressBar implements IntConsumer, AutoCloseable {
    private static final long SHOW_AFTER_NS = 1_000_000_000L;
    private static final long REDRAW_NS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(final PrintWriter err, final String label, final int total, final boolean terminal) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.enabled = terminal;
    }

    /** Whether standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        return System.console() != null && System.getenv("VNETSIM_NO_PROGRESS") == null;
    }

    @Override
    public synchronized void accept(final int done) {
        if (!enabled) {
            return;
        }
        final long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NS || (now - lastDraw < REDRAW_NS && done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        final int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        final StringBuilder bar = new StringBuilder("\r").append(label).append(' ').append(done).append('/')
                .append(total).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append("] ").append(total == 0 ? 100 : done * 100L / total).append("% ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s", (now - start) / 1e9));
        err.print(bar);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}

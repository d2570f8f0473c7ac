package vnetsim.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A me.tongfei:progressbar bar on standard error, shown only when standard output is a terminal and only once
 * a run has taken a second (the library draws from its first update, so a timer creates the bar after a
 * second); silent otherwise. ASCII unless the console's charset is UTF-8, so LANG=C never sees mojibake.
 */
final class TerminalProgress implements IntConsumer, AutoCloseable {
    private static final long SHOW_AFTER_MS = 1_000;

    private final PrintWriter err;
    private final String label;
    private final int total;
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    /** Highest count reported: worker threads may report out of order. */
    private final AtomicInteger done = new AtomicInteger();
    private ProgressBar bar;
    private boolean closed;

    TerminalProgress(final PrintWriter err, final String label, final int total, final boolean terminal) {
        this.err = err;
        this.label = label;
        this.total = total;
        if (terminal) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                final Thread t = new Thread(r, "vnetsim-progress");
                t.setDaemon(true);
                return t;
            });
            timer.schedule(this::show, SHOW_AFTER_MS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** Whether standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        return System.console() != null && System.getenv("VNETSIM_NO_PROGRESS") == null;
    }

    private static ProgressBarStyle style() {
        final Console console = System.console();
        final Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        return StandardCharsets.UTF_8.equals(charset) ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII;
    }

    private synchronized void show() {
        if (closed) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(total)
                .setStyle(style())
                .setUpdateIntervalMillis(100)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }))
                .clearDisplayOnFinish()
                .startsFrom(0, Duration.ofNanos(System.nanoTime() - start))
                .build();
        bar.stepTo(done.get());
    }

    @Override
    public void accept(final int value) {
        final int highest = done.accumulateAndGet(value, Math::max);
        final ProgressBar shown;
        synchronized (this) {
            shown = bar;
        }
        if (shown != null) {
            shown.stepTo(highest);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (bar != null) {
            bar.close();
        }
    }
}

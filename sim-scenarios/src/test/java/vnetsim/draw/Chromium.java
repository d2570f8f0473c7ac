package vnetsim.draw;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless chromium, as the pictures' tests use it: a fresh profile per run, no network, no sandbox
 * (tests run as root in CI). On CI (env {@code CI} set) a missing browser fails the test; elsewhere it skips.
 */
final class Chromium {
    /** How long one headless chromium run may take before the test calls it hung. */
    private static final int TIMEOUT_S = 300;

    private static final Path WORK = Path.of("target", "chromium");

    private Chromium() {
    }

    static String binary() {
        final String env = System.getenv("CHROMIUM");
        for (final String candidate : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        final String msg = "chromium is not installed (Debian: apt-get install -y chromium)";
        if (System.getenv("CI") != null) {
            fail(msg + " -- required because CI is set");
        }
        assumeTrue(false, msg + " -- skipping (set CI to make this a failure)");
        return null;
    }

    /** A PNG screenshot of a page at the given window size. */
    static Path screenshot(final Path page, final int width, final int height) throws Exception {
        final Path png = Files.createTempFile(dir(), "shot-", ".png");
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath()), page);
        return png;
    }

    /** The DOM after the page's scripts ran (and {@code budgetMs} of virtual time for asynchronous work). */
    static String dumpDom(final Path page, final int budgetMs) throws Exception {
        return run(List.of("--virtual-time-budget=" + budgetMs, "--dump-dom"), page);
    }

    /** The DOM after the page's scripts ran, laid out in a window of the given size (pixels). */
    static String dumpDom(final Path page, final int budgetMs, final int width, final int height) throws Exception {
        return run(List.of("--window-size=" + width + "," + height, "--virtual-time-budget=" + budgetMs, "--dump-dom"),
                page);
    }

    /** Prints the page to PDF as a user's "Save as PDF" would. */
    static Path printToPdf(final Path page) throws Exception {
        final Path pdf = Files.createTempFile(dir(), "print-", ".pdf");
        run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath()), page);
        return pdf;
    }

    private static Path dir() throws IOException {
        return Files.createDirectories(WORK);
    }

    private static String run(final List<String> extra, final Path page) throws Exception {
        final Path profile = Files.createTempDirectory(dir(), "profile-");
        final List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(extra);
        cmd.add(page.toAbsolutePath().toUri().toString());
        final Path stdout = Files.createTempFile(dir(), "out-", ".txt");
        final Path stderr = Files.createTempFile(dir(), "err-", ".txt");
        final Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        // 46-76 s for the what-if report on a quiet 2-core machine; 120 s was hit once under a load average of 20
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in " + TIMEOUT_S + " s: " + cmd);
        }
        final String out = Files.readString(stdout, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("chromium exited " + p.exitValue() + ": " + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return out;
    }
}

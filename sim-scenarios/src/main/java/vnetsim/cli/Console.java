package vnetsim.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A standard stream as UTF-8 whatever the locale ({@code LANG=C} would otherwise turn every non-ASCII character
 * into {@code ?}), remembering the first write error, which {@link PrintWriter} would swallow: a full disk or a
 * closed pipe must end the run with status 1 and a message, not exit 0 with the output lost.
 */
final class Console {
    private final Recording stream;
    private final PrintWriter writer;

    Console(final OutputStream raw) {
        this.stream = new Recording(raw);
        this.writer = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    PrintWriter writer() {
        return writer;
    }

    /** Flushes; null when every byte was written, else what went wrong ("No space left on device"). */
    String flushAndCheck() {
        writer.flush();
        if (stream.failure != null) {
            return stream.failure.getMessage() == null ? stream.failure.toString() : stream.failure.getMessage();
        }
        return writer.checkError() ? "write error" : null;
    }

    /** Passes bytes through and keeps the first exception. */
    private static final class Recording extends FilterOutputStream {
        private IOException failure;

        Recording(final OutputStream out) {
            super(out);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (final IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(final int b) throws IOException {
            try {
                out.write(b);
            } catch (final IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (final IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(final IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}

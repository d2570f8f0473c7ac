package vnetsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text file people wrote, as UTF-8 whatever the locale, within a size limit. Everything that can go wrong
 * is an {@link InputException} whose message starts "cannot read FILE:" and says what to do.
 */
public final class TextFiles {
    /** Largest design document {@code vnetsim verify} reads: far above any real one (the seed is 40 KB). */
    public static final long DOCUMENT_LIMIT = 8L << 20;
    /** Largest configuration file an importer reads (nmstate, NX-OS running-config, Kubernetes manifests). */
    public static final long CONFIG_LIMIT = 4L << 20;
    /** Deepest YAML nesting an importer accepts (Jackson: {@code LoaderOptions.setNestingDepthLimit}). */
    public static final int YAML_NESTING_LIMIT = 64;

    private TextFiles() {
    }

    /**
     * The file's text, byte for byte (a BOM and line endings are kept).
     *
     * @param path  the file
     * @param limit the most bytes to accept, e.g. {@link #DOCUMENT_LIMIT}
     * @param what  what the file is, for the message ("document", "configuration file")
     * @throws InputException when the file is missing, a directory, unreadable, larger than {@code limit}, not
     *                        UTF-8 or binary
     */
    public static String readUtf8(final Path path, final long limit, final String what) {
        if (Files.isDirectory(path)) {
            throw new InputException("cannot read " + path + ": it is a directory; give the path of a " + what);
        }
        final byte[] bytes = readAtMost(path, limit, what);
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (final CharacterCodingException e) {
            final int at = firstInvalidUtf8(bytes);
            throw new InputException("cannot read " + path + ": not UTF-8 text (byte 0x"
                    + String.format("%02x", bytes[at] & 0xff) + " at " + position(bytes, at) + "); save the "
                    + what + " as UTF-8");
        }
        final int nul = text.indexOf('\0');
        if (nul >= 0) {
            final int at = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            throw new InputException("cannot read " + path + ": binary data (a NUL byte at " + position(bytes, at)
                    + "), not a text " + what);
        }
        return text;
    }

    private static byte[] readAtMost(final Path path, final long limit, final String what) {
        try (InputStream in = Files.newInputStream(path)) {
            final byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new InputException("cannot read " + path + ": larger than the " + size(limit) + " limit for a "
                        + what + "; is it the right file?");
            }
            return bytes;
        } catch (final NoSuchFileException e) {
            throw new InputException("cannot read " + path + ": no such file");
        } catch (final AccessDeniedException e) {
            throw new InputException("cannot read " + path + ": permission denied");
        } catch (final IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static String size(final long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + "-byte";
    }

    /** "line L, column C" of byte offset {@code at} (columns count bytes, as editors' byte-offset modes do). */
    private static String position(final byte[] bytes, final int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (at - lineStart + 1);
    }

    private static int firstInvalidUtf8(final byte[] bytes) {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        final var result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
    }
}

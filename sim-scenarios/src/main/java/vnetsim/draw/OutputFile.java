package vnetsim.draw;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a picture or report as UTF-8 whatever the locale, all or nothing: into a temporary file beside the
 * target, then moved over it. Refuses a target that is a directory or anything but a regular file (a device node
 * is never replaced), and a missing parent directory, with a message naming the path.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** Writes {@code text} to {@code target}, or to {@code stdout} when target is null or "-". */
    public static void write(final Path target, final String text, final PrintWriter stdout) {
        if (target == null || "-".equals(target.toString())) {
            stdout.print(text);
            stdout.flush();
            if (stdout.checkError()) {
                throw new OutputException("cannot write to standard output");
            }
            return;
        }
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new OutputException(target + " is a directory; give a file name");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // a device or a pipe (/dev/null, /dev/stdout, a FIFO): written to, never replaced
            try {
                Files.writeString(absolute, text, StandardCharsets.UTF_8);
                return;
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + ": " + reason(e));
            }
        }
        if (Files.isSymbolicLink(absolute)) {
            if (!Files.exists(absolute)) {
                throw new OutputException(target + " is a symbolic link to a missing file; give a file name");
            }
            try {
                absolute = absolute.toRealPath();           // the link stays a link; its target gets the picture
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + ": " + reason(e));
            }
        }
        final Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException("cannot write " + target + ": directory " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            permissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is ours; nothing else to clean
                }
            }
            throw new OutputException("cannot write " + target + ": " + reason(e));
        }
    }

    /** An I/O failure in words ("permission denied"), not just the path the JDK puts in its message. */
    public static String reason(final IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The replaced file's permissions, or rw-r--r-- for a new file (a temporary file starts owner-only). */
    private static void permissions(final Path temp, final Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A file could not be written; the message names it. */
    public static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutputException(final String message) {
            super(message);
        }
    }
}

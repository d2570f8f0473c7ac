package vnetsim.pcap;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-system chores shared by the writers: pre-flight checks, atomic publish, cleanup. */
final class CaptureFiles {

    private CaptureFiles() {
    }

    /**
     * Returns the absolute parent directory of {@code target}, failing early with a clear message: a
     * missing parent would otherwise surface as an obscure error from temp-file creation.
     */
    static Path checkedParent(Path target) {
        Objects.requireNonNull(target, "target");
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new CaptureException(target, "target has no parent directory");
        }
        if (!Files.exists(parent)) {
            throw new CaptureException(target, "parent directory does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new CaptureException(target, "parent is not a directory: " + parent);
        }
        return parent;
    }

    /** Prefix of every temporary name: short, so a name never nears the 255-byte file-name limit. */
    static final String TEMP_PREFIX = ".vnetsim-";

    /**
     * Creates a new empty file with a random short name in {@code dir}, with the mode any new file gets (the
     * umask applies; {@code Files.createTempFile} would make it 0600, and the rename would keep that).
     */
    static Path createTempFile(final Path dir, final String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            final Path p = dir.resolve(tempName(suffix));
            try {
                Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (final FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Same for a directory (mode 0777 less the umask, where {@code createTempDirectory} gives 0700). */
    static Path createTempDirectory(final Path dir, final String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(dir.resolve(tempName(suffix)));
            } catch (final FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** A random, short, not yet used temporary name in {@code dir} (nothing is created). */
    static Path tempPath(final Path dir, final String suffix) {
        return dir.resolve(tempName(suffix));
    }

    private static String tempName(final String suffix) {
        return TEMP_PREFIX + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + suffix;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Gives {@code file} the permissions of {@code like} (a file being replaced keeps its mode, as with {@code >}). */
    static void copyPermissions(final Path like, final Path file) {
        try {
            Files.setPosixFilePermissions(file, Files.getPosixFilePermissions(like));
        } catch (final IOException | UnsupportedOperationException ignored) {
            // not POSIX, or not ours to read: the new file keeps the umask's mode
        }
    }

    /**
     * Renames {@code from} onto {@code to}. Atomic where the file system allows (same directory, so it
     * normally does); otherwise falls back to a plain replacing move.
     */
    static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Best-effort delete of a file or directory tree; used on abort/failure where a second error is noise. */
    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path p : deepestFirst) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // keep going: delete as much as we can
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing more we can do; the caller is already reporting the original problem
        }
    }
}

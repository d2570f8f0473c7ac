package vnetsim.pcap;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

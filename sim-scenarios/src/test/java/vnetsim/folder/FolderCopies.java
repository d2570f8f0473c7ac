package vnetsim.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of network folders for tests that break or extend one without touching the shipped original. */
public final class FolderCopies {
    private FolderCopies() {
    }

    /**
     * Copies the tree at {@code from} to {@code to}, directories created.
     *
     * @return {@code to}
     */
    public static Path copyTree(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (final Path f : files.toList()) {
                final Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}

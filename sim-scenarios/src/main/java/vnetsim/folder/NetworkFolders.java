package vnetsim.folder;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.compile.FolderCompiler;
import vnetsim.folder.compile.NetworkPlan;

/**
 * Loads network folders: from a directory the user names, or one shipped with vnetsim (src/networks/NAME,
 * packaged in the jar under {@code networks/NAME}).
 */
public final class NetworkFolders {
    private static final String SHIPPED = "networks/";

    private NetworkFolders() {
    }

    /** Whether {@code argument} names a directory (then it is read as a network folder). */
    public static boolean isFolder(final String argument) {
        try {
            return Files.isDirectory(Path.of(argument));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads and compiles a folder; throws {@link NetworkFolderException} (an IllegalArgumentException: exit 2)
     * listing every error with file and line.
     */
    public static FolderScenario load(final Path folder, final String displayRoot) {
        final Diagnostics diagnostics = new Diagnostics();
        final NetworkFolder read = new NetworkFolderReader(diagnostics).read(folder, displayRoot);
        final NetworkPlan plan = diagnostics.hasErrors() ? null : FolderCompiler.compile(read, diagnostics);
        diagnostics.throwIfErrors(displayRoot);
        final FolderScenario scenario = new FolderScenario(read, plan);
        // the simulator's own checks: anything the importers let through is still reported as an input error
        scenario.spec().problems().forEach(p -> diagnostics.error(Location.file(displayRoot), p));
        diagnostics.throwIfErrors(displayRoot);
        return scenario;
    }

    /** A network folder shipped with vnetsim, by name ("acp-virtualization"), if there is one. */
    public static Optional<FolderScenario> shipped(final String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        final URL url = NetworkFolders.class.getClassLoader().getResource(SHIPPED + name + "/network.yaml");
        if (url == null) {
            return Optional.empty();
        }
        try {
            final URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return Optional.of(load(fs.getPath(SHIPPED + name), name));
            }
            return Optional.of(load(Path.of(uri).getParent(), name));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the shipped network " + name + ": " + e.getMessage(), e);
        }
    }
}

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
import vnetsim.scenario.Scenario;

/**
 * Loads network folders: from a directory the user names, or one shipped with vnetsim (src/networks/NAME,
 * packaged in the jar under {@code networks/NAME}).
 */
public final class NetworkFolders {
    private static final String SHIPPED = "networks/";
    /**
     * The folders under src/networks, in the order {@code vnetsim scenarios} lists them. A jar cannot be listed
     * portably, so the names are written here; a test checks them against src/networks.
     */
    private static final java.util.List<String> SHIPPED_NAMES = java.util.List.of("acp-virtualization",
            "kubevirt-pod-networking", "vsphere-nested-lab", "udn-layer3", "udn-layer2");

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
    /**
     * The folder's network: OVN-Kubernetes user-defined networks when its manifests declare any
     * ({@link vnetsim.folder.udn.UdnScenario}), else the bridged network {@link #load} compiles.
     */
    public static Scenario open(final Path folder, final String displayRoot) {
        final Diagnostics diagnostics = new Diagnostics();
        final NetworkFolder read = new NetworkFolderReader(diagnostics).read(folder, displayRoot);
        if (diagnostics.hasErrors() || !vnetsim.folder.udn.UdnFolderCompiler.applies(read)) {
            return load(folder, displayRoot);
        }
        final vnetsim.ovn.UdnCluster cluster = vnetsim.folder.udn.UdnFolderCompiler.compile(read, diagnostics);
        diagnostics.throwIfErrors(displayRoot);
        return new vnetsim.folder.udn.UdnScenario(cluster, read.network().description().isEmpty()
                ? "network folder " + displayRoot : read.network().description());
    }

    /** A shipped network folder by name, opened as {@link #open} does. */
    public static synchronized Optional<Scenario> shippedNetwork(final String name) {
        return shippedPath(name).map(p -> open(p, name));
    }

    public static FolderScenario load(final Path folder, final String displayRoot) {
        final Diagnostics diagnostics = new Diagnostics();
        final NetworkFolder read = new NetworkFolderReader(diagnostics).read(folder, displayRoot);
        final NetworkPlan plan = diagnostics.hasErrors() ? null : FolderCompiler.compile(read, diagnostics);
        diagnostics.throwIfErrors(displayRoot);
        final FolderScenario scenario = new FolderScenario(read, plan);
        // the simulator's own checks: anything the importers let through is still reported as an input error
        (scenario.vsphere().isPresent() ? scenario.vsphere().get().problems() : scenario.spec().problems())
                .forEach(p -> diagnostics.error(Location.file(displayRoot), p));
        diagnostics.throwIfErrors(displayRoot);
        return scenario;
    }

    /** The names of the network folders shipped with vnetsim. */
    public static java.util.List<String> shippedNames() {
        return SHIPPED_NAMES;
    }

    /** A network folder shipped with vnetsim, by name ("acp-virtualization"), if there is one. */
    public static synchronized Optional<FolderScenario> shipped(final String name) {
        return shippedPath(name).map(p -> load(p, name));
    }

    /** Under the class lock, as {@link #shipped}: two threads never race to open the jar's file system. */
    private static synchronized Optional<Path> shippedPath(final String name) {
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
                return Optional.of(fs.getPath(SHIPPED + name));
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the shipped network " + name + ": " + e.getMessage(), e);
        }
    }
}

package vnetsim.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vnetsim.folder.dhcp.DhcpConfig;
import vnetsim.folder.dhcp.DhcpReader;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.firewall.FirewallReader;
import vnetsim.folder.k8s.ManifestReader;
import vnetsim.folder.layer1.Layer1Reader;
import vnetsim.folder.layer1.Layer1Topology;
import vnetsim.folder.nmstate.NncpReader;
import vnetsim.folder.nmstate.NodePolicy;
import vnetsim.folder.nxos.NxosConfigReader;
import vnetsim.folder.nxos.SwitchConfig;
import vnetsim.vsphere.VsphereYamlException;
import vnetsim.vsphere.VsphereYamlReader;

/**
 * Reads a network folder (layout in src/networks/README.md): {@code network.yaml}, {@code layer1_topology.json},
 * {@code nmstate/*.yaml}, {@code configs/*.cfg}, {@code firewalls/*.yaml}, {@code manifests/*.yaml},
 * {@code vsphere/*.yaml} (ESXi hosts, {@link VsphereYamlReader}), {@code dhcp/*.yaml} (DHCP servers,
 * {@link DhcpReader}). Files are
 * read in name order, so the same folder always gives the same network. Problems go to the {@link Diagnostics}.
 */
public final class NetworkFolderReader {
    /** More files than this in one sub-folder is not a network description. */
    private static final int MAX_FILES = 1000;

    private final Diagnostics diagnostics;

    public NetworkFolderReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param folder      the folder (a directory, or a directory inside a jar file system)
     * @param displayRoot how to name it in messages ("./my-acp", "acp-virtualization")
     */
    public NetworkFolder read(final Path folder, final String displayRoot) {
        final String root = displayRoot.endsWith("/") ? displayRoot.substring(0, displayRoot.length() - 1)
                : displayRoot;
        final String defaultName = folder.getFileName() == null ? "network" : folder.getFileName().toString()
                .replaceAll("/$", "");
        final Path networkFile = folder.resolve("network.yaml");
        final NetworkYaml network;
        if (Files.isRegularFile(networkFile)) {
            network = new NetworkYamlReader(diagnostics).readFile(networkFile, root + "/network.yaml", defaultName);
        } else if (notAFile(networkFile, root + "/network.yaml")) {
            network = new NetworkYaml(defaultName, "", List.of(), List.of(), Location.file(root + "/network.yaml"));
        } else {
            diagnostics.error(Location.file(root + "/network.yaml"), "missing: a network folder needs network.yaml "
                    + "(name, nodes with their NICs, workload placement)");
            network = new NetworkYaml(defaultName, "", List.of(), List.of(), Location.file(root + "/network.yaml"));
        }
        final Path layer1File = folder.resolve("layer1_topology.json");
        final Layer1Topology layer1;
        if (Files.isRegularFile(layer1File)) {
            layer1 = new Layer1Reader(diagnostics).readFile(layer1File, root + "/layer1_topology.json");
        } else if (notAFile(layer1File, root + "/layer1_topology.json")) {
            layer1 = new Layer1Topology(List.of());
        } else {
            diagnostics.warn(Location.file(root + "/layer1_topology.json"), "missing: no cables, so every node, "
                    + "switch and firewall is on its own");
            layer1 = new Layer1Topology(List.of());
        }
        final List<NodePolicy> policies = new ArrayList<>();
        final NncpReader nncp = new NncpReader(diagnostics);
        for (final Path f : files(folder, root, "nmstate", ".yaml", ".yml")) {
            policies.addAll(nncp.readFile(f, display(root, folder, f)));
        }
        final List<SwitchConfig> switches = new ArrayList<>();
        final NxosConfigReader nxos = new NxosConfigReader(diagnostics);
        for (final Path f : files(folder, root, "configs", ".cfg")) {
            final SwitchConfig sw = nxos.readFile(f, display(root, folder, f));
            if (sw != null) {
                switches.add(sw);
            }
        }
        final List<FirewallConfig> firewalls = new ArrayList<>();
        final FirewallReader fw = new FirewallReader(diagnostics);
        for (final Path f : files(folder, root, "firewalls", ".yaml", ".yml")) {
            firewalls.addAll(fw.readFile(f, display(root, folder, f)));
        }
        final ManifestReader manifests = new ManifestReader(diagnostics);
        for (final Path f : files(folder, root, "manifests", ".yaml", ".yml")) {
            manifests.readFile(f, display(root, folder, f));
        }
        final List<VsphereYamlReader.HostFile> esxiHosts = new ArrayList<>();
        for (final Path f : files(folder, root, "vsphere", ".yaml", ".yml")) {
            final String display = display(root, folder, f);
            try (java.io.Reader in = Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
                esxiHosts.add(VsphereYamlReader.readFile(display, in));
            } catch (VsphereYamlException e) {
                diagnostics.error(new Location(display, e.line()), e.problem());
            } catch (IOException | java.io.UncheckedIOException e) {
                diagnostics.error(Location.file(display), "cannot read: " + e.getMessage());
            }
        }
        final List<DhcpConfig> dhcpServers = new ArrayList<>();
        final DhcpReader dhcp = new DhcpReader(diagnostics);
        for (final Path f : files(folder, root, "dhcp", ".yaml", ".yml")) {
            dhcpServers.addAll(dhcp.readFile(f, display(root, folder, f)));
        }
        return new NetworkFolder(root, network, layer1, policies, switches, firewalls, manifests.result(), esxiHosts,
                dhcpServers);
    }

    /**
     * Whether {@code path} is there but is not a readable regular file (a directory, a pipe, a device, a link to
     * nothing); if so, reports it as an error, so a file the user meant to be read is never skipped in silence.
     */
    private boolean notAFile(final Path path, final String display) {
        final String what;
        if (Files.isDirectory(path)) {
            what = "is a directory, not a file";
        } else if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "?";
            }
            what = "is a symbolic link to a missing file (" + target + ")";
        } else if (Files.exists(path) && !Files.isRegularFile(path)) {
            what = "is not a regular file (a pipe, a socket or a device); vnetsim reads regular files";
        } else {
            return false;
        }
        diagnostics.error(Location.file(display), what);
        return true;
    }

    private static String display(final String root, final Path folder, final Path file) {
        return root + "/" + folder.relativize(file).toString().replace('\\', '/');
    }

    private List<Path> files(final Path folder, final String root, final String sub, final String... extensions) {
        final Path dir = folder.resolve(sub);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        final List<Path> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .forEach(p -> {
                        final String name = p.getFileName().toString();
                        if (name.startsWith(".")) {
                            return;
                        }
                        final boolean matches = Stream.of(extensions).anyMatch(name::endsWith);
                        if (matches && Files.isRegularFile(p)) {
                            out.add(p);
                        } else if (matches) {
                            notAFile(p, display(root, folder, p));
                        } else if (!name.toLowerCase(java.util.Locale.ROOT).startsWith("readme")) {
                            diagnostics.warn(Location.file(display(root, folder, p)), "ignored: " + sub + "/ holds "
                                    + String.join(" or ", extensions) + " files");
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            diagnostics.error(Location.file(root + "/" + sub), "cannot list: " + e.getMessage());
        }
        if (out.size() > MAX_FILES) {
            diagnostics.error(Location.file(root + "/" + sub), out.size() + " files; at most " + MAX_FILES
                    + " are read");
            return out.subList(0, MAX_FILES);
        }
        return out;
    }
}

package vnetsim.folder;

import java.nio.file.Path;
import vnetsim.io.Quoted;
import vnetsim.scenario.Scenario;
import vnetsim.scenario.Scenarios;

/**
 * What the command line accepts wherever it takes a network: a folder path ({@code ./my-acp}), a network folder
 * shipped with vnetsim by name ({@code acp-virtualization}, from src/networks), or a built-in Java scenario.
 */
public final class Networks {
    private Networks() {
    }

    /** The network, or an IllegalArgumentException (exit 2) naming the problem, with file and line for folders. */
    public static Scenario named(final String nameOrPath) {
        if (nameOrPath.isBlank()) {
            // "" is the current directory as a path: name no folder, so the message lists the built-in networks
            throw new IllegalArgumentException("unknown scenario '" + Quoted.name(nameOrPath) + "'; scenarios: "
                    + all().stream().map(Scenario::name).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (NetworkFolders.isFolder(nameOrPath)) {
            return NetworkFolders.open(Path.of(nameOrPath), nameOrPath);
        }
        if (looksLikePath(nameOrPath)) {
            throw new IllegalArgumentException(nameOrPath + (java.nio.file.Files.exists(Path.of(nameOrPath))
                    ? " is not a network folder (a directory)" : ": no such network folder"));
        }
        final java.util.Optional<Scenario> builtIn = Scenarios.find(nameOrPath);
        final String name = builtIn.map(Scenario::name).orElse(nameOrPath.trim());
        final java.util.Optional<Scenario> shipped = NetworkFolders.shippedNetwork(name);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        return builtIn.orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + Quoted.name(nameOrPath)
                + "'; scenarios: " + all().stream().map(Scenario::name)
                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    /**
     * Every built-in network: the shipped folders, then the Java scenarios no shipped folder replaces (the
     * acp-virtualization folder is the Java scenario's successor and takes its name).
     */
    public static java.util.List<Scenario> all() {
        final java.util.List<Scenario> all = new java.util.ArrayList<>();
        for (final String name : NetworkFolders.shippedNames()) {
            NetworkFolders.shippedNetwork(name).ifPresent(all::add);
        }
        for (final Scenario s : Scenarios.all()) {
            if (all.stream().noneMatch(shipped -> shipped.name().equalsIgnoreCase(s.name()))) {
                all.add(s);
            }
        }
        return all;
    }

    private static boolean looksLikePath(final String argument) {
        if (argument.contains("/") || argument.contains(java.io.File.separator) || argument.startsWith(".")) {
            return true;
        }
        try {
            return java.nio.file.Files.exists(Path.of(argument));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}

package vnetsim.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vnetsim.io.Quoted;

/** The built-in scenarios. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(new AcpVirtualization(), new VsphereLab());

    private Scenarios() {
    }

    /**
     * The built-in Java scenarios, in the order {@code vnetsim scenarios} lists them.
     *
     * @return acp-virtualization, vsphere-lab and vsphere-nested-lab
     */
    public static List<Scenario> all() {
        return ALL;
    }

    /**
     * A built-in Java scenario by name.
     *
     * @param name the scenario's name, in any case, surrounding blanks ignored
     * @return the scenario, or empty when none has that name
     */
    public static Optional<Scenario> find(final String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /**
     * The network a name or a folder path stands for, resolved as the command line resolves its network argument:
     * a network folder ({@code ./my-acp}, read and checked), a network folder shipped with vnetsim by name
     * ({@code acp-virtualization}), else a built-in Java scenario ({@link #all()}).
     *
     * @param nameOrPath a shipped network's or built-in scenario's name (any case), or a path to a network folder
     * @return the network, ready to {@link Scenario#network() trace}
     * @throws IllegalArgumentException for an unknown name (naming the valid ones), a path that is not a network
     *     folder, or a folder with errors (each with its file and line)
     */
    public static Scenario network(final String nameOrPath) {
        return vnetsim.folder.Networks.named(nameOrPath);
    }

    /**
     * The scenario, or an IllegalArgumentException naming the valid ones.
     *
     * @param name the scenario's name, in any case
     * @return the built-in Java scenario (not a network folder; see {@link #network(String)})
     * @throws IllegalArgumentException naming the built-in scenarios when none has that name
     */
    public static Scenario named(final String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + Quoted.name(name)
                + "'; scenarios: " + ALL.stream().map(Scenario::name).collect(Collectors.joining(", "))));
    }
}

package vnetsim.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in scenarios. */
public final class Scenarios {
    private static final List<Scenario> ALL = List.of(new AcpVirtualization(), new VsphereLab());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static Optional<Scenario> find(final String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The scenario, or an IllegalArgumentException naming the valid ones. */
    public static Scenario named(final String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name
                + "'; scenarios: " + ALL.stream().map(Scenario::name).collect(Collectors.joining(", "))));
    }
}

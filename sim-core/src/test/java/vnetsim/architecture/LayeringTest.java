package vnetsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency arrows of sim-core one way: frame -> device -> topology -> engine -> trace -> (pcap,
 * analysis, testing) -> network (the name-based builder) -> ovn (user-defined networks). A package may import its own layer and the layers
 * before it, never one after it.
 */
class LayeringTest {
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("io", 0), Map.entry("frame", 0), Map.entry("device", 1), Map.entry("topology", 2),
            Map.entry("engine", 3), Map.entry("trace", 4), Map.entry("pcap", 5), Map.entry("analysis", 5),
            Map.entry("testing", 5), Map.entry("network", 6), Map.entry("whatif", 7),
            Map.entry("ovn", 7));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?vnetsim\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void no_package_imports_a_later_layer() throws IOException {
        final Path root = Path.of("src", "main", "java", "vnetsim");
        final List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                final String pkg = root.relativize(file).getName(0).toString();
                final Integer layer = LAYER.get(pkg);
                assertThat(layer).as("layer of package " + pkg + " (" + file + ")").isNotNull();
                final Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    final Integer imported = LAYER.get(m.group(1));
                    if (imported != null && !m.group(1).equals(pkg) && imported >= layer) {
                        violations.add(file + " imports vnetsim." + m.group(1));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}

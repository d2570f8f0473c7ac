package vnetsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything about a device kind lives in its class (and one line of {@code DeviceKind}): no main source outside
 * {@code vnetsim.device} tests a device's class ({@code instanceof}, a cast) or compares its kind with a
 * constant, so a new kind never means editing the engine, the trace, the topology or the CLI.
 * {@link NewDeviceKindTest} shows a kind defined outside the package working end to end.
 */
class DeviceKnowledgeTest {
    private static final Path DEVICE = Path.of("src", "main", "java", "vnetsim", "device");
    private static final Pattern DEVICE_CLASS = Pattern.compile("public final class (\\w+) implements Device\\b");

    @Test
    void no_code_outside_the_device_package_tests_a_device_class_or_kind() throws IOException {
        final List<String> kinds = deviceClasses();
        assertThat(kinds).as("device classes found").contains("LinuxBridge", "TrunkSwitch", "Endpoint");
        final String names = String.join("|", kinds);
        final Pattern kindSpecific = Pattern.compile("instanceof\\s+(?:" + names + ")\\b"
                + "|\\((?:" + names + ")\\)\\s*[\\w(]"
                + "|DeviceKind\\.[A-Z_]+\\b");
        final List<String> violations = new ArrayList<>();
        for (final Path root : List.of(Path.of("src", "main", "java"), Path.of("..", "sim-scenarios", "src", "main",
                "java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (final Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.startsWith(DEVICE)).toList()) {
                    final String[] lines = Files.readString(file).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        final Matcher m = kindSpecific.matcher(lines[i]);
                        if (m.find()) {
                            violations.add(file + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("kind-specific code outside vnetsim.device").isEmpty();
    }

    private static List<String> deviceClasses() throws IOException {
        final List<String> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEVICE)) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                final Matcher m = DEVICE_CLASS.matcher(Files.readString(file));
                if (m.find()) {
                    result.add(m.group(1));
                }
            }
        }
        return result;
    }
}

package vnetsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every device class points its reader to the section of {@code src/docs/forwarding-rules.md} that states its
 * rules and sources, and that section exists and names the class: a clone carries its own citations.
 */
class ForwardingRulesDocTest {
    private static final Path DOC = Path.of("..", "src", "docs", "forwarding-rules.md");
    private static final Pattern POINTER = Pattern.compile("src/docs/forwarding-rules\\.md\\}? section (\\d+)");

    @Test
    void every_device_class_points_to_an_existing_section_that_names_it() throws IOException {
        final String doc = Files.readString(DOC);
        final List<Path> devices;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "vnetsim", "device"))) {
            devices = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Pattern.compile(" implements Device\\b").matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
        }
        assertThat(devices).hasSizeGreaterThanOrEqualTo(6);
        for (final Path file : devices) {
            final String source = Files.readString(file);
            final String classComment = source.substring(0, source.indexOf("public final class"));
            final Matcher m = POINTER.matcher(classComment.replace("\n * ", " "));
            assertThat(m.find()).as(file + " class Javadoc points to src/docs/forwarding-rules.md").isTrue();
            final String className = file.getFileName().toString().replace(".java", "");
            final Matcher section = Pattern.compile("(?m)^## " + m.group(1) + "\\. .*$").matcher(doc);
            assertThat(section.find()).as("section " + m.group(1) + " for " + className).isTrue();
            assertThat(section.group()).as("section heading for " + className).contains("`" + className + "`");
        }
    }
}

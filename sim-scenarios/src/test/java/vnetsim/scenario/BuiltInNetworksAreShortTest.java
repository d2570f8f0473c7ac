package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 8's bar for the name-based builder: each built-in network is written in under 60 lines, whole file. */
class BuiltInNetworksAreShortTest {
    @Test
    void each_built_in_network_is_under_60_lines() throws IOException {
        for (final String name : new String[] {"AcpVirtualization", "VsphereLab"}) {
            final Path source = Path.of("src", "main", "java", "vnetsim", "scenario", name + ".java");
            assertThat(Files.readAllLines(source)).as(name).hasSizeLessThan(60);
        }
    }
}

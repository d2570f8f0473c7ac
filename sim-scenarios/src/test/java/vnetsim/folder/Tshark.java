package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Debian's tshark for the folder tests' captures: required in CI ({@code CI} set), skipped elsewhere when missing. */
final class Tshark {
    private Tshark() {
    }

    /** Fails in CI and aborts the test elsewhere when tshark is not on the PATH, as CaptureIntegrationTest does. */
    static void require() {
        final String path = System.getenv("PATH");
        if (path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "tshark")))) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail("tshark (apt-get install tshark) is required in CI but is missing");
        }
        Assumptions.abort("tshark is not installed (apt-get install tshark)");
    }

    /** The lines tshark prints reading {@code file} with {@code args} (numeric addresses); it must exit 0. */
    static List<String> lines(final Path file, final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return text.lines().toList();
    }
}

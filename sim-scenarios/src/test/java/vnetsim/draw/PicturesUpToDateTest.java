package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.cli.Main;

/**
 * The README's pictures (docs/pictures) are what the tool draws today: every './vnetsim draw' line of
 * docs/pictures/regenerate.sh is run and its output compared byte for byte with the committed file.
 */
class PicturesUpToDateTest {
    private static final Path PICTURES = Path.of("..", "docs", "pictures");

    @Test
    void everyCommittedPictureIsWhatTheToolDrawsNow() throws Exception {
        final List<String[]> commands = commands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        final Path out = Files.createDirectories(Path.of("target", "pictures-regenerated"));
        final List<String> stale = new ArrayList<>();
        for (final String[] args : commands) {
            final int o = Arrays.asList(args).indexOf("-o");
            final Path committed = Path.of("..").resolve(args[o + 1]);
            final Path fresh = out.resolve(committed.getFileName());
            args[o + 1] = fresh.toString();
            final StringWriter err = new StringWriter();
            assertThat(Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString())
                    .isZero();
            if (!Files.exists(committed) || !Arrays.equals(Files.readAllBytes(committed), Files.readAllBytes(fresh))) {
                stale.add(committed.normalize().toString());
            }
        }
        assertThat(stale).as("pictures out of date: run docs/pictures/regenerate.sh and commit the result").isEmpty();
    }

    @Test
    void theReadmeShowsThePictures() throws Exception {
        final String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("docs/pictures/regenerate.sh").contains("(docs/pictures/vm1-vm6.svg)")
                .contains("(docs/pictures/acp-virtualization.svg)");
    }

    /** The draw commands of regenerate.sh, without the leading './vnetsim'. */
    private static List<String[]> commands() throws Exception {
        final List<String[]> list = new ArrayList<>();
        for (final String line : Files.readAllLines(PICTURES.resolve("regenerate.sh"), StandardCharsets.UTF_8)) {
            if (line.startsWith("./vnetsim draw ")) {
                list.add(line.substring("./vnetsim ".length()).trim().split("\\s+"));
            }
        }
        return list;
    }
}

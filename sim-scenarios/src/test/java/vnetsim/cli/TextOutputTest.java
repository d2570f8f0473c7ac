package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Text in and out is UTF-8 whatever the locale, byte for byte; a failed write is exit 1 with a message. */
class TextOutputTest {
    private static final Path SEED = Path.of("..", "src", "docs", "acp-virtualization", "flow-tables.md");

    @TempDir
    Path dir;

    /** A document with non-ASCII text around the seed's tables (which --fix corrects). */
    private Path nonAsciiDocument() throws IOException {
        final Path doc = dir.resolve("network.md");
        Files.writeString(doc, "# Flüsse — naïve café ✓ 日本語\n\n" + Files.readString(SEED)
                + "\nÄnderungen: “quoted” → done 🙂\n", StandardCharsets.UTF_8);
        return doc;
    }

    /** Runs the real launcher's main class in a fresh JVM with the given environment additions. */
    private static Process java(final List<String> env, final File stdout, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "vnetsim.cli.Main"));
        command.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout);
        pb.environment().remove("LANG");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_CTYPE");
        for (final String kv : env) {
            final String[] parts = kv.split("=", 2);
            pb.environment().put(parts[0], parts[1]);
        }
        return pb.start();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void fixWithTheCLocaleKeepsEveryNonAsciiByte() throws Exception {
        final Path doc = nonAsciiDocument();
        final Path reference = dir.resolve("fixed-utf8.md");
        final Path fixedC = dir.resolve("fixed-c.md");
        final Path fixedUnset = dir.resolve("fixed-unset.md");

        final Process utf8 = java(List.of("LANG=C.UTF-8"), reference.toFile(), "verify", doc.toString(),
                "--scenario", "acp-virtualization", "--fix");
        final Process c = java(List.of("LANG=C", "LC_ALL=C"), fixedC.toFile(), "verify", doc.toString(),
                "--scenario", "acp-virtualization", "--fix");
        final Process unset = java(List.of(), fixedUnset.toFile(), "verify", doc.toString(),
                "--scenario", "acp-virtualization", "--fix");

        assertThat(utf8.waitFor()).isEqualTo(1);
        assertThat(c.waitFor()).isEqualTo(1);
        assertThat(unset.waitFor()).isEqualTo(1);
        final byte[] expected = Files.readAllBytes(reference);
        assertThat(new String(expected, StandardCharsets.UTF_8)).contains("日本語", "🙂", "“quoted” → done");
        assertThat(Files.readAllBytes(fixedC)).isEqualTo(expected);
        assertThat(Files.readAllBytes(fixedUnset)).isEqualTo(expected);
    }

    @Test
    void fixChangesOnlyTheCellsItFixes() throws Exception {
        final Path doc = nonAsciiDocument();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        final int status = Main.run(new String[] {"verify", doc.toString(), "--scenario", "acp-virtualization",
                "--fix"}, out, err);

        assertThat(status).isEqualTo(1);
        final List<String> before = Files.readString(doc).lines().toList();
        final List<String> after = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(after.size() - 1)).isEqualTo(before.get(before.size() - 1));
        final long changed = before.stream().filter(line -> !after.contains(line)).count();
        assertThat(changed).as("lines --fix changed or removed").isBetween(1L, 6L);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void writingToAFullDeviceIsExitOneWithAMessage() throws Exception {
        final Process p = java(List.of(), new File("/dev/full"), "trace", "acp-virtualization", "vm1", "vm3");
        final String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(stderr).isEqualTo("vnetsim: cannot write to standard output: No space left on device\n");
    }

    @Test
    void aFailingStandardOutputIsExitOneWithTheReason() {
        final OutputStream full = new OutputStream() {
            @Override
            public void write(final int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        for (final String[] args : new String[][] {{"scenarios"}, {"describe", "acp-virtualization"},
                {"trace", "acp-virtualization", "vm1", "vm3", "--format", "json"}, {"--help"},
                {"verify", SEED.toString(), "--scenario", "acp-virtualization", "--fix"}}) {
            err.reset();
            assertThat(Main.run(args, full, err)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .endsWith("vnetsim: cannot write to standard output: No space left on device\n");
        }
    }
}

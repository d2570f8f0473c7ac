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
import vnetsim.folder.FolderCopies;

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

    /**
     * The {@code vnetsim} launcher under {@code LANG=C} (and no locale) with a network folder and a capture whose
     * paths are not ASCII: README promises the launcher runs Java in C.UTF-8 then. Before, it did not, and Java
     * decoded the arguments as ASCII: "Malformed input or input contains unmappable characters", exit 2. The
     * launcher runs a jar whose manifest points at this test's class path, so nothing is built.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void launcherWithTheCLocaleReadsAndWritesNonAsciiPaths() throws Exception {
        final Path root = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("..", "vnetsim"), root.resolve("vnetsim"));
        final Path jar = Files.createDirectories(root.resolve("sim-scenarios/target")).resolve("vnetsim.jar");
        final java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "vnetsim.cli.Main");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, String.join(" ",
                java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(e -> Path.of(e).toAbsolutePath().toUri().toString()).toList()));
        try (OutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        final Path folder = dir.resolve("réseau ✓/acp wörk");
        Files.createDirectories(folder.getParent());
        FolderCopies.copyTree(Path.of("..", "src", "networks", "acp-virtualization"), folder);
        final Path capture = folder.getParent().resolve("flüsse.pcapng");

        for (final List<String> env : List.of(List.of("LANG=C", "LC_ALL=C"), List.<String>of())) {
            Files.deleteIfExists(capture);
            final ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("vnetsim").toString(), "trace",
                    folder.toString(), "vm1", "vm3", "--pcap", capture.toString())
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
            pb.environment().remove("LANG");
            pb.environment().remove("LC_ALL");
            pb.environment().remove("LC_CTYPE");
            pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                    + System.getenv("PATH"));
            env.forEach(kv -> pb.environment().put(kv.split("=", 2)[0], kv.split("=", 2)[1]));

            final int status = pb.start().waitFor();

            assertThat(Files.readString(dir.resolve("err.txt"))).as("stderr with %s", env).isEmpty();
            assertThat(status).isZero();
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("Outcome: DELIVERED");
            assertThat(capture).isRegularFile();
        }
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

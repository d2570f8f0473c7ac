package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: each case with the exact message it gives (what, where, a hint), its exit status (2 for
 * input, 1 when an output cannot be written), no stack trace, and nothing left behind in the working directory.
 * README section "Errors you may see" lists the same messages.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    /** One row: arguments ({@code $D} is the scratch directory), the exact standard error, the exit status. */
    record Case(String name, List<String> args, String stderr, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(final String name, final int status, final String stderr, final String... args) {
        return new Case(name, List.of(args), stderr, status);
    }

    static Stream<Case> cases() throws IOException {
        Files.createDirectories(dir.resolve("docs.md"));
        Files.write(dir.resolve("diagram.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Files.writeString(dir.resolve("nul.md"), "# a\n\nb\0c\n");
        Files.writeString(dir.resolve("empty.md"), "# Nothing here\n\nNo tables.\n");
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
            big.setLength((8L << 20) + 1);
        }
        Files.writeString(dir.resolve("comments.txt"), "# nothing to change yet\n\n");
        Files.writeString(dir.resolve("through.yaml"), "intents:\n  - from: vm1\n    to: vm3\n    expect: reaches\n"
                + "    through: Firewal\n");
        final Path foreign = Files.createDirectories(dir.resolve("home"));
        Files.writeString(foreign.resolve("index.tsv"), "mine\n");
        final String trace = "Try 'vnetsim trace --help'.\n";
        return Stream.of(
            c("no command", 2, "vnetsim: a command is required: scenarios, describe, trace, reachability, "
                    + "whatif, check, verify, draw or report\n"
                    + "Try 'vnetsim --help'.\n"),
            c("unknown command", 2, "vnetsim: Unmatched argument at index 0: 'tarce'; did you mean scenarios or trace?\n"
                    + "Try 'vnetsim --help'.\n", "tarce"),
            c("unknown scenario", 2, "vnetsim: unknown scenario 'acp'; scenarios: $S\n",
                    "trace", "acp", "vm1", "vm3"),
            c("empty scenario", 2, "vnetsim: unknown scenario ''; scenarios: $S\n", "trace", "", "vm1", "vm3"),
            c("unknown endpoint", 2, "vnetsim: no endpoint 'vm9'; endpoints: vm1 (Virtual Machine 1), pod2 (Pod 2), "
                    + "vm3 (Virtual Machine 3), vm4 (Virtual Machine 4), vm5 (Virtual Machine 5), "
                    + "vm6 (Virtual Machine 6), pod7 (Pod 7)\n", "trace", "acp-virtualization", "vm9", "vm3"),
            c("endpoint name of 100,000 characters", 2, "vnetsim: no endpoint '" + "x".repeat(60)
                    + "... (100000 characters)'; endpoints: vm1 (Virtual Machine 1), pod2 (Pod 2), "
                    + "vm3 (Virtual Machine 3), vm4 (Virtual Machine 4), vm5 (Virtual Machine 5), "
                    + "vm6 (Virtual Machine 6), pod7 (Pod 7)\n", "trace", "acp-virtualization", "x".repeat(100_000),
                    "vm3"),
            c("scenario name with a terminal escape", 2, "vnetsim: unknown scenario 'acp?[2J'; scenarios: $S\n",
                    "trace", "acp\u001b[2J", "vm1", "vm3"),
            c("missing endpoint", 2, "vnetsim: Missing required parameter: 'TO'\n" + trace,
                    "trace", "acp-virtualization", "vm1"),
            c("bad flag value", 2, "vnetsim: Invalid value for option '--format': expected one of [TABLE, MARKDOWN, "
                    + "JSON, HTML] (case-insensitive) but was 'xml'\n" + trace,
                    "trace", "acp-virtualization", "vm1", "vm3", "--format", "xml"),
            c("unknown flag", 2, "vnetsim: Unknown option: '--colde'; did you mean --cold?\n" + trace,
                    "trace", "acp-virtualization", "vm1", "vm3", "--colde"),
            c("missing document", 2, "vnetsim verify: cannot read $D/nope.md: no such file\n",
                    "verify", "$D/nope.md", "--scenario", "acp-virtualization"),
            c("directory as document", 2, "vnetsim verify: cannot read $D/docs.md: it is a directory; give the path "
                    + "of a Markdown document\n", "verify", "$D/docs.md", "--scenario", "acp-virtualization"),
            c("binary document", 2, "vnetsim verify: cannot read $D/diagram.md: not UTF-8 text (byte 0x89 at line 1,"
                    + " column 1); save the Markdown document as UTF-8\n",
                    "verify", "$D/diagram.md", "--scenario", "acp-virtualization"),
            c("NUL in document", 2, "vnetsim verify: cannot read $D/nul.md: binary data (a NUL byte at line 3, "
                    + "column 2), not a text Markdown document\n",
                    "verify", "$D/nul.md", "--scenario", "acp-virtualization"),
            c("oversized document", 2, "vnetsim verify: cannot read $D/huge.md: larger than the 8 MiB limit for a "
                    + "Markdown document; is it the right file?\n",
                    "verify", "$D/huge.md", "--scenario", "acp-virtualization"),
            c("endless document", 2, "vnetsim verify: cannot read /dev/zero: larger than the 8 MiB limit for a "
                    + "Markdown document; is it the right file?\n",
                    "verify", "/dev/zero", "--scenario", "acp-virtualization"),
            c("document without flow tables", 2, "vnetsim verify: no flow tables found in $D/empty.md (a flow table "
                    + "is a pipe table with Step, Device and Interface columns)\n",
                    "verify", "$D/empty.md", "--scenario", "acp-virtualization"),
            c("no scenario for a document", 2, "vnetsim verify: no scenario: pass --scenario NAME or put a line "
                    + "'scenario: NAME' in .vnetsim next to $D/empty.md\n", "verify", "$D/empty.md"),
            c("unknown scenario for a document", 2, "vnetsim verify: unknown scenario 'acp'; scenarios: $S\n", "verify", "$D/empty.md", "--scenario", "acp"),
            c("unwritable pcap path", 1, "vnetsim: cannot write capture $D/no/such/dir/f.pcapng: parent directory "
                    + "does not exist\n", "trace", "acp-virtualization", "vm1", "vm3", "--pcap",
                    "$D/no/such/dir/f.pcapng"),
            c("pcap onto a directory", 1, "vnetsim: cannot write capture $D/docs.md: target is a directory\n",
                    "trace", "acp-virtualization", "vm1", "vm3", "--pcap", "$D/docs.md"),
            c("existing non-vnetsim pcap dir", 1, "vnetsim: cannot write capture $D/home: target directory is not "
                    + "empty and was not made by vnetsim (it has no .vnetsim-capture); give a new or empty "
                    + "directory\n", "trace", "acp-virtualization", "vm1", "vm3", "--pcap-dir", "$D/home"),
            c("intents file is a directory", 2, "vnetsim: cannot read $D/docs.md: it is a directory; give the path "
                    + "of a YAML intents file\n", "check", "acp-virtualization", "--intents", "$D/docs.md"),
            c("binary intents file", 2, "vnetsim: cannot read $D/diagram.md: not UTF-8 text (byte 0x89 at line 1, "
                    + "column 1); save the YAML intents file as UTF-8\n",
                    "check", "acp-virtualization", "--intents", "$D/diagram.md"),
            c("endless intents file", 2, "vnetsim: cannot read /dev/zero: larger than the 1 MiB limit for a YAML "
                    + "intents file; is it the right file?\n", "check", "acp-virtualization", "--intents", "/dev/zero"),
            c("change file is a directory", 2, "vnetsim: cannot read $D/docs.md: it is a directory; give the path "
                    + "of a change file (one change per line)\n", "whatif", "acp-virtualization", "--change-file",
                    "$D/docs.md"),
            c("binary change file", 2, "vnetsim: cannot read $D/diagram.md: not UTF-8 text (byte 0x89 at line 1, "
                    + "column 1); save the change file (one change per line) as UTF-8\n",
                    "whatif", "acp-virtualization", "--change-file", "$D/diagram.md"),
            c("oversized change file", 2, "vnetsim: cannot read $D/huge.md: larger than the 1 MiB limit for a change "
                    + "file (one change per line); is it the right file?\n",
                    "whatif", "acp-virtualization", "--change-file", "$D/huge.md"),
            c("change file without a change", 2, "vnetsim: $D/comments.txt: no change in it (only blank lines and # "
                    + "comments); write one change per line, e.g. 'shut Switch Ethernet1/3'\n",
                    "whatif", "acp-virtualization", "--change-file", "$D/comments.txt"),
            c("intent through a device the network lacks", 2, "vnetsim: $D/through.yaml: intent 'vm1 reaches vm3 "
                    + "through Firewal': through: no device named 'Firewal'; closest: Firewall\n",
                    "check", "acp-virtualization", "--intents", "$D/through.yaml"),
            c("empty pcap path", 2, "vnetsim: --pcap needs a file name, not ''\n" + trace,
                    "trace", "acp-virtualization", "vm1", "vm3", "--pcap", ""),
            c("empty pcap-dir path", 2, "vnetsim: --pcap-dir needs a directory name, not ''\n" + trace,
                    "trace", "acp-virtualization", "vm1", "vm3", "--pcap-dir", ""),
            c("pcap and pcap-dir the same", 2, "vnetsim: --pcap $D/x is the same path as --pcap-dir $D/x; give the "
                    + "pcapng file a path outside the directory\n" + trace,
                    "trace", "acp-virtualization", "vm1", "vm3", "--pcap", "$D/x", "--pcap-dir", "$D/x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesItsExactMessageAndStatusAndLeavesNothingBehind(final Case c) throws IOException {
        final List<String> before = listing();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final String[] args = c.args().stream().map(a -> a.replace("$D", dir.toString())).toArray(String[]::new);

        final int status = Main.run(args, out, err);

        final String stderr = err.toString(StandardCharsets.UTF_8);
        // $S: every built-in network, as `vnetsim scenarios` lists them (the list grows with the shipped folders)
        final String scenarios = String.join(", ", vnetsim.folder.Networks.all().stream()
                .map(vnetsim.scenario.Scenario::name).toList());
        assertThat(stderr).isEqualTo(c.stderr().replace("$D", dir.toString()).replace("$S", scenarios));
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(status).isEqualTo(c.status());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(listing()).isEqualTo(before);
    }

    /**
     * {@code check --junit-xml} onto what is not a regular file: a directory is refused and a device is written
     * to, never replaced. Before, the report was a temporary file moved over the target: a directory gave an
     * internal error (status 3) after creating the temporary file in the directory's parent, and, run as root,
     * {@code --junit-xml /dev/full} replaced the device node with a regular file and exited 0.
     */
    @Test
    void junit_report_onto_a_directory_or_a_device_fails_with_status_1_and_replaces_nothing() throws IOException {
        final Path intents = Path.of("..", "src", "networks", "acp-virtualization", "intents.yaml");
        final Path target = Files.createDirectories(dir.resolve("reports"));
        final List<String> before = listing();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        final int status = Main.run(new String[] {"check", "acp-virtualization", "--intents", intents.toString(),
            "--junit-xml", target.toString()}, new ByteArrayOutputStream(), err);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("vnetsim: " + target
                + " is a directory; give a file name\n");
        assertThat(status).isEqualTo(1);
        assertThat(listing()).isEqualTo(before);

        final Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "no /dev/full device here");
        final ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        final int status2 = Main.run(new String[] {"check", "acp-virtualization", "--intents", intents.toString(),
            "--junit-xml", full.toString()}, new ByteArrayOutputStream(), err2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).isEqualTo("vnetsim: cannot write /dev/full: No space "
                + "left on device\n");
        assertThat(status2).isEqualTo(1);
        assertThat(Files.isRegularFile(full)).as("/dev/full is still a device").isFalse();
    }

    private static List<String> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}

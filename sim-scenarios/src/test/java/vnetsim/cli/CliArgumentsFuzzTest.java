package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any argument list to {@code vnetsim}: it ends with status 0, 1 or 2 and never prints a stack trace or an
 * internal error. Arguments are drawn from the CLI's vocabulary or are arbitrary strings; every path is kept
 * inside a scratch directory (and documents are one of a few made there), so the fuzzer cannot write or block
 * elsewhere. Seeds: {@code src/test/resources/vnetsim/cli/CliArgumentsFuzzTestInputs/anyArguments/}.
 */
class CliArgumentsFuzzTest {
    private static final String[] WORDS = {"scenarios", "describe", "trace", "verify", "acp-virtualization", "vm1",
        "pod2", "vm3", "vm4", "vm5", "vm6", "pod7", "Virtual Machine 1", "--cold", "--view", "document", "full",
        "--format", "table", "markdown", "json", "text", "--protocol", "icmp", "udp", "arp", "--pcap", "--pcap-dir",
        "--scenario", "--fix", "--help", "-h", "--version", "-V", "--", "@args", "", " ", "JSON", "Full"};
    private static final Path DIR = scratch();

    private static Path scratch() {
        try {
            final Path dir = Files.createTempDirectory("vnetsim-fuzz-cli");
            dir.toFile().deleteOnExit();
            Files.writeString(dir.resolve("doc.md"), Files.readString(Path.of("..", "src", "docs",
                    "acp-virtualization", "flow-tables.md")));
            Files.writeString(dir.resolve("args"), "scenarios\n");
            return dir;
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps every path-like argument inside the scratch directory. */
    private static String confine(final String arg, final String previous) {
        if (previous.equals("--pcap") || previous.equals("--pcap-dir") || previous.equals("verify")) {
            return DIR.resolve("p" + Integer.toHexString(arg.hashCode())).toString();
        }
        final int eq = arg.indexOf('=');
        if (arg.startsWith("--pcap") && eq > 0) {
            return arg.substring(0, eq + 1) + DIR.resolve("p" + Integer.toHexString(arg.hashCode()));
        }
        if (arg.startsWith("@")) {
            return "@" + DIR.resolve("args");
        }
        if (arg.indexOf('/') >= 0 || arg.startsWith(".") || arg.startsWith("~")) {
            return DIR.resolve("doc.md").toString();
        }
        return arg;
    }

    @FuzzTest(maxDuration = "10m")
    void anyArguments(final FuzzedDataProvider data) {
        final List<String> args = new ArrayList<>();
        String previous = "";
        final int count = data.consumeInt(0, 12);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            final String arg = data.consumeBoolean() ? WORDS[data.consumeInt(0, WORDS.length - 1)]
                    : data.consumeString(40);
            final String confined = confine(arg, previous);
            args.add(confined);
            previous = arg;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        final int status = Main.run(args.toArray(String[]::new), out, err);

        final String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as("status of %s: %s", args, stderr).isBetween(0, 2);
        assertThat(stderr).as("stderr of %s", args).doesNotContain("\tat ").doesNotContain("internal error");
    }
}

package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.trace.Step;
import vnetsim.verify.DocumentFixer;
import vnetsim.verify.DocumentVerifier;
import vnetsim.verify.FlowSimulator;
import vnetsim.verify.Verification;

/**
 * Any text as a design document, verified and fixed against the real acp simulation (traces memoized per flow, so
 * the fuzzer spends its time in the parser): verifying ends in findings or an unknown-endpoint error, never another
 * exception; a document that agrees comes back from the fixer byte for byte; the fixed document verifies again
 * without error; and the command line on the same bytes ends with status 0, 1 or 2 and no stack trace (every 64th
 * input, as it is slower). Seeds: {@code src/test/resources/vnetsim/cli/FlowTableFuzzTestInputs/verifyAndFix/}.
 */
class FlowTableFuzzTest {
    private static final Path DIR = scratch();
    private static final FlowSimulator ACP = memoized(Main.flowSimulator("acp-virtualization"));
    private static int inputs;

    private static FlowSimulator memoized(final FlowSimulator simulator) {
        final Map<List<String>, List<Step>> traces = new HashMap<>();
        return (from, to) -> {
            final List<String> key = List.of(from, to);
            final List<Step> known = traces.get(key);
            if (known != null) {
                return known;
            }
            final List<Step> steps = simulator.documentView(from, to);
            traces.put(key, steps);
            return steps;
        };
    }

    private static Path scratch() {
        try {
            final Path dir = Files.createTempDirectory("vnetsim-fuzz-verify");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verification verifyOrNull(final String markdown) {
        try {
            return new DocumentVerifier(ACP).verify(markdown);
        } catch (final UnknownEndpointException e) {
            return null;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void verifyAndFix(final byte[] bytes) throws IOException {
        if (inputs++ % 64 == 0) {
            throughTheCommandLine(bytes);
        }
        final String markdown;
        try {
            markdown = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (final CharacterCodingException e) {
            return;                                           // the reader refuses it (BadInputTest)
        }
        final Verification v = verifyOrNull(markdown);
        if (v == null) {
            return;
        }
        final String fixed = DocumentFixer.apply(markdown, v.edits());
        if (v.agrees()) {
            assertThat(fixed).isEqualTo(markdown);
        }
        verifyOrNull(fixed);
    }

    private static void throughTheCommandLine(final byte[] document) throws IOException {
        final Path doc = DIR.resolve("doc.md");
        Files.write(doc, document);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = Main.run(new String[] {"verify", doc.toString(), "--scenario", "acp-virtualization",
            "--fix"}, out, err);
        final String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isBetween(0, 2);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("internal error");
        if (status == 2) {
            assertThat(stderr).startsWith("vnetsim verify: ").endsWith("\n");
            assertThat(stderr.lines()).hasSize(1);
        }
    }
}

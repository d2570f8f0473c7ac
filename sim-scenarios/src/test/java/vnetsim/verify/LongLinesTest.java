package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parser of the verify path on 100,000-character lines: headings, table rows and each kind of cell (step,
 * device, interface, tag, notes), fences and the sidecar. A hang guard, not a speed target.
 */
class LongLinesTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final int N = 100_000;
    private static final List<String> BODIES = List.of(" ".repeat(N), "a ".repeat(N / 2), "to ".repeat(N / 3),
            "|".repeat(N), "-".repeat(N), "#".repeat(N), "tag ".repeat(N / 4), "vlan  ".repeat(N / 6) + "x",
            "added tag".repeat(N / 9), "removing vlan tag 20".repeat(N / 20), "1".repeat(N), "`".repeat(N),
            "changed from 2003 to ".repeat(N / 21), "not ".repeat(N / 4) + "routed", ":-".repeat(N / 2));

    private static String table(final String heading, final String step, final String device, final String iface,
                                final String tag, final String notes) {
        return "## " + heading + "\n\n| Step | Device | Interface | Tagged/Untagged | Notes |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| " + step + " | " + device + " | " + iface + " | " + tag + " | " + notes + " |\n";
    }

    @Test
    void verifyingAndFixingADocumentOfHugeLinesStaysLinear() {
        final DocumentVerifier verifier = new DocumentVerifier(new AcpFakeSimulator());
        for (final String body : BODIES) {
            final String[] documents = {
                "# " + body + "\n",
                table("VM1 to VM3" + body, "1", "Virtual Machine 1", "vmnic1", "Untagged", "x"),
                table("VM1 to VM3", body, "Virtual Machine 1", "vmnic1", "Untagged", "x"),
                table("VM1 to VM3", "1.", body, "vmnic1", "Untagged", "x"),
                table("VM1 to VM3", "1.", "Virtual Machine 1", body, "Untagged", "x"),
                table("VM1 to VM3", "1.", "Virtual Machine 1", "vmnic1", body, "x"),
                table("VM1 to VM3", "1.", "Virtual Machine 1", "vmnic1", "Untagged", body),
                "| " + body + " |\n|" + body + "|\n",
                "```" + body + "\n" + body + "\n```\n",
            };
            for (final String doc : documents) {
                assertTimeoutPreemptively(GUARD, () -> {
                    final Verification v = verifier.verify(doc);
                    DocumentFixer.apply(doc, v.edits());
                }, () -> "document starting " + doc.substring(0, Math.min(60, doc.length())));
            }
        }
    }

    @Test
    void sidecarWithAHugeLineIsReadInLinearTime(@TempDir final Path dir) throws Exception {
        for (final String body : BODIES) {
            Files.writeString(dir.resolve(ScenarioSidecar.FILE_NAME), "scenario: x" + body + "\n");
            assertTimeoutPreemptively(GUARD, () -> ScenarioSidecar.scenarioFor(dir.resolve("doc.md")));
        }
    }

    @Test
    void headingOfTenThousandSpacesBeforeATableIsParsedAtOnce() {
        final String doc = table("VM1" + " ".repeat(10_000) + "x", "1.", "Virtual Machine 1", "vmnic1", "Untagged",
                "x");
        final List<FlowTable> tables = assertTimeoutPreemptively(GUARD, () -> new FlowTableParser().parse(doc));
        assertThat(tables).hasSize(1);
    }
}

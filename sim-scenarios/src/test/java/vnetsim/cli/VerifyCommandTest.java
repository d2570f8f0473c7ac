package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vnetsim.verify.AcpFakeSimulator;

/** The verify command: exit statuses, formats, the sidecar, --fix, and one-line errors. */
class VerifyCommandTest {
    private static final Path SEED_TABLES = Path.of("..", "src", "docs", "acp-virtualization", "flow-tables.md");


    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new VerifyCommand(name -> {
            if (!name.equals("acp-virtualization")) {
                throw new IllegalArgumentException("unknown scenario '" + name + "'; scenarios: acp-virtualization");
            }
            return new AcpFakeSimulator();
        }));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path seedCopy() throws IOException {
        final Path doc = dir.resolve("flow-tables.md");
        Files.writeString(doc, Files.readString(SEED_TABLES));
        return doc;
    }

    @Test
    void seedDocumentDisagreesUsingTheSidecarNextToIt() {
        final int status = run(SEED_TABLES.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(6).first().asString()
                .startsWith("NUMBERING Virtual Machine 1 to Virtual Machine 4, step 7, Step Number");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonListsEveryFindingWithItsFields() throws IOException {
        final int status = run("--format", "json", "--scenario", "acp-virtualization", seedCopy().toString());

        assertThat(status).isEqualTo(1);
        final JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("scenario").asText()).isEqualTo("acp-virtualization");
        assertThat(json.get("document").asText()).endsWith("flow-tables.md");
        assertThat(json.get("findings")).hasSize(6);
        final JsonNode first = json.get("findings").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("table", "step", "column", "document",
                "simulated", "kind", "explanation");
        assertThat(first.get("kind").asText()).isEqualTo("NUMBERING");
        assertThat(first.get("step").asInt()).isEqualTo(7);
    }

    @Test
    void fixPrintsTheCorrectedDocumentWhichThenAgrees() throws IOException {
        final Path doc = seedCopy();

        assertThat(run("--scenario", "acp-virtualization", "--fix", doc.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(6);
        Files.writeString(doc, out.toString());
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(run("--scenario", "acp-virtualization", doc.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("4 flow tables agree with scenario acp-virtualization");
    }

    @Test
    void missingFileIsAnInputError() {
        assertThat(run("--scenario", "acp-virtualization", dir.resolve("nope.md").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("vnetsim verify: cannot read " + dir.resolve("nope.md")
                + ": no such file" + System.lineSeparator());
    }

    @Test
    void unknownScenarioNamesTheValidOnes() throws IOException {
        assertThat(run("--scenario", "acp", seedCopy().toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "vnetsim verify: unknown scenario 'acp'; scenarios: acp-virtualization");
    }

    @Test
    void noScenarioAndNoSidecarIsAnInputError() throws IOException {
        assertThat(run(seedCopy().toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("vnetsim verify: no scenario: pass --scenario NAME");
    }

    @Test
    void sidecarInTheDocumentsDirectoryIsRead() throws IOException {
        final Path doc = seedCopy();
        Files.writeString(dir.resolve(".vnetsim"), "# which scenario\nscenario: acp-virtualization\n");

        assertThat(run(doc.toString())).isEqualTo(1);
    }

    @Test
    void documentWithoutFlowTablesIsAnInputError() throws IOException {
        final Path doc = dir.resolve("plain.md");
        Files.writeString(doc, "# Notes\n| VLAN | Subnet |\n| --- | --- |\n| 2003 | 172.16.4.0/24 |\n");

        assertThat(run("--scenario", "acp-virtualization", doc.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("vnetsim verify: no flow tables found in");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void badOptionIsAUsageError() throws IOException {
        assertThat(run("--format", "yaml", "--scenario", "acp-virtualization", seedCopy().toString()))
                .isEqualTo(2);
    }
}

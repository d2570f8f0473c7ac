package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixing rewrites only the wrong characters and keeps everything else, line endings included. */
class DocumentFixerTest {

    private final DocumentVerifier verifier = new DocumentVerifier(new AcpFakeSimulator());
    private final DocumentFixer fixer = new DocumentFixer(verifier);

    @Test
    void crlfDocumentKeepsItsLineEndingsAndSpacing() {
        final String doc = "Intro text\r\n"
                + "#### Virtual Machine 1 to Virtual Machine 4\r\n"
                + "| Step Number | Device | Interface | Tagged/Untagged | Notes |\r\n"
                + "|:--|:--|:--|:--|:--|\r\n"
                + "|  2.  |   node0   | `enp4s0f0.2003` | Untagged | Adding VLAN tag 2004 via VLAN interface |\r\n"
                + "|  3.  |   node0   | `enp4s0f0.2003` | Tagged (2004) | Removing VLAN tag 2003 |\r\n"
                + "trailing words without newline";

        final String fixed = fixer.fix(doc);

        assertThat(fixed).isEqualTo("Intro text\r\n"
                + "#### Virtual Machine 1 to Virtual Machine 4\r\n"
                + "| Step Number | Device | Interface | Tagged/Untagged | Notes |\r\n"
                + "|:--|:--|:--|:--|:--|\r\n"
                + "|  1.  |   node0   | `enp4s0f0.2003` | Untagged | Adding VLAN tag 2003 via VLAN interface |\r\n"
                + "|  2.  |   node1   | `enp4s0f0.2003` | Tagged (2003) | Removing VLAN tag 2003 |\r\n"
                + "trailing words without newline");
        assertThat(verifier.findings(fixed)).isEmpty();
    }

    @Test
    void overlappingEditsKeepTheFirstAndNeverCorruptTheLine() {
        final String text = "abcdef\n";

        assertThat(DocumentFixer.apply(text, List.of(Edit.replace(1, 1, 4, "X"), Edit.replace(1, 2, 5, "Y"))))
                .isEqualTo("abYf\n");
        assertThat(DocumentFixer.apply(text, List.of(Edit.deleteLine(1)))).isEmpty();
    }

    @Test
    void tableWithoutEndpointsCannotBeChecked() {
        final String doc = """
                #### Example traffic
                | Step | Device | Interface |
                | --- | --- | --- |
                | 1 | node0 | bridge2003 |
                """;

        assertThat(verifier.findings(doc)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.UNKNOWN_ENDPOINT));
    }
}

package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vnetsim.scenario.AcpVirtualization;

/**
 * The seed document's four flow tables (kept as data in src/docs) verified against the real simulation of the
 * acp-virtualization scenario: exactly the document's real mistakes, nothing else.
 */
class AcpDocumentVerificationTest {
    private static final Path TABLES = Path.of("..", "src", "docs", "acp-virtualization", "flow-tables.md");

    private final FlowSimulator simulation = (from, to) -> new AcpVirtualization().network().trace(from, to).steps();

    @Test
    void reports_every_real_mistake_in_the_four_tables_and_nothing_else() throws IOException {
        final String document = Files.readString(TABLES);

        assertThat(new DocumentVerifier(simulation).findings(document))
                .extracting(Finding::table, Finding::step, Finding::column, Finding::document, Finding::simulated,
                        Finding::kind)
                .containsExactly(
                        // The table jumps from step 5 to 7: there is no firewall hop when VM1 and VM4 share VLAN 2003.
                        tuple("Virtual Machine 1 to Virtual Machine 4", 7, "Step Number", "7", "6", Finding.Kind.NUMBERING),
                        // VM 4 runs on node1 (it is behind Ethernet1/7), so steps 8-10 happen on node1, not node0.
                        tuple("Virtual Machine 1 to Virtual Machine 4", 8, "Device", "node0", "node1", Finding.Kind.MISMATCH),
                        tuple("Virtual Machine 1 to Virtual Machine 4", 9, "Device", "node0", "node1", Finding.Kind.MISMATCH),
                        // The frame never left VLAN 2003, so enp4s0f0.2003 removes tag 2003, not 2004.
                        tuple("Virtual Machine 1 to Virtual Machine 4", 9, "Notes", "2004", "2003", Finding.Kind.MISMATCH),
                        tuple("Virtual Machine 1 to Virtual Machine 4", 10, "Device", "node0", "node1", Finding.Kind.MISMATCH),
                        // After the firewall the frame is in VLAN 2005: enp4s0f0.2005 removes 2005, not 2004.
                        tuple("Virtual Machine 1 to Virtual Machine 6", 9, "Notes", "2004", "2005", Finding.Kind.MISMATCH));
    }

    @Test
    void the_fixed_document_verifies_clean() throws IOException {
        final String fixed = new DocumentFixer(new DocumentVerifier(simulation)).fix(Files.readString(TABLES));
        assertThat(new DocumentVerifier(simulation).findings(fixed)).isEmpty();
    }
}

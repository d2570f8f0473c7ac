package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.verify.Finding.Kind;

/** The design document's Section 2 tables against the simulated topology: exactly the real mistakes, no others. */
class DocumentVerifierTest {

    static final Path SEED_TABLES = Path.of("..", "src", "docs", "acp-virtualization", "flow-tables.md");
    static final String VM4 = "Virtual Machine 1 to Virtual Machine 4";
    static final String VM6 = "Virtual Machine 1 to Virtual Machine 6";

    private final DocumentVerifier verifier = new DocumentVerifier(new AcpFakeSimulator());

    static String seed() throws IOException {
        return Files.readString(SEED_TABLES);
    }

    @Test
    void seedTablesGiveExactlyTheRealMistakes() throws IOException {
        final List<Finding> findings = verifier.findings(seed());

        assertThat(findings).containsExactly(
                // VM1 -> VM4 is numbered 1..5 then 7..11: step 6 is missing. One finding at the jump, not one per
                // later row (7..11 follow each other).
                new Finding(VM4, 7, "Step Number", "7", "6", Kind.NUMBERING,
                        "the step numbers jump from 5 to 7: step 6 is missing; renumber the steps from here on"),
                // VM4 is on node1: after Ethernet1/7 the frame enters node1's enp4s0f0, not node0's.
                new Finding(VM4, 8, "Device", "node0", "node1", Kind.MISMATCH,
                        "Virtual Machine 4 is on node1, so the frame enters node1's enp4s0f0, not node0's"),
                // ...and node1's enp4s0f0.2003 pops the tag...
                new Finding(VM4, 9, "Device", "node0", "node1", Kind.MISMATCH,
                        "Virtual Machine 4 is on node1, so the frame enters node1's enp4s0f0.2003, not node0's"),
                // ...which is 2003 (VM1 and VM4 share VLAN 2003; nothing retags a switched frame), not 2004.
                new Finding(VM4, 9, "Notes", "2004", "2003", Kind.MISMATCH,
                        "the frame arrives at enp4s0f0.2003 tagged 2003 and leaves untagged: the subinterface "
                                + "removes tag 2003, not 2004"),
                // node1's bridge2003 is the one VM4 hangs off.
                new Finding(VM4, 10, "Device", "node0", "node1", Kind.MISMATCH,
                        "Virtual Machine 4 is on node1, so the frame crosses node1's bridge2003, not node0's"),
                // VM1 -> VM6: the firewall retagged the frame 2005, so enp4s0f0.2005 removes 2005, not 2004 (a
                // copy-paste from the VM3 table).
                new Finding(VM6, 9, "Notes", "2004", "2005", Kind.MISMATCH,
                        "the frame arrives at enp4s0f0.2005 tagged 2005 and leaves untagged: the subinterface "
                                + "removes tag 2005, not 2004"));
        // Not reported, rightly: VM1 -> Pod 2's single bridge2003 row is a coarser but correct table; "Ethernet 1/3"
        // is Ethernet1/3; the VM3 table is right throughout (firewall routes, 2003 -> 2004, popped at .2004).
    }

    @Test
    void everyFlowTableIsCheckedAndTheCorrectOnesAreClean() throws IOException {
        final Verification v = verifier.verify(seed());

        assertThat(v.tables()).extracting(FlowTable::title).containsExactly("Virtual Machine 1 to Pod 2",
                "Virtual Machine 1 to Virtual Machine 3", VM4, VM6);
        assertThat(v.findings()).extracting(Finding::table).doesNotContain("Virtual Machine 1 to Pod 2",
                "Virtual Machine 1 to Virtual Machine 3");
    }

    @Test
    void fixedDocumentReverifiesClean() throws IOException {
        final String fixed = new DocumentFixer(verifier).fix(seed());

        assertThat(verifier.findings(fixed)).isEmpty();
    }

    @Test
    void fixChangesOnlyTheWrongCellsAndNumbers() throws IOException {
        final List<String> before = Files.readAllLines(SEED_TABLES);
        final List<String> after = new DocumentFixer(verifier).fix(seed()).lines().toList();

        assertThat(after).hasSameSizeAs(before);
        final List<String> changed = new java.util.ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        assertThat(changed).containsExactly(
                "| 6. | Virtual Machine 1 | Virtual Machine 4 | Switch | `Ethernet 1/7` | Tagged | Departing switch to ACP node |",
                "| 7. | Virtual Machine 1 | Virtual Machine 4 | node1 | `enp4s0f0` | Tagged | Entering via physical interface |",
                "| 8. | Virtual Machine 1 | Virtual Machine 4 | node1 | `enp4s0f0.2003` | Tagged | Removing VLAN tag 2003 via VLAN interface |",
                "| 9. | Virtual Machine 1 | Virtual Machine 4 | node1 | `bridge2003` | Untagged | Entering bridge network |",
                "| 10. | Virtual Machine 1 | Virtual Machine 4 | Virtual Machine 4 | `vmnic1` | Untagged | Entering VM interface |",
                "| 9. | Virtual Machine 1 | Virtual Machine 6 | node1 | `enp4s0f0.2005` | Tagged | Removing VLAN tag 2005 via VLAN interface |");
    }

    @Test
    void unknownEndpointIsReportedNotThrown() {
        final String doc = """
                #### Virtual Machine 1 to Virtual Machine 9
                | Step Number | Source | Destination | Device | Interface | Tagged/Untagged | Notes |
                | --- | --- | --- | --- | --- | --- | --- |
                | 1. | Virtual Machine 1 | Virtual Machine 9 | Virtual Machine 1 | `vmnic1` | Untagged | Exiting VM interface |
                """;

        assertThat(verifier.findings(doc)).containsExactly(new Finding(
                "Virtual Machine 1 to Virtual Machine 9", null, "Destination", "Virtual Machine 9", null,
                Kind.UNKNOWN_ENDPOINT, "the scenario has no endpoint named \"Virtual Machine 9\"; it has "
                + String.join(", ", AcpFakeSimulator.ENDPOINTS)));
    }

    @Test
    void rowForAnInterfaceTheFlowNeverCrossesIsExtra() throws IOException {
        // VM1 -> VM4 is switched in VLAN 2003 end to end: nothing crosses node1's enp4s0f0.2004.
        final String doc = """
                #### Virtual Machine 1 to Virtual Machine 4
                | Step | Device | Interface | Tagged/Untagged | Notes |
                |---|---|---|---|---|
                | 1. | Virtual Machine 1 | `vmnic1` | Untagged | Exiting VM interface |
                | 2. | Switch | `Ethernet1/7` | Tagged | Departing switch to ACP node |
                | 3. | node1 | `enp4s0f0.2004` | Tagged | Removing VLAN tag 2004 |
                | 4. | node1 | `bridge2003` | Untagged | Switched |
                """;

        assertThat(verifier.findings(doc)).containsExactly(new Finding(VM4, 3, "Interface",
                "node1 / enp4s0f0.2004", null, Kind.EXTRA_ROW,
                "the simulated frame from Virtual Machine 1 to Virtual Machine 4 never crosses enp4s0f0.2004; "
                        + "delete this row (after Switch / Ethernet1/7 it goes to node1 / enp4s0f0)"));
        // Fixing deletes the row and renumbers what follows; the result agrees.
        final String fixed = new DocumentFixer(verifier).fix(doc);
        assertThat(fixed).doesNotContain("enp4s0f0.2004").contains("| 3. | node1 | `bridge2003` |");
        assertThat(verifier.findings(fixed)).isEmpty();
    }

    @Test
    void repeatedStepNumberIsNumbering() {
        final String doc = """
                #### Virtual Machine 1 to Pod 2
                | Step Number | Device | Interface | Tagged/Untagged | Notes |
                | --- | --- | --- | --- | --- |
                | 1. | Virtual Machine 1 | `vmnic1` | Untagged | Exiting VM interface |
                | 1. | node0 | `bridge2003` | Untagged | Switched by Linux bridge |
                | 2. | Pod 2 | `net1` | Untagged | Entering pod interface |
                """;

        assertThat(verifier.findings(doc)).containsExactly(new Finding("Virtual Machine 1 to Pod 2", 1,
                "Step Number", "1", "2", Kind.NUMBERING, "step 1 appears twice; renumber the steps from here on"));
        final String fixed = new DocumentFixer(verifier).fix(doc);
        assertThat(fixed).contains("| 2. | node0 |", "| 3. | Pod 2 |");
        assertThat(verifier.findings(fixed)).isEmpty();
    }

    @Test
    void wrongTagStateAndWrongActionAreMismatches() {
        final String doc = """
                #### VM 1 to VM 3
                | # | Device | Interface | Tag | Note |
                | :-: | --- | --- | --- | --- |
                | 1 | node0 | enp4s0f0.2003 | Tagged | Adding VLAN tag 2003 |
                | 2 | Switch | Eth1/3 | Tagged | Routed |
                | 3 | Firewall | Uplink 1 | Tagged | tag changed from 2003 to 2005 |
                """;
        final List<Finding> findings = new DocumentVerifier((from, to) ->
                new AcpFakeSimulator().documentView(expand(from), expand(to))).findings(doc);

        assertThat(findings).extracting(Finding::step, Finding::column, Finding::document, Finding::simulated)
                .containsExactly(
                        // the subinterface that adds the tag receives the frame untagged
                        org.assertj.core.groups.Tuple.tuple(1, "Tagged/Untagged", "Tagged", "Untagged"),
                        // the switch switches within VLAN 2003; only the firewall routes
                        org.assertj.core.groups.Tuple.tuple(2, "Notes", "Routed", "Switched"),
                        // the firewall sends VM3's traffic on in VLAN 2004
                        org.assertj.core.groups.Tuple.tuple(3, "Notes", "2005", "2004"));
        assertThat(findings).allMatch(f -> f.kind() == Kind.MISMATCH);
    }

    private static String expand(final String name) {
        return name.replaceFirst("^VM ", "Virtual Machine ");
    }
}

package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding flow tables in Markdown: column spellings, other tables ignored, exact cell text and positions. */
class FlowTableParserTest {

    private final FlowTableParser parser = new FlowTableParser();

    @Test
    void seedDocumentHasFourFlowTablesAndNoOthers() throws IOException {
        // The whole design document: its Abstract and VLAN tables have no Step/Device/Interface columns.
        // Falls back to the verbatim Section 2 copy where the full seed is not available.
        final Path full = Path.of("/work/shared/seeds/000_f1f784f17b9fbe72.txt");
        final String doc = Files.exists(full) ? Files.readString(full) : DocumentVerifierTest.seed();
        final List<FlowTable> tables = parser.parse(doc);

        assertThat(tables).extracting(FlowTable::from, FlowTable::to, t -> t.rows().size()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Virtual Machine 1", "Pod 2", 1),
                org.assertj.core.groups.Tuple.tuple("Virtual Machine 1", "Virtual Machine 3", 11),
                org.assertj.core.groups.Tuple.tuple("Virtual Machine 1", "Virtual Machine 4", 10),
                org.assertj.core.groups.Tuple.tuple("Virtual Machine 1", "Virtual Machine 6", 11));
        assertThat(tables.get(0).columns()).containsExactly(Column.values());
    }

    @Test
    void cellsKeepTheirExactTextAndPosition() {
        final String doc = "#### A to B\n\nSome words.\n"
                + "| Step Number | Device | Interface |\n"
                + "| --- | --- | --- |\n"
                + "|  1.  | node0 | `bridge2003` |\n";
        final FlowRow row = parser.parse(doc).get(0).rows().get(0);
        final String line = doc.lines().toList().get(5);

        final Cell iface = row.cell(Column.INTERFACE).orElseThrow();
        assertThat(iface.line()).isEqualTo(6);
        assertThat(iface.text()).isEqualTo("`bridge2003`");
        assertThat(line.substring(iface.start(), iface.end())).isEqualTo("`bridge2003`");
        assertThat(iface.value()).isEqualTo("bridge2003");
        assertThat(line.substring(iface.valueStart(), iface.valueEnd())).isEqualTo("bridge2003");
        final Cell step = row.cell(Column.STEP).orElseThrow();
        assertThat(step.text()).isEqualTo("1.");
        assertThat(step.start()).isEqualTo(3);
        assertThat(row.stepNumber()).isEqualTo(1);
        assertThat(row.line()).isEqualTo(6);
    }

    @Test
    void headerSpellingsAndColumnOrderVary() {
        final String doc = """
                ### VM 1 -> VM 4

                Notes | Tagged / Untagged | Iface | Device | Step # | Dst | Src
                :--- | :---: | ---: | --- | --- | --- | ---
                Switched | Untagged | `vmnic1` | VM 1 | `1` | VM 4 | VM 1
                """;
        final FlowTable table = parser.parse(doc).get(0);

        assertThat(table.from()).isEqualTo("VM 1");
        assertThat(table.to()).isEqualTo("VM 4");
        assertThat(table.columns()).containsExactly(Column.NOTES, Column.TAGGED, Column.INTERFACE, Column.DEVICE,
                Column.STEP, Column.DESTINATION, Column.SOURCE);
        final FlowRow row = table.rows().get(0);
        assertThat(row.value(Column.INTERFACE)).isEqualTo("vmnic1");
        assertThat(row.value(Column.TAGGED)).isEqualTo("Untagged");
        assertThat(row.stepNumber()).isEqualTo(1);
    }

    @Test
    void otherShortSpellingsAreRecognised() {
        for (final String header : List.of("| # | Device | Interface | Tag | Note |",
                "| Step | Device | Interface | VLAN tag | Notes |",
                "| **Step** | `Device` | interface | Tagged/Untagged | Comments |")) {
            final String doc = "#### X to Y\n" + header + "\n|-|-|-|-|-|\n| 1. | n | e0 | Tagged | x |\n";
            assertThat(parser.parse(doc)).as(header).singleElement()
                    .satisfies(t -> assertThat(t.columns()).contains(Column.STEP, Column.DEVICE, Column.INTERFACE,
                            Column.TAGGED, Column.NOTES));
        }
    }

    @Test
    void flowComesFromSourceAndDestinationColumnsWithoutATitle() {
        final String doc = """
                ## Traffic
                | Step | Source | Destination | Device | Interface |
                | --- | --- | --- | --- | --- |
                | 1. | Virtual Machine 1 | Pod 2 | node0 | bridge2003 |
                """;
        final FlowTable table = parser.parse(doc).get(0);

        assertThat(table.title()).isEqualTo("Traffic");
        assertThat(table.from()).isEqualTo("Virtual Machine 1");
        assertThat(table.to()).isEqualTo("Pod 2");
    }

    @Test
    void tablesWithoutFlowColumnsAndTablesInCodeAreIgnored() {
        final String doc = """
                #### VLANs to subnets
                | VLAN | Subnet | Description |
                | --- | ---| --- |
                | 2003 | 172.16.4.0/24 | First dedicated network |

                ```
                | Step | Device | Interface |
                | --- | --- | --- |
                | 1 | node0 | bridge2003 |
                ```
                """;

        assertThat(parser.parse(doc)).isEmpty();
    }

    @Test
    void noteClaimsAreFoundWithTheirNumbers() {
        final NoteClaims claims = new NoteClaimParser()
                .parse("Routing and ACLs evaluated/enacted, tag changed from 2003 to 2004");

        assertThat(claims.claims()).extracting(NoteClaims.Claim::type)
                .containsExactly(NoteClaims.Type.ROUTED, NoteClaims.Type.TAG_CHANGED);
        assertThat(claims.claims().get(1).numbers()).extracting(NoteClaims.Number::value).containsExactly(2003, 2004);
        assertThat(new NoteClaimParser().parse("Removing VLAN tag 2004 via VLAN interface").claims())
                .singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(NoteClaims.Type.TAG_REMOVED);
                    assertThat(c.numbers().get(0).start()).isEqualTo(18);
                });
        assertThat(new NoteClaimParser().parse("Arrives at switch").claims()).isEmpty();
        assertThat(new NoteClaimParser().parse("Departing switch to ACP node").claims()).isEmpty();
        assertThat(new NoteClaimParser().parse("not routed here").claims()).isEmpty();
    }

    @Test
    void interfaceAndDeviceNamesCompareAsPeopleMeanThem() {
        assertThat(Names.sameInterface("`Ethernet 1/3`", "Ethernet1/3")).isTrue();
        assertThat(Names.sameInterface("Eth1/3", "Ethernet1/3")).isTrue();
        assertThat(Names.sameInterface("Ethernet1/3", "Ethernet1/7")).isFalse();
        assertThat(Names.sameInterface("ENP4S0F0.2003", "enp4s0f0.2003")).isTrue();
        assertThat(Names.sameDevice("VM 1", "Virtual Machine 1")).isTrue();
        assertThat(Names.sameDevice("node0", "node1")).isFalse();
    }
}

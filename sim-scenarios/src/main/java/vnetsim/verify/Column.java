package vnetsim.verify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a design document's step-by-step flow table, recognised by header name in any order and
 * in the spellings people write ("Step #", "Tagged / Untagged", "VLAN tag", "Note").
 */
public enum Column {
    /** The step number ("Step", "#", "Hop"). */
    STEP("Step Number", "step number", "step", "step #", "step no", "step no.", "#", "no.", "no", "hop"),
    /** The flow's sender ("Source", "From"). */
    SOURCE("Source", "source", "src", "from"),
    /** The flow's destination ("Destination", "To"). */
    DESTINATION("Destination", "destination", "dest", "dst", "to"),
    /** The device the frame is at ("Device", "Node", "Host"). */
    DEVICE("Device", "device", "node", "host", "device name"),
    /** The interface the frame is at ("Interface", "Port", "NIC"). */
    INTERFACE("Interface", "interface", "iface", "port", "interface name", "nic"),
    /** Whether, and with which VLAN ID, the frame is tagged there ("Tagged/Untagged", "VLAN tag", "802.1Q"). */
    TAGGED("Tagged/Untagged", "tagged/untagged", "untagged/tagged", "tagged", "tag", "tags", "vlan tag",
            "tagging", "tag state", "vlan tagging", "802.1q", "802.1q tag"),
    /** What happens to the frame there ("Notes", "Comment", "Action"). */
    NOTES("Notes", "notes", "note", "comment", "comments", "remarks", "description", "action");

    private final String title;
    private final Set<String> spellings;

    Column(final String title, final String... spellings) {
        this.title = title;
        this.spellings = Set.of(spellings);
    }

    /** The name used in findings ("Step Number", "Device", ...), as the design documents spell it. */
    public String title() {
        return title;
    }

    /** The column a header cell names, if it names one: backticks, emphasis, case and spacing are ignored. */
    public static Optional<Column> fromHeader(final String header) {
        final String key = header.replaceAll("[`*_]", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s*/\\s*", "/")
                .replaceAll("\\s+", " ")
                .trim();
        for (final Column column : values()) {
            if (column.spellings.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}

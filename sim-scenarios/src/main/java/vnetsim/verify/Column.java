package vnetsim.verify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a design document's step-by-step flow table, recognised by header name in any order and
 * in the spellings people write ("Step #", "Tagged / Untagged", "VLAN tag", "Note").
 */
public enum Column {
    STEP("Step Number", "step number", "step", "step #", "step no", "step no.", "#", "no.", "no", "hop"),
    SOURCE("Source", "source", "src", "from"),
    DESTINATION("Destination", "destination", "dest", "dst", "to"),
    DEVICE("Device", "device", "node", "host", "device name"),
    INTERFACE("Interface", "interface", "iface", "port", "interface name", "nic"),
    TAGGED("Tagged/Untagged", "tagged/untagged", "untagged/tagged", "tagged", "tag", "tags", "vlan tag",
            "tagging", "tag state", "vlan tagging", "802.1q", "802.1q tag"),
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

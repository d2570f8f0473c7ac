package vnetsim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders trace steps as the design documents' table (Step Number, Source, Destination, Device, Interface,
 * Tagged/Untagged, Notes), either as aligned text for a terminal or as Markdown to paste into a document. The
 * full view adds direction, VLAN, MACs and TTL.
 */
public final class StepTable {
    private StepTable() {
    }

    /** "Tagged" or "Untagged", the documents' words for the frame as it arrives. */
    public static String tagWord(final Step s) {
        return s.tagged() ? "Tagged" : "Untagged";
    }

    /** The steps as a Markdown table, one row per step, the columns of the design documents. */
    public static String markdown(final List<Step> steps, final View view) {
        final StringBuilder sb = new StringBuilder();
        if (view == View.DOCUMENT) {
            sb.append("| Step Number | Source | Destination | Device | Interface | Tagged/Untagged | Notes |\n");
            sb.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (final Step s : steps) {
                sb.append("| ").append(s.step()).append(". | ").append(s.source()).append(" | ")
                        .append(s.destination()).append(" | ").append(s.device()).append(" | `").append(s.iface())
                        .append("` | ").append(tagWord(s)).append(" | ").append(escape(s.note())).append(" |\n");
            }
        } else {
            sb.append("| Step | Time (ns) | Device | Interface | Dir | VLAN | Source MAC | Destination MAC | TTL | Notes |\n");
            sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (final Step s : steps) {
                sb.append("| ").append(s.step()).append(" | ").append(s.timeNs()).append(" | ").append(s.device())
                        .append(" | `").append(s.iface()).append("` | ").append(dir(s)).append(" | ")
                        .append(vlan(s)).append(" | ").append(s.srcMac()).append(" | ").append(s.dstMac())
                        .append(" | ").append(s.ttl() == null ? "" : s.ttl()).append(" | ").append(escape(s.note()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Aligned plain-text table. */
    public static String text(final List<Step> steps, final View view) {
        final List<String[]> rows = new ArrayList<>();
        if (view == View.DOCUMENT) {
            rows.add(new String[] {"Step", "Source", "Destination", "Device", "Interface", "Tagged/Untagged",
                    "Notes"});
            for (final Step s : steps) {
                rows.add(new String[] {s.step() + ".", s.source(), s.destination(), s.device(), s.iface(),
                        tagWord(s) + (s.tagged() ? " " + s.vlan() : ""), s.note()});
            }
        } else {
            rows.add(new String[] {"Step", "Time ns", "Device", "Interface", "Dir", "VLAN", "Src MAC", "Dst MAC",
                    "TTL", "Notes"});
            for (final Step s : steps) {
                rows.add(new String[] {String.valueOf(s.step()), String.valueOf(s.timeNs()), s.device(), s.iface(),
                        dir(s), vlan(s), s.srcMac(), s.dstMac(), s.ttl() == null ? "" : String.valueOf(s.ttl()),
                        s.note()});
            }
        }
        return align(rows);
    }

    /** A trace as text: title, table, outcome. Used by the CLI and by failing assertions. */
    public static String describe(final Trace trace, final View view) {
        final StringBuilder sb = new StringBuilder();
        sb.append(trace.title()).append(" (").append(trace.scenario()).append(")\n");
        sb.append(text(trace.steps(view), view));
        sb.append("Outcome: ").append(trace.outcome());
        if (trace.drop() != null) {
            sb.append(" at ").append(trace.drop().device()).append(" / ").append(trace.drop().iface())
                    .append(": ").append(trace.drop().reason());
        }
        final PacketDrop cause = trace.cause();
        if (cause != null && trace.drop() != null && !(cause.device().equals(trace.drop().device())
                && cause.iface().equals(trace.drop().iface()) && cause.reason().equals(trace.drop().reason()))) {
            sb.append("\nCause: ").append(cause.text());
        }
        return sb.append('\n').toString();
    }

    private static String dir(final Step s) {
        return s.direction() == null ? "" : s.direction().label();
    }

    private static String vlan(final Step s) {
        return s.vlan() == null ? "-" : String.valueOf(s.vlan());
    }

    private static String escape(final String note) {
        return note.replace("|", "\\|");
    }

    private static String align(final List<String[]> rows) {
        final int columns = rows.get(0).length;
        final int[] width = new int[columns];
        for (final String[] r : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        final StringBuilder sb = new StringBuilder();
        for (final String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                sb.append(r[c]);
                if (c < columns - 1) {
                    sb.append(" ".repeat(width[c] - r[c].length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}

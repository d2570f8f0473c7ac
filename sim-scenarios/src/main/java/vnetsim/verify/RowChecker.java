package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import vnetsim.device.Action;
import vnetsim.trace.Step;

/**
 * Compares one document row with the simulated row it aligns to: Source, Destination, Device, Tagged/Untagged,
 * and each claim its note makes. The interface needs no check: rows only align at the same interface.
 */
final class RowChecker {

    private final NoteClaimParser noteParser = new NoteClaimParser();

    /** A wrong claim inside a note: the span of the note's value to replace, and with what. */
    private record ClaimIssue(int start, int end, String document, String simulated, String explanation) {
    }

    /** How many of the row's note claims the simulated row bears out (used to score alignments). */
    int agreeingClaims(final FlowRow row, final Step sim) {
        int n = 0;
        for (final NoteClaims.Claim claim : noteParser.parse(row.value(Column.NOTES)).claims()) {
            if (issues(claim, row.value(Column.NOTES), sim).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Reports every cell of {@code row} that disagrees with {@code sim}. */
    void check(final FlowContext ctx, final FlowRow row, final Step sim, final Report report) {
        checkEndpoint(ctx, row, Column.SOURCE, sim.source(), report);
        checkEndpoint(ctx, row, Column.DESTINATION, sim.destination(), report);
        row.cell(Column.DEVICE).ifPresent(cell -> {
            if (!Names.sameDevice(cell.value(), sim.device())) {
                report.add(finding(ctx, row, Column.DEVICE, cell.value(), sim.device(),
                        Explanations.device(ctx, sim, cell.value())), replaceValue(cell, sim.device()));
            }
        });
        row.cell(Column.TAGGED).ifPresent(cell -> checkTagged(ctx, row, cell, sim, report));
        row.cell(Column.NOTES).ifPresent(cell -> checkNotes(ctx, row, cell, sim, report));
    }

    private static void checkEndpoint(final FlowContext ctx, final FlowRow row, final Column column,
                                      final String simulated, final Report report) {
        row.cell(column).ifPresent(cell -> {
            if (simulated != null && !simulated.isEmpty() && !Names.sameDevice(cell.value(), simulated)) {
                report.add(finding(ctx, row, column, cell.value(), simulated,
                        Explanations.endpoint(ctx, column, simulated)), replaceValue(cell, simulated));
            }
        });
    }

    private static void checkTagged(final FlowContext ctx, final FlowRow row, final Cell cell, final Step sim,
                                    final Report report) {
        final Boolean tagged = TagCell.tagged(cell.value());
        if (tagged == null) {
            return;
        }
        if (tagged != sim.tagged()) {
            final String word = TagCell.word(sim.tagged(), cell.value());
            report.add(finding(ctx, row, Column.TAGGED, cell.value(), word, Explanations.tagState(sim)),
                    replaceValue(cell, word));
            return;
        }
        final Matcher vid = TagCell.vid(cell.value());
        if (vid != null && sim.vlan() != null && Integer.parseInt(vid.group(1)) != sim.vlan()) {
            report.add(finding(ctx, row, Column.TAGGED, vid.group(1), String.valueOf(sim.vlan()),
                            Explanations.tagVid(sim, Integer.parseInt(vid.group(1)))),
                    Edit.replace(cell.line(), cell.valueStart() + vid.start(1), cell.valueStart() + vid.end(1),
                            String.valueOf(sim.vlan())));
        }
    }

    private void checkNotes(final FlowContext ctx, final FlowRow row, final Cell cell, final Step sim,
                            final Report report) {
        final String note = cell.value();
        for (final NoteClaims.Claim claim : noteParser.parse(note).claims()) {
            for (final ClaimIssue issue : issues(claim, note, sim)) {
                report.add(finding(ctx, row, Column.NOTES, issue.document(), issue.simulated(), issue.explanation()),
                        Edit.replace(cell.line(), cell.valueStart() + issue.start(),
                                cell.valueStart() + issue.end(), issue.simulated()));
            }
        }
    }

    private static List<ClaimIssue> issues(final NoteClaims.Claim claim, final String note, final Step sim) {
        final List<ClaimIssue> issues = new ArrayList<>();
        switch (claim.type()) {
            case TAG_ADDED -> {
                if (sim.action() == Action.TAG_PUSHED || !sim.tagged() && sim.vlanOut() != null) {
                    number(issues, claim.numbers().get(0), sim.vlanOut(),
                            n -> Explanations.addedVid(sim, n));
                } else {
                    wrongAction(issues, claim, note, sim);
                }
            }
            case TAG_REMOVED -> {
                if (sim.action() == Action.TAG_POPPED && sim.vlan() != null) {
                    number(issues, claim.numbers().get(0), sim.vlan(), n -> Explanations.removedVid(sim, n));
                } else {
                    wrongAction(issues, claim, note, sim);
                }
            }
            case TAG_CHANGED -> {
                if (sim.tagged() && sim.vlan() != null && sim.vlanOut() != null
                        && !sim.vlan().equals(sim.vlanOut())) {
                    number(issues, claim.numbers().get(0), sim.vlan(), n -> Explanations.changedVid(sim, true, n));
                    number(issues, claim.numbers().get(1), sim.vlanOut(),
                            n -> Explanations.changedVid(sim, false, n));
                } else {
                    wrongAction(issues, claim, note, sim);
                }
            }
            case ROUTED -> {
                if (sim.action() != Action.ROUTED) {
                    wrongAction(issues, claim, note, sim);
                }
            }
            case SWITCHED -> {
                if (sim.action() != Action.SWITCHED && sim.action() != Action.FLOODED) {
                    wrongAction(issues, claim, note, sim);
                }
            }
            default -> throw new IllegalStateException(claim.type().name());
        }
        return issues;
    }

    private static void number(final List<ClaimIssue> issues, final NoteClaims.Number written, final int actual,
                               final java.util.function.IntFunction<String> explanation) {
        if (written.value() != actual) {
            issues.add(new ClaimIssue(written.start(), written.end(), String.valueOf(written.value()),
                    String.valueOf(actual), explanation.apply(written.value())));
        }
    }

    private static void wrongAction(final List<ClaimIssue> issues, final NoteClaims.Claim claim, final String note,
                                    final Step sim) {
        issues.add(new ClaimIssue(claim.start(), claim.end(), note.substring(claim.start(), claim.end()),
                ActionWords.phrase(sim), Explanations.noSuchAction(sim, claim.type())));
    }

    private static Finding finding(final FlowContext ctx, final FlowRow row, final Column column,
                                   final String document, final String simulated, final String explanation) {
        return new Finding(ctx.table(), row.stepNumber(), column.title(), document, simulated,
                Finding.Kind.MISMATCH, explanation);
    }

    private static Edit replaceValue(final Cell cell, final String value) {
        return Edit.replace(cell.line(), cell.valueStart(), cell.valueEnd(), value);
    }
}

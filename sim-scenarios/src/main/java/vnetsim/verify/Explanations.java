package vnetsim.verify;

import vnetsim.trace.Step;

/** The one-line explanations of findings: what the simulated frame actually does, and so what to write. */
final class Explanations {

    private Explanations() {
    }

    /** The document names another device for a hop. */
    static String device(final FlowContext ctx, final Step sim, final String documentDevice) {
        final boolean sourceSide = Names.sameDevice(sim.device(), nullToEmpty(ctx.sourceHost()));
        final boolean destSide = Names.sameDevice(sim.device(), nullToEmpty(ctx.destHost()));
        final String what = "the frame " + ActionWords.verb(sim) + " " + ActionWords.at(sim) + ", not "
                + documentDevice + "'s";
        if (destSide && (!sourceSide || ctx.indexOf(sim) * 2 >= ctx.sim().size())) {
            return ctx.to() + " is on " + sim.device() + ", so " + what;
        }
        if (sourceSide) {
            return ctx.from() + " is on " + sim.device() + ", so " + what;
        }
        return "in the simulation " + what;
    }

    /** The document's Source or Destination cell names another endpoint than the flow's. */
    static String endpoint(final FlowContext ctx, final Column column, final String simulated) {
        return "this table traces the packet from " + ctx.from() + " to " + ctx.to() + ", so its "
                + column.title().toLowerCase(java.util.Locale.ROOT) + " is " + simulated;
    }

    /** The document says Tagged where the frame arrives untagged, or the reverse. */
    static String tagState(final Step sim) {
        String s = "the frame arrives at " + ActionWords.at(sim) + " " + ActionWords.arrival(sim);
        if (!sim.tagged() && sim.vlanOut() != null) {
            s += " and is tagged " + sim.vlanOut() + " as it leaves";
        } else if (sim.tagged() && sim.vlanOut() == null) {
            s += " and leaves untagged";
        }
        return s + " (this column describes the frame as it arrives)";
    }

    /** The document's Tagged cell names another VID. */
    static String tagVid(final Step sim, final int documentVid) {
        return "the frame arrives at " + ActionWords.at(sim) + " tagged " + sim.vlan() + ", not " + documentVid;
    }

    /** A note's "Adding VLAN tag N" names the wrong VID. */
    static String addedVid(final Step sim, final int documentVid) {
        return "the frame arrives at " + sim.iface() + " " + ActionWords.arrival(sim) + " and leaves tagged "
                + sim.vlanOut() + ": the subinterface adds tag " + sim.vlanOut() + ", not " + documentVid;
    }

    /** A note's "Removing VLAN tag N" names the wrong VID. */
    static String removedVid(final Step sim, final int documentVid) {
        return "the frame arrives at " + sim.iface() + " tagged " + sim.vlan() + " and leaves untagged: "
                + "the subinterface removes tag " + sim.vlan() + ", not " + documentVid;
    }

    /** A note's "tag changed from A to B" names a wrong VID. */
    static String changedVid(final Step sim, final boolean fromSide, final int documentVid) {
        final int right = fromSide ? sim.vlan() : sim.vlanOut();
        return sim.device() + " receives the frame on " + sim.iface() + " tagged " + sim.vlan()
                + " and sends it on tagged " + sim.vlanOut() + ": the tag changes " + (fromSide ? "from " : "to ")
                + right + ", not " + (fromSide ? "from " : "to ") + documentVid;
    }

    /** A note claims something (a tag added, removed, changed; routing; switching) that does not happen here. */
    static String noSuchAction(final Step sim, final NoteClaims.Type claim) {
        final String what = switch (claim) {
            case TAG_ADDED -> "no tag is added";
            case TAG_REMOVED -> "no tag is removed";
            case TAG_CHANGED -> "the tag is not changed";
            case ROUTED -> "the packet is not routed";
            case SWITCHED -> "the frame is not switched";
        };
        return what + " at " + ActionWords.at(sim) + ": the frame arrives " + ActionWords.arrival(sim)
                + " and the simulation records " + sim.action().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " there";
    }

    private static String nullToEmpty(final String s) {
        return s == null ? "" : s;
    }
}

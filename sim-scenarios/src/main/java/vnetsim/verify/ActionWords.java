package vnetsim.verify;

import vnetsim.trace.Step;

/** What a simulated row did, in the words a design document uses: verbs for explanations, phrases for notes. */
final class ActionWords {

    private ActionWords() {
    }

    /** "enters", "leaves by", "crosses"...: how the frame meets the row's interface. */
    static String verb(final Step s) {
        return switch (s.action()) {
            case ORIGINATED -> "leaves by";
            case RECEIVED, TAG_POPPED -> "enters";
            case SWITCHED, FLOODED -> "crosses";
            case TAG_PUSHED, TRANSMITTED, ENCAPSULATED -> "leaves by";
            case DECAPSULATED -> "enters";
            case ROUTED -> "is routed at";
            case REPLIED -> "is answered at";
            case DELIVERED -> "reaches";
            case DROPPED -> "is dropped at";
        };
    }

    /** A note phrase stating what the simulation did, which the claim parser reads back as true. */
    static String phrase(final Step s) {
        return switch (s.action()) {
            case ORIGINATED -> "Sent";
            case RECEIVED -> "Received";
            case SWITCHED -> "Switched";
            case FLOODED -> "Flooded";
            case TAG_PUSHED -> "Adding VLAN tag " + s.vlanOut();
            case TAG_POPPED -> "Removing VLAN tag " + s.vlan();
            case TRANSMITTED -> "Transmitted";
            case ENCAPSULATED -> "Encapsulated in Geneve";
            case DECAPSULATED -> "Decapsulated from Geneve";
            case ROUTED -> s.vlan() != null && s.vlanOut() != null && !s.vlan().equals(s.vlanOut())
                    ? "Routed, tag changed from " + s.vlan() + " to " + s.vlanOut() : "Routed";
            case REPLIED -> "Replied";
            case DELIVERED -> "Delivered";
            case DROPPED -> "Dropped";
        };
    }

    /** "tagged 2003" or "untagged": the frame as it arrives. */
    static String arrival(final Step s) {
        return s.tagged() ? "tagged " + s.vlan() : "untagged";
    }

    /** "tagged 2004" or "untagged": the frame as it leaves. */
    static String departure(final Step s) {
        return s.vlanOut() != null ? "tagged " + s.vlanOut() : "untagged";
    }

    /** "node1's enp4s0f0". */
    static String at(final Step s) {
        return s.device() + "'s " + s.iface();
    }
}

package vnetsim.verify;

import java.util.List;

/**
 * What a Notes cell claims about the frame at its interface, with where each claim sits in the cell's value so
 * a fix can replace just a wrong number or phrase. Notes that claim nothing ("Exiting VM interface") give none.
 *
 * @param claims the claims in the order they appear
 */
record NoteClaims(List<Claim> claims) {

    public NoteClaims {
        claims = List.copyOf(claims);
    }

    /** The kinds of thing a note can say happened. */
    public enum Type {
        /** "Adding VLAN tag 2003": a tag with {@code numbers[0]} is pushed. */
        TAG_ADDED,
        /** "Removing VLAN tag 2004": a tag with {@code numbers[0]} is removed. */
        TAG_REMOVED,
        /** "tag changed from 2003 to 2004": arrives with {@code numbers[0]}, leaves with {@code numbers[1]}. */
        TAG_CHANGED,
        /** "Routing", "routed": the packet is routed here. */
        ROUTED,
        /** "Switched", "switching": the frame is switched by a bridge or switch here. */
        SWITCHED
    }

    /**
     * One claim.
     *
     * @param type    what is claimed
     * @param start   offset in the note's value where the claiming phrase starts
     * @param end     offset just past the phrase
     * @param numbers the VIDs the claim names, in order (empty for ROUTED and SWITCHED)
     */
    public record Claim(Type type, int start, int end, List<Number> numbers) {
        public Claim {
            numbers = List.copyOf(numbers);
        }
    }

    /**
     * A number inside a claim.
     *
     * @param value the VID written
     * @param start offset in the note's value of its first digit
     * @param end   offset just past its last digit
     */
    public record Number(int value, int start, int end) {
    }
}

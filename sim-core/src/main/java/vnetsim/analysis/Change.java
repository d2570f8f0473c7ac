package vnetsim.analysis;

/**
 * A what-if change to a network described by name: applied to a copy, never to the original
 * ({@code Network changed = network.with(change)}). The changes users write are in {@code vnetsim.whatif}.
 */
public interface Change {
    /**
     * The changed copy of {@code network}.
     * @throws IllegalArgumentException when the change names something the network does not have (naming it and
     *                                  the closest names that exist) or cannot apply to it
     */
    NetworkSource applyTo(NetworkSource network);

    /** The change as the user wrote it, for reports. */
    String describe();
}

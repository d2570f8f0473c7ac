package vnetsim.device;

/**
 * The one rule every device's configuration methods follow once {@link Device#seal()} was called: a built topology
 * is shared by simulations (possibly on several threads), so its configuration never changes; a what-if builds a
 * new topology. Each device keeps its own {@code sealed} flag (its per-simulation instance may be open again).
 */
final class Sealing {
    private Sealing() {
    }

    /** Throws when {@code sealed}, naming {@code device} ("node0/br0", "Switch"). */
    static void check(final boolean sealed, final String device) {
        if (sealed) {
            throw new IllegalStateException(device + " is part of a built topology: its configuration cannot change "
                    + "(build a new topology for a what-if)");
        }
    }
}

package vnetsim.network;

import java.util.List;
import vnetsim.device.Bond;

/**
 * A Linux bond on a host ({@code bond0} over {@code ens4} and {@code ens5}): 802.1Q subinterfaces name it as
 * their parent and a bridge may enslave it, as they would a NIC. Its MAC is its first member's.
 *
 * @param name       the interface name
 * @param members    the NICs it enslaves, in order (the first up one is active-backup's default active slave)
 * @param mode       active-backup or 802.3ad
 * @param hashPolicy 802.3ad's xmit_hash_policy (layer2 by default)
 * @param primary    active-backup's primary member, or null
 */
public record BondSpec(String name, List<String> members, Bond.Mode mode, Bond.HashPolicy hashPolicy,
                       String primary) {
    /** Copies the list: the record stays immutable. */
    public BondSpec {
        members = List.copyOf(members);
    }

    /** A bond with the kernel's defaults: layer2 hash, no primary. */
    public static BondSpec of(final String name, final Bond.Mode mode, final String... members) {
        return new BondSpec(name, List.of(members), mode, Bond.HashPolicy.LAYER2, null);
    }
}

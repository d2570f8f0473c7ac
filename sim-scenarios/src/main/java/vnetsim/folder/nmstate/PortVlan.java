package vnetsim.folder.nmstate;

import java.util.List;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/**
 * A bridge port's {@code vlan} section (nmstate {@code BridgePortVlanConfig}): mode, tag, enable-native,
 * trunk-tags. Every field may be absent; all absent is {@code vlan: {}}.
 */
public record PortVlan(Mode mode, Integer tag, Boolean enableNative, List<TrunkTag> trunkTags, Location at) {
    public enum Mode { TRUNK, ACCESS }

    /** kubernetes-nmstate's default for a port without {@code vlan}: trunk, trunk-tags id-range 2-4094. */
    public static PortVlan kubernetesNmstateDefault(final Location at) {
        return new PortVlan(Mode.TRUNK, null, null, List.of(new TrunkTag(2, 4094)), at);
    }

    /** {@code - id: N} or {@code - id-range: {min, max}}, inclusive. */
    public record TrunkTag(int min, int max) {
        @Override
        public String toString() {
            return min == max ? "id " + min : "id-range " + min + "-" + max;
        }
    }

    public boolean isEmpty() {
        return mode == null && tag == null && enableNative == null && trunkTags == null;
    }

    /** VIDs the port carries tagged (trunk-tags). */
    public VlanSet taggedVids() {
        VlanSet set = VlanSet.NONE;
        if (trunkTags != null) {
            for (final TrunkTag t : trunkTags) {
                set = set.plus(VlanSet.range(t.min(), t.max()));
            }
        }
        return set;
    }

    /**
     * The PVID-untagged VID nmstate asks for: access {@code tag}, or trunk {@code tag} with enable-native, else 0
     * (none: NetworkManager then adds the bridge's default PVID 1, "in addition to the VLANs specified here").
     */
    public int nativeVid() {
        if (mode == Mode.ACCESS && tag != null && tag != 0) {
            return tag;
        }
        if (mode == Mode.TRUNK && Boolean.TRUE.equals(enableNative) && tag != null && tag != 0) {
            return tag;
        }
        return 0;
    }
}

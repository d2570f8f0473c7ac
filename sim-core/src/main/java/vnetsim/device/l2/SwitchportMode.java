package vnetsim.device.l2;

/**
 * How a switch port maps wire tags to VLANs: NX-OS {@code switchport mode access|trunk}, in the
 * {@link PortVlans} words every L2 port speaks. Rules from {@code src/docs/forwarding-rules.md} section 4 (Nexus
 * interfaces guides).
 */
public sealed interface SwitchportMode extends PortVlans permits SwitchportMode.Access, SwitchportMode.Trunk {
    /**
     * Access port: untagged frames belong to the access VLAN; "If an access port receives a packet with an 802.1Q
     * tag in the header other than the access VLAN value, that port drops the packet without learning". Every
     * frame leaves untagged.
     */
    record Access(int vlan) implements SwitchportMode {
        @Override
        public boolean carries(final int v) {
            return v == vlan;
        }

        @Override
        public int pvid() {
            return vlan;
        }

        @Override
        public boolean sendsUntagged(final int v) {
            return true;
        }
    }

    /**
     * Trunk port: tagged frames in allowed VLANs are admitted; untagged frames belong to the native VLAN if it is
     * allowed (and {@code vlan dot1q tag native} is off). The native VLAN leaves untagged, the others tagged.
     */
    record Trunk(VlanSet allowed, int nativeVlan, boolean tagNative) implements SwitchportMode {
        /** NX-OS defaults: all VLANs allowed, native VLAN 1, native untagged. */
        public static Trunk allowing(final VlanSet allowed) {
            return new Trunk(allowed, 1, false);
        }

        @Override
        public boolean carries(final int v) {
            return allowed.contains(v);
        }

        @Override
        public int pvid() {
            return !tagNative && allowed.contains(nativeVlan) ? nativeVlan : NO_PVID;
        }

        @Override
        public boolean sendsUntagged(final int v) {
            return v == nativeVlan && !tagNative;
        }
    }
}

package vnetsim.device.l2;

/**
 * How a switch port maps wire tags to VLANs: NX-OS {@code switchport mode access|trunk}. Rules from
 * {@code src/docs/forwarding-rules.md} section 4 (Nexus interfaces guides).
 */
public sealed interface SwitchportMode permits SwitchportMode.Access, SwitchportMode.Trunk {
    /** {@link #admit} result: the frame is dropped on ingress. */
    int NOT_ADMITTED = -1;
    /** {@link #egressTag} result: the frame leaves without a tag. */
    int UNTAGGED = -2;

    /**
     * The VLAN a frame with this wire tag belongs to, or {@link #NOT_ADMITTED}.
     * @param wireVid the outer VID, or {@link vnetsim.frame.VlanTag#UNTAGGED}
     */
    int admit(int wireVid);

    /** Whether frames of this VLAN may leave through the port. */
    boolean carries(int vlan);

    /** The tag a frame of {@code vlan} leaves with: the VID, or {@link #UNTAGGED}. */
    int egressTag(int vlan);

    /**
     * Access port: untagged frames belong to the access VLAN; "If an access port receives a packet with an 802.1Q
     * tag in the header other than the access VLAN value, that port drops the packet without learning".
     */
    record Access(int vlan) implements SwitchportMode {
        @Override
        public int admit(final int wireVid) {
            return wireVid < 0 || wireVid == vlan ? vlan : NOT_ADMITTED;
        }

        @Override
        public boolean carries(final int v) {
            return v == vlan;
        }

        @Override
        public int egressTag(final int v) {
            return UNTAGGED;
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
        public int admit(final int wireVid) {
            if (wireVid < 0) {
                return !tagNative && allowed.contains(nativeVlan) ? nativeVlan : NOT_ADMITTED;
            }
            return allowed.contains(wireVid) ? wireVid : NOT_ADMITTED;
        }

        @Override
        public boolean carries(final int v) {
            return allowed.contains(v);
        }

        @Override
        public int egressTag(final int v) {
            return v == nativeVlan && !tagNative ? UNTAGGED : v;
        }
    }
}

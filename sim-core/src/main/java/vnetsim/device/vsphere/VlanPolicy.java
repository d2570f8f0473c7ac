package vnetsim.device.vsphere;

import vnetsim.device.l2.VlanSet;

/**
 * A port group's VLAN setting, the three tagging modes of vSphere networking ("VLAN Configuration", vSphere 6.7
 * Networking; Broadcom KB 1003806; semantics.md section 6). Inside the vSwitch a frame belongs to one VLAN:
 * 0 for untagged, else its VID. Each mode says which VLANs it carries and whether the guest sees the tag.
 *
 * <ul>
 *   <li>{@link None} (VLAN ID 0, EST): no tagging by the vSwitch; only untagged frames cross the port group.</li>
 *   <li>{@link Tagging} (VLAN ID 1-4094, VST): the vSwitch tags frames leaving for the uplink and strips the tag
 *       before delivering to a vNIC; only that VLAN reaches the port group.</li>
 *   <li>{@link AllVlans} (VLAN ID 4095 on a standard switch, VGT): all VLANs, tags passed untouched to and from
 *       the guest, untagged frames too.</li>
 *   <li>{@link Trunk} (a distributed port group's "VLAN trunking" with a VID range list, e.g. {@code 0-4094}):
 *       VGT for the listed VLANs only; 0 in the list lets untagged frames through.</li>
 * </ul>
 */
public sealed interface VlanPolicy {
    /** {@link #fromGuest} result: the port group does not pass the frame. */
    int NOT_PASSED = -1;

    /** A standard port group's {@code vlanId} as the vSphere API holds it (HostPortGroupSpec.vlanId): 0, 1-4094, 4095. */
    static VlanPolicy ofVlanId(final int vlanId) {
        if (vlanId == 0) {
            return new None();
        }
        if (vlanId == 4095) {
            return new AllVlans();
        }
        if (vlanId < 1 || vlanId > 4095) {
            throw new IllegalArgumentException("VLAN ID " + vlanId + " is not 0 (none), 1-4094 or 4095 (all)");
        }
        return new Tagging(vlanId);
    }

    /** Whether frames of {@code vlan} (0: untagged) reach this port group. */
    boolean carries(int vlan);

    /** Whether the guest sees frames of {@code vlan} with their 802.1Q tag (VGT) rather than untagged. */
    boolean guestSeesTag(int vlan);

    /**
     * The VLAN a frame the guest sent belongs to, or {@link #NOT_PASSED}.
     *
     * @param wireVid the frame's outer VID as the guest wrote it, negative when untagged
     */
    int fromGuest(int wireVid);

    /** The vSphere UI's words: "VLAN ID 0 (none)", "VLAN 1928", "VLAN ID 4095 (all)", "VLAN trunk 0-4094". */
    String describe();

    /** VLAN ID 0: External Switch Tagging; the port group is one untagged segment. */
    record None() implements VlanPolicy {
        @Override
        public boolean carries(final int vlan) {
            return vlan == 0;
        }

        @Override
        public boolean guestSeesTag(final int vlan) {
            return false;
        }

        @Override
        public int fromGuest(final int wireVid) {
            return wireVid < 0 ? 0 : NOT_PASSED;
        }

        @Override
        public String describe() {
            return "VLAN ID 0 (none)";
        }
    }

    /** VLAN ID 1-4094: Virtual Switch Tagging. */
    record Tagging(int vid) implements VlanPolicy {
        /** Virtual Switch Tagging for {@code vid}; refuses a VID outside 1-4094. */
        public Tagging {
            if (vid < 1 || vid > 4094) {
                throw new IllegalArgumentException("VLAN ID " + vid + " is not 1-4094");
            }
        }

        @Override
        public boolean carries(final int vlan) {
            return vlan == vid;
        }

        @Override
        public boolean guestSeesTag(final int vlan) {
            return false;
        }

        /** The guest sends untagged; a frame the guest tagged itself is not passed ([verify]: VST expects no guest tags). */
        @Override
        public int fromGuest(final int wireVid) {
            return wireVid < 0 ? vid : NOT_PASSED;
        }

        @Override
        public String describe() {
            return "VLAN " + vid;
        }
    }

    /** VLAN ID 4095 on a standard switch: Virtual Guest Tagging, every VLAN and untagged. */
    record AllVlans() implements VlanPolicy {
        @Override
        public boolean carries(final int vlan) {
            return true;
        }

        @Override
        public boolean guestSeesTag(final int vlan) {
            return vlan != 0;
        }

        @Override
        public int fromGuest(final int wireVid) {
            return wireVid < 0 ? 0 : wireVid;
        }

        @Override
        public String describe() {
            return "VLAN ID 4095 (all)";
        }
    }

    /**
     * A distributed port group's VLAN trunk range: VGT for the listed VIDs; {@code untagged} is whether 0 is in
     * the list ({@code 0-4094} is the seed document's choice).
     */
    record Trunk(VlanSet vids, boolean untagged) implements VlanPolicy {
        /** The vSphere UI's list syntax: "0-4094", "1925-1928", "0,10,20-30". */
        public static Trunk parse(final String ranges) {
            final String t = ranges.trim();
            boolean zero = false;
            final StringBuilder rest = new StringBuilder();
            for (final String part : t.split(",")) {
                final String p = part.trim();
                if (p.equals("0")) {
                    zero = true;
                } else if (p.startsWith("0-")) {
                    zero = true;
                    if (!p.equals("0-0")) {
                        append(rest, "1-" + p.substring(2).trim());
                    }
                } else {
                    append(rest, p);
                }
            }
            return new Trunk(rest.length() == 0 ? VlanSet.NONE : VlanSet.parse(rest.toString()), zero);
        }

        private static void append(final StringBuilder sb, final String part) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(part);
        }

        @Override
        public boolean carries(final int vlan) {
            return vlan == 0 ? untagged : vids.contains(vlan);
        }

        @Override
        public boolean guestSeesTag(final int vlan) {
            return vlan != 0;
        }

        @Override
        public int fromGuest(final int wireVid) {
            final int vlan = wireVid < 0 ? 0 : wireVid;
            return carries(vlan) ? vlan : NOT_PASSED;
        }

        @Override
        public String describe() {
            final String list = vids.isEmpty() ? "" : vids.toString();
            return "VLAN trunk " + (untagged ? (list.isEmpty() ? "0" : "0," + list) : list);
        }
    }
}

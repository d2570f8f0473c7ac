package vnetsim.folder.nmstate;

import vnetsim.folder.Location;

/**
 * One interface of an nmstate desired state, as read (after kubernetes-nmstate's defaults for NNCPs). Exactly one
 * of {@code vlan}, {@code bridge}, {@code bond} is set for those types.
 *
 * @param mtu        null when not given (the kernel's current / inherited value)
 * @param macAddress {@code mac-address}, or null
 * @param ipv4       null when the section is absent
 * @param policy     the policy it came from (NNCP name)
 */
public record NmInterface(String name, Type type, State state, Integer mtu, String macAddress, IpConfig ipv4,
                          IpConfig ipv6, VlanConfig vlan, BridgeConfig bridge, BondConfig bond, String policy,
                          Location at) {
    /** The interface types the simulator understands. */
    public enum Type {
        ETHERNET("ethernet"), VLAN("vlan"), LINUX_BRIDGE("linux-bridge"), BOND("bond");

        private final String yaml;

        Type(final String yaml) {
            this.yaml = yaml;
        }

        public String yaml() {
            return yaml;
        }
    }

    /** {@code state}: nmstate's default is up. */
    public enum State {
        UP, DOWN, ABSENT;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code vlan: {base-iface, id, reorder-headers}} (reorder-headers defaults to true, as in nmstate and Linux). */
    public record VlanConfig(String baseIface, int id, boolean reorderHeaders, Location at) {
    }

    /**
     * {@code bond}'s {@code link-aggregation}: mode, ports, and the options that decide which port a frame takes.
     *
     * @param primary        active-backup's preferred port, or null (the first port enslaved)
     * @param xmitHashPolicy 802.3ad/balance-xor's hash, "layer2" when not given (kernel default)
     */
    public record BondConfig(String mode, java.util.List<String> ports, String primary, String xmitHashPolicy,
                             Location at) {
    }
}

package vnetsim.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A Linux bridge on a host.
 *
 * @param name          the bridge's interface name
 * @param vlanFiltering the kernel's vlan_filtering (nmstate turns it on when a port has a {@code vlan} section
 *                      other than {@code {}})
 * @param defaultPvid   vlan_default_pvid (1 by default; 0 for none)
 * @param ports         the enslaved host interfaces, in the order they were enslaved
 * @param stpForwardDelayNs 0 with STP off (stp_state 0); otherwise STP is on and each port listens, then learns,
 *                      for this forward_delay in nanoseconds before it forwards (the kernel accepts 2-30 s)
 */
public record BridgeSpec(String name, boolean vlanFiltering, int defaultPvid, List<BridgePortSpec> ports,
                         long stpForwardDelayNs) {
    /** The kernel's default forward_delay, 15 s (BR_DEFAULT_FORWARD_DELAY... br_dev_setup(): 15 * HZ). */
    public static final long DEFAULT_FORWARD_DELAY_NS = 15_000_000_000L;

    /**
     * Keeps an immutable copy of the ports and checks the forward delay.
     *
     * @param name          the bridge's interface name
     * @param vlanFiltering the kernel's vlan_filtering (nmstate turns it on when a port has a {@code vlan} section
     *                      other than {@code {}})
     * @param defaultPvid   vlan_default_pvid (1 by default; 0 for none)
     * @param ports         the enslaved host interfaces, in the order they were enslaved
     * @param stpForwardDelayNs 0 with STP off (stp_state 0); otherwise STP is on and each port listens, then learns,
     *                      for this forward_delay in nanoseconds before it forwards (the kernel accepts 2-30 s)
     * @throws IllegalArgumentException when {@code stpForwardDelayNs} is negative
     */
    public BridgeSpec {
        ports = List.copyOf(ports);
        if (stpForwardDelayNs < 0) {
            throw new IllegalArgumentException("bridge " + name + ": negative STP forward_delay " + stpForwardDelayNs);
        }
    }

    /**
     * A bridge with STP off.
     *
     * @param name          the bridge's interface name
     * @param vlanFiltering the kernel's vlan_filtering
     * @param defaultPvid   vlan_default_pvid (1 by default; 0 for none)
     * @param ports         the enslaved host interfaces, in the order they were enslaved
     */
    public BridgeSpec(final String name, final boolean vlanFiltering, final int defaultPvid,
                      final List<BridgePortSpec> ports) {
        this(name, vlanFiltering, defaultPvid, ports, 0L);
    }

    /** Whether STP is on (stp_state 1). */
    public boolean stp() {
        return stpForwardDelayNs > 0;
    }

    /**
     * This bridge with STP on or off.
     *
     * @param forwardDelayNs forward_delay in nanoseconds (2-30 s, checked when the network is built); 0 turns STP off
     */
    public BridgeSpec withStp(final long forwardDelayNs) {
        return new BridgeSpec(name, vlanFiltering, defaultPvid, ports, forwardDelayNs);
    }

    /** A VLAN-unaware bridge (vlan_filtering 0), default PVID 1, with these ports. */
    public static BridgeSpec unaware(final String name, final String... ports) {
        return new BridgeSpec(name, false, 1,
                java.util.Arrays.stream(ports).map(BridgePortSpec::of).toList());
    }

    /** The port enslaving {@code iface}, or null. */
    public BridgePortSpec port(final String iface) {
        return ports.stream().filter(p -> p.name().equals(iface)).findFirst().orElse(null);
    }

    /** This bridge with vlan_filtering on or off. */
    public BridgeSpec withVlanFiltering(final boolean filtering) {
        return new BridgeSpec(name, filtering, defaultPvid, ports, stpForwardDelayNs);
    }

    /** This bridge with {@code port} replacing the port of the same name, or added last. */
    public BridgeSpec withPort(final BridgePortSpec port) {
        return new BridgeSpec(name, vlanFiltering, defaultPvid, Lists.replaceOrAdd(ports, port,
                BridgePortSpec::name), stpForwardDelayNs);
    }

    /** This bridge without the port enslaving {@code iface}. */
    public BridgeSpec withoutPort(final String iface) {
        final List<BridgePortSpec> kept = new ArrayList<>(ports);
        kept.removeIf(p -> p.name().equals(iface));
        return new BridgeSpec(name, vlanFiltering, defaultPvid, kept, stpForwardDelayNs);
    }
}

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
 */
public record BridgeSpec(String name, boolean vlanFiltering, int defaultPvid, List<BridgePortSpec> ports) {
    /** Copies the port list: the record stays immutable. */
    public BridgeSpec {
        ports = List.copyOf(ports);
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
        return new BridgeSpec(name, filtering, defaultPvid, ports);
    }

    /** This bridge with {@code port} replacing the port of the same name, or added last. */
    public BridgeSpec withPort(final BridgePortSpec port) {
        return new BridgeSpec(name, vlanFiltering, defaultPvid, Lists.replaceOrAdd(ports, port,
                BridgePortSpec::name));
    }

    /** This bridge without the port enslaving {@code iface}. */
    public BridgeSpec withoutPort(final String iface) {
        final List<BridgePortSpec> kept = new ArrayList<>(ports);
        kept.removeIf(p -> p.name().equals(iface));
        return new BridgeSpec(name, vlanFiltering, defaultPvid, kept);
    }
}

package vnetsim.folder.nmstate;

import java.util.List;
import vnetsim.folder.Location;

/**
 * A linux-bridge's {@code bridge} section.
 *
 * @param stpEnabled {@code options.stp.enabled}, or null when omitted (NetworkManager then turns STP on)
 */
public record BridgeConfig(List<BridgePortConfig> ports, Boolean stpEnabled, Location at) {
    public BridgeConfig {
        ports = List.copyOf(ports);
    }

    /** STP is on unless {@code options.stp.enabled: false} (NetworkManager's bridge.stp default is TRUE). */
    public boolean stp() {
        return stpEnabled == null || stpEnabled;
    }

    /**
     * nmstate {@code vlan_filtering_is_enabled()}: any port whose {@code vlan} section differs from the default
     * (empty) one. {@code vlan: {}} therefore keeps filtering off.
     */
    public boolean vlanFiltering() {
        return ports.stream().anyMatch(p -> p.vlan() != null && !p.vlan().isEmpty());
    }

    /** Why filtering is on or off, in nmstate's terms, for describe. */
    public String vlanFilteringReason() {
        for (final BridgePortConfig p : ports) {
            if (p.vlan() != null && !p.vlan().isEmpty()) {
                return "port " + p.name() + (p.defaulted()
                        ? " has kubernetes-nmstate's default trunk (no 'vlan' key in the policy)"
                        : " has a non-empty 'vlan' section");
            }
        }
        if (ports.isEmpty()) {
            return "no ports";
        }
        return "every port has 'vlan: {}', and an empty section opts out of VLAN filtering";
    }
}

package vnetsim.network;

/**
 * Whether a NIC is promiscuous, derived as the kernel derives it rather than configured. br_manage_promisc()
 * (net/bridge/br_if.c) puts every port of a bridge in promiscuous mode when vlan_filtering is off; with
 * vlan_filtering on, only when the bridge has more than one "auto" port (learning and flooding, the default for
 * every port) — with at most one, the port's unicast filter is programmed from the static FDB instead. A VLAN
 * subinterface passes the flag to its parent (vlan_dev_change_rx_flags() calls dev_set_promiscuity() on the real
 * device). So a NIC is promiscuous when it, or one of its subinterfaces, is a port of such a bridge.
 */
final class Promiscuity {
    private Promiscuity() {
    }

    static boolean of(final NetworkSpec spec, final HostSpec host, final String nic) {
        for (final BridgeSpec bridge : host.bridges()) {
            for (final BridgePortSpec port : bridge.ports()) {
                if (stacksOn(host, port.name(), nic) && makesPortsPromiscuous(spec, host, bridge)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean stacksOn(final HostSpec host, final String iface, final String nic) {
        return iface.equals(nic)
                || host.vlans().stream().anyMatch(v -> v.name().equals(iface) && v.parent().equals(nic));
    }

    private static boolean makesPortsPromiscuous(final NetworkSpec spec, final HostSpec host,
                                                 final BridgeSpec bridge) {
        if (!bridge.vlanFiltering()) {
            return true;
        }
        final long workloads = spec.workloads().stream()
                .filter(w -> host.name().equals(w.host()) && bridge.name().equals(w.bridge())).count();
        return bridge.ports().size() + workloads > 1;
    }
}

package vnetsim.device;

/** The kinds of device the simulator models, with the description a capture file gives each interface. */
public enum DeviceKind {
    ENDPOINT("VM or pod network interface"),
    PHYSICAL_NIC("physical NIC (802.1Q parent)"),
    VLAN_SUBINTERFACE("Linux 802.1Q VLAN subinterface"),
    LINUX_BRIDGE("Linux bridge"),
    TRUNK_SWITCH("NX-OS switch port"),
    ROUTING_FIREWALL("routing firewall interface (router-on-a-stick)"),
    LINUX_HOST("Linux host network device (IPv4 stack, routes with ip_forward)");

    private final String description;

    DeviceKind(final String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

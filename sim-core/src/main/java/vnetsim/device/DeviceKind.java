package vnetsim.device;

/**
 * The kinds of device the simulator models, one line each: role, the noun the trace notes use, the description a
 * capture file gives each interface, and whether each port is an interface of its own. A new kind is its class,
 * its test and one line here; nothing outside {@code vnetsim.device} tests a device's class or kind.
 */
public enum DeviceKind implements Kind {
    ENDPOINT(Role.HOST_STACK, "VM", "VM or pod network interface", false),
    PHYSICAL_NIC(Role.KERNEL_PLUMBING, "physical interface", "physical NIC (802.1Q parent)", false),
    VLAN_SUBINTERFACE(Role.KERNEL_PLUMBING, "VLAN interface", "Linux 802.1Q VLAN subinterface", false),
    LINUX_BRIDGE(Role.L2_SWITCHING, "Linux bridge", "Linux bridge", false),
    TRUNK_SWITCH(Role.L2_SWITCHING, "switch", "NX-OS switch port", true),
    ROUTING_FIREWALL(Role.L3_ROUTING, "firewall", "routing firewall interface (router-on-a-stick)", false),
    LINUX_HOST(Role.HOST_STACK, "host", "Linux host network device (IPv4 stack, routes with ip_forward)", false),
    MASQUERADE_POD(Role.L3_ROUTING, "virt-launcher pod", "virt-launcher pod (KubeVirt masquerade, NAT to the pod IP)",
            false),
    MACVLAN(Role.L2_SWITCHING, "macvlan", "Linux macvlan lower device and children", true),
    VSWITCH(Role.L2_SWITCHING, "vSwitch", "VMware vSphere vSwitch port (vNIC or uplink)", true),
    DHCP_SERVER(Role.HOST_STACK, "DHCP server", "DHCPv4 server interface", false),
    OVN_LOGICAL_SWITCH(Role.L2_SWITCHING, "OVN logical switch", "OVN logical switch port", false),
    OVN_LOGICAL_ROUTER(Role.L3_ROUTING, "OVN logical router", "OVN logical router port", false),
    GENEVE_TUNNEL(Role.KERNEL_PLUMBING, "Geneve tunnel", "OVS Geneve tunnel (genev_sys_6081) on the underlay NIC", false),
    BOND(Role.KERNEL_PLUMBING, "bond", "Linux bond (active-backup or 802.3ad) over its slave NICs", false);

    private final Role role;
    private final String noun;
    private final String description;
    private final boolean portsAreInterfaces;

    DeviceKind(final Role role, final String noun, final String description, final boolean portsAreInterfaces) {
        this.role = role;
        this.noun = noun;
        this.description = description;
        this.portsAreInterfaces = portsAreInterfaces;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String noun() {
        return noun;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean portsAreInterfaces() {
        return portsAreInterfaces;
    }
}

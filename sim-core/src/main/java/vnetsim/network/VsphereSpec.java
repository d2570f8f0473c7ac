package vnetsim.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vnetsim.analysis.Network;
import vnetsim.analysis.NetworkSource;
import vnetsim.device.DhcpServer;
import vnetsim.device.VSwitch;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.SecurityPolicy;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.PortRef;
import vnetsim.topology.Topology;

/**
 * A network with a vSphere layer under it: the {@link NetworkSpec} of everything else (the OpenShift nodes' NICs,
 * subinterfaces, bridges and nested workloads, the physical switch, the router), plus ESXi hosts with a vSwitch,
 * its port groups and the node VMs' vNICs, DHCP servers, and the cables that reach them. A node VM's vNIC is its
 * guest NIC in the base spec ({@code hub-7vxwj-cnv-drhkz/ens224}): the vSwitch port is cabled to it. An immutable
 * value like {@link NetworkSpec}; the {@code with...} methods are the what-if changes of the vSphere side.
 *
 * @param base        the network without its vSphere layer (node NICs facing vSwitches are left uncabled there)
 * @param esxiHosts   ESXi hosts with their vSwitch
 * @param dhcpServers DHCP servers
 * @param links       cables with an end on an ESXi uplink or a DHCP server
 */
public record VsphereSpec(NetworkSpec base, List<EsxiHost> esxiHosts, List<DhcpServerSpec> dhcpServers,
                          List<LinkSpec> links) implements NetworkSource {
    /**
     * Keeps immutable copies of the lists; {@link #validate()} checks them against each other and the base.
     *
     * @param base        the network without its vSphere layer (node NICs facing vSwitches are left uncabled there)
     * @param esxiHosts   ESXi hosts with their vSwitch
     * @param dhcpServers DHCP servers
     * @param links       cables with an end on an ESXi uplink or a DHCP server
     */
    public VsphereSpec {
        esxiHosts = List.copyOf(esxiHosts);
        dhcpServers = List.copyOf(dhcpServers);
        links = List.copyOf(links);
    }

    /**
     * One ESXi host with one vSwitch (a standard vSwitch, or its member of a distributed switch).
     *
     * @param name       the ESXi host ("esxi-01")
     * @param vswitch    the switch ({@code vswitchName}: "vSwitch0")
     * @param uplinks    its physical NICs ("vmnic0"), in teaming order
     * @param portGroups its port groups
     * @param vnics      the VMs' network adapters on it
     */
    public record EsxiHost(String name, String vswitch, List<String> uplinks, List<PortGroup> portGroups,
                           List<Vnic> vnics) {
        /**
         * Keeps immutable copies of the lists.
         *
         * @param name       the ESXi host ("esxi-01")
         * @param vswitch    the switch ({@code vswitchName}: "vSwitch0")
         * @param uplinks    its physical NICs ("vmnic0"), in teaming order
         * @param portGroups its port groups
         * @param vnics      the VMs' network adapters on it
         */
        public EsxiHost {
            uplinks = List.copyOf(uplinks);
            portGroups = List.copyOf(portGroups);
            vnics = List.copyOf(vnics);
        }

        /**
         * One port group of this host's vSwitch, by name.
         *
         * @param groupName the port group's name ("Lab VLAN 1928"), exactly as configured
         * @return the port group
         * @throws UnknownNameException naming the closest port groups when the host has none by that name
         */
        public PortGroup portGroup(final String groupName) {
            return Names.get(portGroups, groupName, PortGroup::name, "port group on " + name);
        }

        /** This host with {@code group} replacing the port group of the same name. */
        public EsxiHost withPortGroup(final PortGroup group) {
            portGroup(group.name());
            return new EsxiHost(name, vswitch, uplinks, Lists.replaceOrAdd(portGroups, group, PortGroup::name), vnics);
        }

        /**
         * This host with {@code vnic} replacing the vNIC of the same VM and guest NIC, or added when there is none.
         *
         * @param vnic the VM's network adapter
         * @return a copy of this host
         */
        public EsxiHost withVnic(final Vnic vnic) {
            return new EsxiHost(name, vswitch, uplinks, portGroups,
                    Lists.replaceOrAdd(vnics, vnic, v -> v.vm() + "/" + v.nic()));
        }
    }

    /**
     * A VM's network adapter: the node VM ({@code vm}, a host of the base spec) and its guest NIC ({@code nic}), the
     * port group it is connected to, its MAC in the VM configuration ({@code .vmx}), and the MAC the guest set
     * (its effective MAC; equal unless the guest changed it).
     */
    public record Vnic(String vm, String nic, String portGroup, long mac, long effectiveMac) {
        /**
         * A vNIC whose guest uses the MAC of the VM configuration (effective MAC = configured MAC).
         *
         * @param vm        the node VM, a host of the base spec
         * @param nic       its guest NIC ("ens224")
         * @param portGroup the port group the adapter is connected to
         * @param mac       the MAC in the VM configuration, colon-separated hex ("00:50:56:8a:00:01")
         * @return the vNIC
         * @throws IllegalArgumentException when {@code mac} is not a MAC address
         */
        public static Vnic of(final String vm, final String nic, final String portGroup, final String mac) {
            final long m = MacAddress.parse(mac);
            return new Vnic(vm, nic, portGroup, m, m);
        }

        /**
         * This vNIC after the guest changed its MAC (what the MAC Address Changes policy judges).
         *
         * @param newMac the MAC the guest set, as a 48-bit value in the low bits
         * @return a copy with {@code effectiveMac} replaced; the configured MAC stays
         */
        public Vnic withEffectiveMac(final long newMac) {
            return new Vnic(vm, nic, portGroup, mac, newMac);
        }

        /**
         * This vNIC connected to another port group of the same vSwitch.
         *
         * @param newPortGroup the port group's name
         * @return a copy with {@code portGroup} replaced
         */
        public Vnic movedTo(final String newPortGroup) {
            return new Vnic(vm, nic, newPortGroup, mac, effectiveMac);
        }
    }

    /** A DHCP server: interface, MAC, address, pool (inclusive), router option (0: none), lease time. */
    public record DhcpServerSpec(String name, String iface, long mac, Cidr address, int poolFirst, int poolLast,
                                 int router, int leaseSeconds) {
        /**
         * A DHCP server on interface {@code eth0} with the default lease time ({@link DhcpServer#DEFAULT_LEASE_SECONDS}).
         *
         * @param name      the server's name
         * @param mac       its MAC, colon-separated hex
         * @param address   its address with prefix ("192.168.4.2/24")
         * @param poolFirst the first address it leases, dotted quad
         * @param poolLast  the last address it leases (inclusive), dotted quad
         * @param router    the router option it hands out, dotted quad, or null for none
         * @return the server
         * @throws IllegalArgumentException when an address or the MAC does not parse
         */
        public static DhcpServerSpec of(final String name, final String mac, final String address,
                                        final String poolFirst, final String poolLast, final String router) {
            return new DhcpServerSpec(name, "eth0", MacAddress.parse(mac), Cidr.parse(address),
                    Ipv4Address.parse(poolFirst), Ipv4Address.parse(poolLast),
                    router == null ? 0 : Ipv4Address.parse(router), DhcpServer.DEFAULT_LEASE_SECONDS);
        }
    }

    // ---- lookups and what-if changes --------------------------------------------------------------------------

    /**
     * One ESXi host, by name.
     *
     * @param hostName the host's name ("esxi-01"), exactly as configured
     * @return the host
     * @throws UnknownNameException naming the closest hosts when there is none by that name
     */
    public EsxiHost esxiHost(final String hostName) {
        return Names.get(esxiHosts, hostName, EsxiHost::name, "ESXi host");
    }

    /**
     * This network with {@code host} replacing the ESXi host of the same name, or added when there is none.
     *
     * @param host the ESXi host
     * @return a copy of this network; nothing is validated until {@link #validate()}
     */
    public VsphereSpec withEsxiHost(final EsxiHost host) {
        return new VsphereSpec(base, Lists.replaceOrAdd(esxiHosts, host, EsxiHost::name), dhcpServers, links);
    }

    /**
     * This network with another network under the vSphere layer (a what-if change of the nodes, switch or router).
     *
     * @param newBase the network without its vSphere layer
     * @return a copy of this network
     */
    public VsphereSpec withBase(final NetworkSpec newBase) {
        return new VsphereSpec(newBase, esxiHosts, dhcpServers, links);
    }

    /** This network with the named port group's security policy replaced. */
    public VsphereSpec withSecurity(final String esxi, final String portGroup, final SecurityPolicy security) {
        final EsxiHost h = esxiHost(esxi);
        return withEsxiHost(h.withPortGroup(h.portGroup(portGroup).withSecurity(security)));
    }

    /** Promiscuous mode Accept (true) or Reject on one port group. */
    public VsphereSpec withPromiscuous(final String esxi, final String portGroup, final boolean accept) {
        return withSecurity(esxi, portGroup, esxiHost(esxi).portGroup(portGroup).security().withPromiscuous(accept));
    }

    /**
     * Forged Transmits Accept (true) or Reject on one port group.
     *
     * @param esxi      the ESXi host's name
     * @param portGroup the port group's name on that host
     * @param accept    true for Accept, false for Reject
     * @return a copy of this network
     * @throws UnknownNameException when the host or the port group does not exist
     */
    public VsphereSpec withForgedTransmits(final String esxi, final String portGroup, final boolean accept) {
        return withSecurity(esxi, portGroup,
                esxiHost(esxi).portGroup(portGroup).security().withForgedTransmits(accept));
    }

    /**
     * MAC Address Changes Accept (true) or Reject on one port group.
     *
     * @param esxi      the ESXi host's name
     * @param portGroup the port group's name on that host
     * @param accept    true for Accept, false for Reject
     * @return a copy of this network
     * @throws UnknownNameException when the host or the port group does not exist
     */
    public VsphereSpec withMacChanges(final String esxi, final String portGroup, final boolean accept) {
        return withSecurity(esxi, portGroup, esxiHost(esxi).portGroup(portGroup).security().withMacChanges(accept));
    }

    /** The port group's VLAN setting changed, e.g. {@code VlanPolicy.ofVlanId(1928)}. */
    public VsphereSpec withVlan(final String esxi, final String portGroup, final VlanPolicy vlan) {
        final EsxiHost h = esxiHost(esxi);
        return withEsxiHost(h.withPortGroup(h.portGroup(portGroup).withVlan(vlan)));
    }

    /** MAC learning on or off (a distributed port group's setting). */
    public VsphereSpec withMacLearning(final String esxi, final String portGroup, final boolean on) {
        final EsxiHost h = esxiHost(esxi);
        return withEsxiHost(h.withPortGroup(h.portGroup(portGroup).withMacLearning(on)));
    }

    /**
     * This network with {@code change} applied to the port group {@code group}: on the ESXi host {@code esxi}, or,
     * when {@code esxi} is null, on every host that has a port group of that name (a standard port group is
     * defined per host, usually the same on each).
     *
     * @throws UnknownNameException when no host (or not the named one) has that port group, naming the closest
     */
    public VsphereSpec withPortGroup(final String esxi, final String group,
                                     final java.util.function.UnaryOperator<PortGroup> change) {
        final List<EsxiHost> hosts = esxi != null ? List.of(esxiHost(esxi))
                : esxiHosts.stream().filter(h -> h.portGroups().stream().anyMatch(g -> g.name().equals(group)))
                        .toList();
        if (hosts.isEmpty()) {
            throw UnknownNameException.of("port group", group, esxiHosts.stream()
                    .flatMap(h -> h.portGroups().stream()).map(PortGroup::name).distinct().toList());
        }
        VsphereSpec changed = this;
        for (final EsxiHost h : hosts) {
            changed = changed.withEsxiHost(h.withPortGroup(change.apply(h.portGroup(group))));
        }
        return changed;
    }

    /**
     * This network under another name (the base's name).
     *
     * @param newName the name traces and reports show
     * @return a copy of this network
     */
    public VsphereSpec withName(final String newName) {
        return withBase(base.withName(newName));
    }

    /**
     * The network's name, which is its base's.
     *
     * @return the name
     */
    @Override
    public String name() {
        return base.name();
    }

    // ---- checking and compiling -------------------------------------------------------------------------------

    /** What cannot be real, one sentence each; the base's problems except the cables this layer plugs in. */
    public List<String> problems() {
        final Set<String> ends = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        for (final EsxiHost h : esxiHosts) {
            final Set<String> groups = new java.util.LinkedHashSet<>();
            for (final PortGroup g : h.portGroups()) {
                if (!groups.add(g.name())) {
                    problems.add("port group " + g.name() + " is defined twice on " + h.name());
                }
            }
            if (h.uplinks().isEmpty()) {
                problems.add(h.name() + "/" + h.vswitch() + " has no uplink");
            }
            for (final Vnic v : h.vnics()) {
                ends.add(v.vm() + "/" + v.nic());
                if (!groups.contains(v.portGroup())) {
                    problems.add("vNIC " + v.vm() + "/" + v.nic() + " is connected to port group " + v.portGroup()
                            + ", which " + h.name() + " does not have (it has " + String.join(", ", groups) + ")");
                }
                final HostSpec node = base.hosts().stream().filter(n -> n.name().equals(v.vm())).findFirst()
                        .orElse(null);
                final NicSpec nic = node == null ? null
                        : node.nics().stream().filter(n -> n.name().equals(v.nic())).findFirst().orElse(null);
                if (nic == null) {
                    problems.add("vNIC " + v.vm() + "/" + v.nic() + " on " + h.name()
                            + " is no NIC of a host in the network");
                } else if (nic.mac() != v.mac()) {
                    problems.add("vNIC " + v.vm() + "/" + v.nic() + " has MAC " + MacAddress.format(v.mac())
                            + " in the VM configuration but the guest NIC has " + MacAddress.format(nic.mac()));
                }
            }
        }
        for (final LinkSpec l : links) {
            ends.add(l.a().device() + "/" + l.a().iface());
            ends.add(l.b().device() + "/" + l.b().iface());
        }
        for (final String p : base.problems()) {
            final int cut = p.indexOf(" is left unconnected");
            if (cut < 0 || !ends.contains(p.substring(0, cut))) {
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * Checks that the network can be real ({@link #problems()}).
     *
     * @return this network, for chaining
     * @throws InvalidNetworkException listing every problem, each naming the element
     */
    public VsphereSpec validate() {
        final List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidNetworkException(name(), problems);
        }
        return this;
    }

    /** A fresh topology: the base's devices, then per ESXi host its vSwitch, then DHCP servers, then cables. */
    @Override
    public Topology compile() {
        validate();
        final SpecCompiler c = new SpecCompiler(base);
        c.addDevices();
        for (final EsxiHost h : esxiHosts) {
            final VSwitch vswitch = new VSwitch(h.name(), h.vswitch());
            final int index = c.builder().add(vswitch);
            for (final String uplink : h.uplinks()) {
                c.cableEnd(h.name(), uplink, new PortRef(index, vswitch.addUplink(uplink)));
            }
            for (final Vnic v : h.vnics()) {
                final int port = vswitch.addVnic(h.portGroup(v.portGroup()), v.vm(), v.nic(), v.mac());
                if (v.effectiveMac() != v.mac()) {
                    vswitch.setEffectiveMac(port, v.effectiveMac());
                }
                final PortRef guest = c.cableEnd(v.vm(), v.nic());
                c.builder().link(index, port, guest.device(), guest.port(), LinkKind.CABLE);
            }
        }
        for (final DhcpServerSpec d : dhcpServers) {
            final int index = c.builder().add(new DhcpServer(d.name(), d.iface(), d.mac(), d.address().ip(),
                    d.address().prefixLength(), d.poolFirst(), d.poolLast(), d.router(), d.leaseSeconds()));
            c.cableEnd(d.name(), d.iface(), new PortRef(index, DhcpServer.PORT));
        }
        final List<LinkSpec> all = new ArrayList<>(base.links());
        all.addAll(links);
        return c.link(all);
    }

    /**
     * The network to ask questions of; each question runs on a freshly compiled topology. What-if changes
     * ({@code network.with(change)}) apply to a copy of this spec: vSphere changes to the vSphere layer, the
     * others ({@code shut ...}) to {@link #base()}.
     */
    public Network network() {
        validate();
        return new Network(this);
    }
}

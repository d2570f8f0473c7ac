package vnetsim.network;

import vnetsim.device.Endpoint.Workload;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * A VM or pod NIC and where it is plugged: a bridge on a host, through a veth/tap port with an optional VLAN
 * table (a NAD's {@code "vlan": N} on a filtering bridge), or, with no host, a cable named in
 * {@link NetworkSpec#links()} (a server or upstream gateway on a switch or router port).
 *
 * @param id      short id users type ({@code vm1}); unique with every name in the network
 * @param name    display name ({@code Virtual Machine 1})
 * @param kind    VM or pod
 * @param iface   the guest's interface name ({@code eth0}, {@code net1})
 * @param mac     its MAC
 * @param address its IPv4 address and prefix
 * @param gateway default gateway, or 0 for none
 * @param ttl     default TTL of packets it sends (Linux: 64)
 * @param mtu     its MTU in bytes (also the MTU of its bridge port)
 * @param host    the host it runs on, or null when cabled directly
 * @param bridge  the bridge on that host, or null
 * @param port    the host side of its veth/tap, the bridge port's name
 * @param vlans   the bridge port's VLAN table, or null for the bridge's default
 * @param attachment how it reaches the host when not a plain veth on the bridge (a masquerade pod, a macvlan
 *                child with {@code bridge} null, the node's own address on a macvlan lower NIC), or null
 */
public record WorkloadSpec(String id, String name, Workload kind, String iface, long mac, Cidr address,
                           int gateway, int ttl, int mtu, String host, String bridge, String port,
                           PortVlans vlans, WorkloadAttachment attachment) {
    /**
     * A workload on a plain veth bridge port, or cabled.
     *
     * @param ttl default TTL of packets it sends (1-255)
     * @param mtu its MTU in bytes
     */
    public WorkloadSpec(final String id, final String name, final Workload kind, final String iface, final long mac,
                        final Cidr address, final int gateway, final int ttl, final int mtu, final String host,
                        final String bridge, final String port, final PortVlans vlans) {
        this(id, name, kind, iface, mac, address, gateway, ttl, mtu, host, bridge, port, vlans, null);
    }

    /** Whether it hangs off a host NIC through macvlan (a child, or the node's own address on the lower NIC). */
    public boolean isMacvlan() {
        return attachment instanceof WorkloadAttachment.MacvlanChild
                || attachment instanceof WorkloadAttachment.MacvlanLower;
    }

    /** The macvlan lower NIC it hangs off, or null. */
    public String macvlanParent() {
        if (attachment instanceof WorkloadAttachment.MacvlanChild c) {
            return c.parent();
        }
        return attachment instanceof WorkloadAttachment.MacvlanLower l ? l.parent() : null;
    }

    /** The host NIC moved into it (CNI host-device), or null. */
    public String hostDevice() {
        return attachment instanceof WorkloadAttachment.HostDevice d ? d.nic() : null;
    }

    /** This workload with another attachment (null: a plain veth or cable). */
    public WorkloadSpec withAttachment(final WorkloadAttachment newAttachment) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, mtu, host, bridge, port, vlans,
                newAttachment);
    }
    /** Whether it is plugged into a bridge (else it must be cabled). */
    public boolean isBridged() {
        return host != null;
    }

    /** This workload plugged into another host's bridge (the same port name). */
    public WorkloadSpec movedTo(final String newHost, final String newBridge) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, mtu, newHost, newBridge, port,
                vlans, attachment);
    }

    /** This workload with another bridge port VLAN table (null: the bridge default). */
    public WorkloadSpec withVlans(final PortVlans newVlans) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, mtu, host, bridge, port,
                newVlans, attachment);
    }

    /** This workload with another MTU, in bytes. */
    public WorkloadSpec withMtu(final int newMtu) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, newMtu, host, bridge, port,
                vlans, attachment);
    }

    /** This workload with another address and gateway (0: none). */
    public WorkloadSpec withAddress(final Cidr newAddress, final int newGateway) {
        return new WorkloadSpec(id, name, kind, iface, mac, newAddress, newGateway, ttl, mtu, host, bridge, port,
                vlans, attachment);
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + kind + ") " + iface + " " + MacAddress.format(mac) + " " + address
                + (gateway == 0 ? "" : " via " + Ipv4Address.format(gateway))
                + (isMacvlan() ? " on " + host + ", " + attachment
                        : isBridged() ? " on " + host + "/" + bridge + " port " + port : " cabled")
                + (attachment instanceof WorkloadAttachment.Masquerade m ? ", behind " + m : "");
    }
}

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
 */
public record WorkloadSpec(String id, String name, Workload kind, String iface, long mac, Cidr address,
                           int gateway, int ttl, int mtu, String host, String bridge, String port,
                           PortVlans vlans) {
    /** Whether it is plugged into a bridge (else it must be cabled). */
    public boolean isBridged() {
        return host != null;
    }

    /** This workload plugged into another host's bridge (the same port name). */
    public WorkloadSpec movedTo(final String newHost, final String newBridge) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, mtu, newHost, newBridge, port,
                vlans);
    }

    /** This workload with another bridge port VLAN table (null: the bridge default). */
    public WorkloadSpec withVlans(final PortVlans newVlans) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, mtu, host, bridge, port,
                newVlans);
    }

    /** This workload with another MTU, in bytes. */
    public WorkloadSpec withMtu(final int newMtu) {
        return new WorkloadSpec(id, name, kind, iface, mac, address, gateway, ttl, newMtu, host, bridge, port,
                vlans);
    }

    /** This workload with another address and gateway (0: none). */
    public WorkloadSpec withAddress(final Cidr newAddress, final int newGateway) {
        return new WorkloadSpec(id, name, kind, iface, mac, newAddress, newGateway, ttl, mtu, host, bridge, port,
                vlans);
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + kind + ") " + iface + " " + MacAddress.format(mac) + " " + address
                + (gateway == 0 ? "" : " via " + Ipv4Address.format(gateway))
                + (isBridged() ? " on " + host + "/" + bridge + " port " + port : " cabled");
    }
}

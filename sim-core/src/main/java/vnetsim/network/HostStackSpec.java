package vnetsim.network;

import java.util.List;
import vnetsim.device.l3.StaticRoute;

/**
 * A host's own IPv4 stack (a Linux node routing a pod network, as a flannel host-gw style cluster network does):
 * addresses on its NICs and bridges, static routes, {@code net.ipv4.ip_forward}. A NIC with an address belongs to
 * the stack alone (no bridge, subinterface or macvlan on it); a bridge with an address is the CNI {@code bridge}
 * plugin's {@code isGateway} bridge. Rules: {@code src/docs/forwarding-rules.md} section 8.
 *
 * @param addresses  interface addresses, in the order {@code ip address add} would add them
 * @param routes     static routes (each gateway on a connected subnet)
 * @param forwarding {@code net.ipv4.ip_forward}
 * @param masquerade subnets whose traffic leaving them is masqueraded (the CNI bridge plugin's {@code ipMasq})
 */
public record HostStackSpec(List<Address> addresses, List<StaticRoute> routes, boolean forwarding,
                            List<Cidr> masquerade) {
    /** Copies the lists: the record stays immutable. */
    public HostStackSpec {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        masquerade = List.copyOf(masquerade);
    }

    /**
     * A stack without masquerading.
     *
     * @param addresses  interface addresses
     * @param routes     static routes
     * @param forwarding {@code net.ipv4.ip_forward}
     */
    public HostStackSpec(final List<Address> addresses, final List<StaticRoute> routes, final boolean forwarding) {
        this(addresses, routes, forwarding, List.of());
    }

    /**
     * One {@code ip address add ADDRESS dev IFACE}.
     *
     * @param iface   a NIC or bridge of the host
     * @param address the address and prefix
     */
    public record Address(String iface, Cidr address) {
        @Override
        public String toString() {
            return address + " on " + iface;
        }
    }

    /** Whether {@code iface} has an address here. */
    public boolean hasAddressOn(final String iface) {
        return addresses.stream().anyMatch(a -> a.iface().equals(iface));
    }
}

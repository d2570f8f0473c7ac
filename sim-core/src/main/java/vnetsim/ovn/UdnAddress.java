package vnetsim.ovn;

import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/** What OVN-Kubernetes assigned a workload: its IP, prefix, gateway and MAC ({@code 0a:58:} + the IPv4 octets). */
public record UdnAddress(int ip, int prefixLength, int gateway, long mac) {
    /** OVN-K's MAC for an IPv4 address: {@code go-controller/pkg/util/net.go IPAddrToHWAddr()}. */
    public static long macFor(final int ip) {
        return 0x0a58_0000_0000L | (ip & 0xffff_ffffL);
    }

    @Override
    public String toString() {
        return Ipv4Address.format(ip) + "/" + prefixLength + " gw " + Ipv4Address.format(gateway) + " "
                + MacAddress.format(mac);
    }
}

package vnetsim.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * The port table an OVN logical switch and an OVN logical router share: each port's name and the MAC and IPv4
 * address the northbound database declares for it (a logical switch port's {@code addresses}, a logical router
 * port's {@code mac} and {@code networks}), looked up by index on the frame path without allocating.
 */
final class OvnPorts {
    /** No port. */
    static final int NONE = -1;

    private final List<String> names = new ArrayList<>();
    private long[] macs = new long[0];
    private int[] ips = new int[0];

    /** Adds a port declaring {@code mac} and {@code ip} (0: none); returns its index. */
    int add(final String name, final long mac, final int ip) {
        names.add(name);
        final int n = names.size();
        macs = Arrays.copyOf(macs, n);
        ips = Arrays.copyOf(ips, n);
        macs[n - 1] = mac;
        ips[n - 1] = ip;
        return n - 1;
    }

    int count() {
        return names.size();
    }

    String name(final int port) {
        return names.get(port);
    }

    long mac(final int port) {
        return macs[port];
    }

    int ip(final int port) {
        return ips[port];
    }

    /** The port declaring {@code mac}, or {@link #NONE}. */
    int withMac(final long mac) {
        for (int p = 0; p < macs.length; p++) {
            if (macs[p] == mac) {
                return p;
            }
        }
        return NONE;
    }

    /** The port declaring {@code ip} (never 0), or {@link #NONE}. */
    int withIp(final int ip) {
        for (int p = 0; p < ips.length; p++) {
            if (ips[p] == ip && ip != 0) {
                return p;
            }
        }
        return NONE;
    }

    /** "0a:58:c0:a8:18:01 192.168.24.1", the port's addresses as {@code describe} shows them. */
    String addresses(final int port) {
        return MacAddress.format(macs[port]) + (ips[port] == 0 ? "" : " " + Ipv4Address.format(ips[port]));
    }
}

package vnetsim.folder.nmstate;

import java.util.List;
import vnetsim.folder.Location;

/**
 * {@code ipv4}/{@code ipv6}: enabled, static addresses ("ip/prefix-length"), DHCP/autoconf. Read and shown; the
 * host's own IP stack on these interfaces is not simulated yet (the bridge host port comes with a later issue).
 */
public record IpConfig(boolean enabled, List<String> addresses, boolean dynamic, Location at) {
    public IpConfig {
        addresses = List.copyOf(addresses);
    }
}

package vnetsim.folder.firewall;

import java.util.List;
import vnetsim.device.l3.AclRule;
import vnetsim.folder.Location;

/**
 * A router-on-a-stick firewall ({@code firewalls/*.yaml}): one trunk uplink, one routed subinterface per VLAN,
 * an ordered ACL (first match decides; no match permits).
 */
public record FirewallConfig(String name, String uplink, long mac, List<Subinterface> subinterfaces,
                             List<AclRule> acl, Location at) {
    public FirewallConfig {
        subinterfaces = List.copyOf(subinterfaces);
        acl = List.copyOf(acl);
    }

    /** A routed 802.1Q subinterface: its VLAN, gateway address and prefix, MTU. */
    public record Subinterface(String name, int vlan, int ip, int prefixLength, int mtu, Location at) {
    }
}

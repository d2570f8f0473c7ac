package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/** A switch: the VLANs that exist on it and its cabled ports (ports without a cable are not simulated). */
public record SwitchPlan(String hostname, VlanSet createdVlans, List<Port> ports, List<String> uncabled,
                         List<Svi> svis, Location at) {
    /** The switch's inband port toward its own routing engine (NX-OS {@code sup-eth1}). */
    public static final String SUP_PORT = "sup-eth1";

    public SwitchPlan {
        ports = List.copyOf(ports);
        uncabled = List.copyOf(uncabled);
        svis = List.copyOf(svis);
    }

    /** The router that holds the switch's SVIs. */
    public String sviRouter() {
        return hostname + " SVIs";
    }

    /**
     * An up SVI: routes for its VLAN with {@code address} as the gateway.
     *
     * @param mac the switch's router MAC (chosen: 02:5c followed by a hash of the hostname)
     */
    public record Svi(int vlan, int ip, int prefixLength, int mtu, long mac, Location at) {
    }

    /** One port: its switchport mode, admin state, description. */
    public record Port(String name, SwitchportMode mode, boolean up, String description, Location at) {
        public String modeText() {
            if (mode instanceof SwitchportMode.Trunk t) {
                return "trunk, allowed vlan " + t.allowed() + ", native vlan " + t.nativeVlan();
            }
            return "access, vlan " + ((SwitchportMode.Access) mode).vlan();
        }
    }
}

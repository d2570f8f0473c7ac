package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/** A switch: the VLANs that exist on it and its cabled ports (ports without a cable are not simulated). */
public record SwitchPlan(String hostname, VlanSet createdVlans, List<Port> ports, List<String> uncabled,
                         Location at) {
    public SwitchPlan {
        ports = List.copyOf(ports);
        uncabled = List.copyOf(uncabled);
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

package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/**
 * What one node's merged policies became: NICs, 802.1Q subinterfaces and bridges, in the order they are created,
 * each with where it was configured. Immutable; {@link TopologyFactory} turns it into devices.
 */
public record NodePlan(String name, List<NicPlan> nics, List<VlanPlan> vlans, List<BridgePlan> bridges,
                       List<String> order, List<String> notes) {
    public NodePlan {
        nics = List.copyOf(nics);
        vlans = List.copyOf(vlans);
        bridges = List.copyOf(bridges);
        order = List.copyOf(order);
        notes = List.copyOf(notes);
    }

    /** A physical NIC (network.yaml) as the policies leave it. */
    public record NicPlan(String name, long mac, int mtu, boolean up, List<String> addresses, String master,
                          Location at) {
        public NicPlan {
            addresses = List.copyOf(addresses);
        }
    }

    /** An 802.1Q subinterface. */
    public record VlanPlan(String name, String parent, int vid, int mtu, boolean up, boolean reorderHeaders,
                           List<String> addresses, String master, Location at) {
        public VlanPlan {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * A Linux bridge and its ports.
     *
     * @param filteringReason why vlan_filtering is on or off, in nmstate's terms
     */
    public record BridgePlan(String name, boolean vlanFiltering, String filteringReason, boolean stp, int mtu,
                             List<PortPlan> ports, List<String> addresses, boolean up, Location at) {
        public BridgePlan {
            ports = List.copyOf(ports);
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * A bridge port: the enslaved device and its VLAN table (meaningful when the bridge filters).
     *
     * @param pvid -1 for none
     */
    public record PortPlan(String name, PortKind kind, VlanSet vids, VlanSet untagged, int pvid, int mtu,
                           String origin) {
        /** "PVID 1 untagged; tagged 2-4094". */
        public String membership() {
            final StringBuilder sb = new StringBuilder();
            sb.append(pvid < 0 ? "no PVID" : "PVID " + pvid);
            final VlanSet untaggedOthers = pvid < 0 ? untagged : untagged.minus(VlanSet.of(pvid));
            final VlanSet tagged = vids.minus(untagged);
            if (!untaggedOthers.isEmpty()) {
                sb.append("; untagged ").append(untaggedOthers);
            }
            if (!tagged.isEmpty()) {
                sb.append("; tagged ").append(tagged);
            }
            return sb.toString();
        }
    }

    /** What is enslaved. */
    public enum PortKind { NIC, VLAN, WORKLOAD }
}

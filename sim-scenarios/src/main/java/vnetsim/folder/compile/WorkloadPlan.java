package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.Endpoint.Workload;
import vnetsim.folder.Location;

/**
 * A workload interface that becomes a simulated endpoint: where it is plugged (node, bridge, veth port, NAD) and
 * in which VLAN its frames leave the node.
 *
 * @param egress what happens to its frames on the way out of the node, in words ("leave enp4s0f0 tagged 2003")
 * @param segment the layer-2 segment, for duplicate address checks ("wire VLAN 2003", "node0/br1")
 */
public record WorkloadPlan(String id, String display, Workload kind, String manifestName, String iface, long mac,
                           int ip, int prefixLength, int gateway, String node, String bridge, String nad,
                           String vethName, NodePlan.PortPlan port, String egress, String segment,
                           List<String> notes, Location at) {
    public WorkloadPlan {
        notes = List.copyOf(notes);
    }
}

package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.Endpoint.Workload;
import vnetsim.folder.Location;
import vnetsim.network.WorkloadAttachment;

/**
 * A workload interface that becomes a simulated endpoint: where it is plugged (node, bridge, veth port, NAD) and
 * in which VLAN its frames leave the node.
 *
 * @param egress what happens to its frames on the way out of the node, in words ("leave enp4s0f0 tagged 2003")
 * @param segment the layer-2 segment, for duplicate address checks ("wire VLAN 2003", "node0/br1")
 * @param attachment how it reaches the node when not a plain veth (masquerade pod, macvlan), or null; for macvlan
 *                {@code bridge} names the lower NIC
 */
public record WorkloadPlan(String id, String display, Workload kind, String manifestName, String iface, long mac,
                           int ip, int prefixLength, int gateway, String node, String bridge, String nad,
                           String vethName, NodePlan.PortPlan port, String egress, String segment,
                           List<String> notes, Location at, WorkloadAttachment attachment) {
    public WorkloadPlan {
        notes = List.copyOf(notes);
    }

    /** A workload on a plain veth bridge port. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public WorkloadPlan(final String id, final String display, final Workload kind, final String manifestName,
                        final String iface, final long mac, final int ip, final int prefixLength, final int gateway,
                        final String node, final String bridge, final String nad, final String vethName,
                        final NodePlan.PortPlan port, final String egress, final String segment,
                        final List<String> notes, final Location at) {
        this(id, display, kind, manifestName, iface, mac, ip, prefixLength, gateway, node, bridge, nad, vethName, port,
                egress, segment, notes, at, null);
    }
}

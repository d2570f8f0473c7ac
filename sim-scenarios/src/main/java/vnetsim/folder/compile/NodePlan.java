package vnetsim.folder.compile;

import java.util.List;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Location;

/**
 * What one node's merged policies became: NICs, 802.1Q subinterfaces and bridges, in the order they are created,
 * each with where it was configured. Immutable; {@code SpecWriter} turns it into devices.
 *
 * @param podNetwork      the node's share of the pod network, or null
 * @param bridgeAddresses addresses the CNI bridge plugin's {@code isGateway} puts on the node's bridges
 * @param masquerade      subnets the CNI bridge plugin's {@code ipMasq} masquerades on the node
 */
public record NodePlan(String name, List<NicPlan> nics, List<VlanPlan> vlans, List<BridgePlan> bridges,
                       List<String> order, List<String> notes, List<BondPlan> bonds, PodNetworkPlan podNetwork,
                       List<vnetsim.network.HostStackSpec.Address> bridgeAddresses,
                       List<vnetsim.network.Cidr> masquerade) {
    /**
     * A node without masquerading.
     *
     * @param podNetwork      the node's share of the pod network, or null
     * @param bridgeAddresses addresses the CNI bridge plugin's {@code isGateway} puts on the node's bridges
     */
    public NodePlan(final String name, final List<NicPlan> nics, final List<VlanPlan> vlans,
                    final List<BridgePlan> bridges, final List<String> order, final List<String> notes,
                    final List<BondPlan> bonds, final PodNetworkPlan podNetwork,
                    final List<vnetsim.network.HostStackSpec.Address> bridgeAddresses) {
        this(name, nics, vlans, bridges, order, notes, bonds, podNetwork, bridgeAddresses, List.of());
    }

    /** A node without a pod network. */
    public NodePlan(final String name, final List<NicPlan> nics, final List<VlanPlan> vlans,
                    final List<BridgePlan> bridges, final List<String> order, final List<String> notes,
                    final List<BondPlan> bonds) {
        this(name, nics, vlans, bridges, order, notes, bonds, null, List.of());
    }

    /** This node with its share of the pod network (null: none). */
    public NodePlan withPodNetwork(final PodNetworkPlan newPodNetwork) {
        return new NodePlan(name, nics, vlans, bridges, order, notes, bonds, newPodNetwork, bridgeAddresses,
                masquerade);
    }

    public NodePlan {
        bridgeAddresses = List.copyOf(bridgeAddresses);
        masquerade = List.copyOf(masquerade);
        bonds = List.copyOf(bonds);
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

    /**
     * A Linux bond over some of the node's NICs.
     *
     * @param mode       nmstate's mode, active-backup or 802.3ad (others are forwarded as active-backup)
     * @param hashPolicy 802.3ad's xmit_hash_policy as simulated (layer2, layer2+3, layer3+4)
     * @param mtu        its MTU: its first port's unless set
     * @param master     the bridge it is a port of, or null
     */
    public record BondPlan(String name, String mode, List<String> ports, String primary, String hashPolicy, int mtu,
                           String master, Location at) {
        public BondPlan {
            ports = List.copyOf(ports);
        }

        /** How frames choose a port, in words. */
        public String choice() {
            if (!mode.equals("802.3ad")) {
                return "every frame leaves and arrives on the active port (" + (primary != null ? "primary "
                        + primary + " while it is up, else " : "") + "the first of " + ports + " that is up); "
                        + "frames arriving on a backup port are dropped";
            }
            return "each frame leaves on the port its " + hashPolicy + " hash picks (" + (hashPolicy.equals("layer2")
                    ? "last byte of source MAC ^ last byte of destination MAC ^ EtherType" : hashPolicy.equals(
                    "layer2+3") ? "MACs and IPv4 addresses" : "IPv4 addresses and TCP/UDP ports") + ", modulo the "
                    + "ports that are up); frames arrive on any port; the switch must bundle " + ports
                    + " in a port-channel with LACP (not simulated: each switch port is on its own)";
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
     * @param forwardDelaySeconds STP forward_delay in seconds (meaningful when {@code stp})
     */
    public record BridgePlan(String name, boolean vlanFiltering, String filteringReason, boolean stp,
                             int forwardDelaySeconds, int mtu, List<PortPlan> ports, List<String> addresses,
                             boolean up, Location at) {
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
    public enum PortKind { NIC, VLAN, WORKLOAD, BOND }
}

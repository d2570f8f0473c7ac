package vnetsim.device;

/**
 * Why a frame went no further. Each constant says, in one sentence, what a network engineer would check.
 * The {@code detail} recorded with a drop (a VID, an MTU, an IPv4 address as int) fills the placeholder.
 */
public enum DropReason {
    /** Bridge ingress: source MAC is multicast or all-zero (is_valid_ether_addr). */
    INVALID_SOURCE_MAC("source MAC is not a valid unicast address"),
    /** Bridge ingress: 01:80:c2:00:00:0X other than :00 with STP off is never forwarded. */
    LINK_LOCAL_NOT_FORWARDED("link-local group address is not forwarded by a bridge"),
    /** Switch trunk/access or bridge VLAN filtering: the frame's VLAN is not carried by the ingress port. */
    VLAN_NOT_ALLOWED_INGRESS("VLAN %d is not allowed on this port (ingress)"),
    /**
     * NX-OS: the frame's VLAN is allowed on the port but was never created with {@code vlan N}; a VLAN that does not
     * exist is in no spanning-tree forwarding state, so the switch carries nothing in it.
     */
    VLAN_NOT_CREATED("VLAN %d is allowed on this port but does not exist on the switch (no 'vlan %d' line)"),
    /** An untagged frame arrived on a switch trunk whose native VLAN is not allowed (or is tagged). */
    UNTAGGED_NOT_ALLOWED("untagged frame: native VLAN %d is not allowed on this port"),
    /** Bridge VLAN filtering: an untagged frame arrived on a port with no PVID, so it belongs to no VLAN. */
    NO_PVID("untagged frame: this bridge port has no PVID (bridge vlan ... pvid), so it belongs to no VLAN"),
    /** An access port received a frame tagged with a VLAN other than its access VLAN. */
    TAGGED_ON_ACCESS_PORT("tagged frame (VLAN %d) on an access port"),
    /** The destination was learned on the port the frame came in on; a bridge never sends it back. */
    DESTINATION_ON_INGRESS_PORT("destination is on the ingress port; never sent back out"),
    /** No port other than the ingress port carries the frame's VLAN, so a flood reaches nobody. */
    NO_EGRESS_PORT("no port other than the ingress port carries VLAN %d"),
    /** A tagged frame arrived on a NIC with no 802.1Q subinterface for its VID (Linux: PACKET_OTHERHOST, dropped). */
    NO_VLAN_SUBINTERFACE("no 802.1Q interface for VID %d on this NIC"),
    /** A frame reached a VLAN subinterface from its parent without the subinterface's tag (vlan_do_receive). */
    NOT_THIS_SUBINTERFACES_VLAN("frame is not tagged with this 802.1Q interface's VID %d"),
    /** The matching VLAN subinterface is administratively down (vlan_do_receive). */
    VLAN_DEVICE_DOWN("802.1Q interface for VID %d is down"),
    /** The interface or its link is down. */
    LINK_DOWN("interface is down"),
    /** Nothing is plugged into this port. */
    NOT_CONNECTED("nothing is connected to this port"),
    /** An untagged frame reached a NIC that is no bridge port and has no IP address: the host stack discards it. */
    NO_UPPER_DEVICE("untagged frame: no bridge or IP address on this NIC takes it"),
    /** A switch or bridge learned the destination on a port that does not carry the frame's VLAN. */
    VLAN_NOT_ALLOWED_EGRESS("VLAN %d is not allowed on the egress port"),
    /** A host NIC received a unicast frame for another MAC (not promiscuous). */
    NOT_ADDRESSED_TO_HOST("unicast frame for another host's MAC"),
    /** An ARP request for an address this host does not own: ignored, not answered. */
    ARP_NOT_FOR_THIS_HOST("ARP request for %s: not this host's address (no proxy ARP)"),
    /** An IP packet addressed to another IP arrived at a host that does not forward. */
    IP_NOT_FOR_THIS_HOST("IPv4 packet for %s: not this host's address"),
    /** A frame this stack does not handle (unknown EtherType or IP protocol). */
    UNHANDLED_PROTOCOL("protocol not handled by this host (EtherType/protocol 0x%04x)"),
    /** Router: a frame not addressed to the router's MAC is not routed (ip_forward drops !PACKET_HOST). */
    NOT_FOR_THIS_ROUTER("destination MAC is not this router's"),
    /** Router: the frame arrived in a VLAN the router has no subinterface for. */
    NO_ROUTER_INTERFACE("no routed subinterface for VLAN %d"),
    /** The frame ends inside its Ethernet header or an 802.1Q tag: no receiver can classify it (a runt). */
    TRUNCATED_FRAME("truncated frame: %d bytes end inside the Ethernet or 802.1Q header"),
    /** An ICMP message shorter than its 8-byte header (icmp_rcv() discards it). */
    TRUNCATED_ICMP("ICMP message of %d bytes is shorter than its 8-byte header"),
    /** Host stack: the UDP length field is below 8 or beyond the IPv4 payload ({@code __udp4_lib_rcv} short_packet). */
    BAD_UDP_LENGTH("UDP length field disagrees with the %d-byte IPv4 payload"),
    /** Host stack: the UDP checksum does not verify ({@code __udp4_lib_rcv} csum_error, counted in InCsumErrors). */
    BAD_UDP_CHECKSUM("UDP checksum error: the receiving stack drops the datagram (InCsumErrors)"),
    /** Router: IPv4 header failed validation (version, IHL, checksum). */
    BAD_IPV4_HEADER("invalid IPv4 header or checksum"),
    /** Router: TTL reached 0; an ICMP Time Exceeded goes back to the source. */
    TTL_EXPIRED("TTL expired in transit"),
    /** Router: no route to the destination. */
    NO_ROUTE("no route to %s"),
    /** Router or host: ARP for the next hop got no answer; ICMP host unreachable to the source. */
    NEIGHBOR_UNREACHABLE("ARP for %s got no reply (neighbor unreachable)"),
    /** An ACL rule denied the packet; the detail is the rule's position. */
    ACL_DENIED("denied by ACL rule %d"),
    /** The frame is larger than the egress MTU allows (for a router with DF set: ICMP frag needed). */
    MTU_EXCEEDED("frame exceeds MTU %d"),
    /** Bridge: the interface was taken out of the bridge ({@code ip link set dev X nomaster}). */
    NOT_A_BRIDGE_PORT("interface is no longer a port of this bridge (nomaster)"),
    /** Bridge: the port's STP state does not forward (br_handle_frame(), should_deliver()); detail: the state. */
    PORT_NOT_FORWARDING("bridge port is in STP state %s, not forwarding"),
    /** Bridge with STP on: 01:80:c2:00:00:00 is the bridge's own STP traffic, never forwarded. */
    STP_BPDU_CONSUMED("STP BPDU: taken by the bridge's spanning tree (stp_state 1), never forwarded"),
    /** Bridge: locked port (802.1X) and the source MAC has no FDB entry pointing at it. */
    PORT_LOCKED("locked port: source MAC has no FDB entry on this port (locked on)"),
    /** Bridge: from an isolated port to another isolated port (br_skb_isolated()). */
    PORT_ISOLATED("both ports are isolated (isolated on): not forwarded between them"),
    /** Bridge: every port that could take the flood has flood / mcast_flood / bcast_flood off. */
    FLOOD_DISABLED("not flooded: %s is off on every other port"),
    /** Bridge: the frame is for the bridge device, whose own VLAN table lacks the VID (bridge vlan ... self). */
    VLAN_NOT_ON_BRIDGE_DEVICE("VLAN %d is not configured on the bridge device itself (bridge vlan add ... self)"),
    /** Bridge: the frame is for the bridge device itself, which has no IP interface. */
    BRIDGE_HAS_NO_ADDRESS("addressed to the bridge device, which has no IP address"),
    /**
     * KubeVirt masquerade binding: a TCP/UDP packet for the pod IP on a port the VM interface's {@code ports} do not
     * list is not DNATed to the VM, and nothing in the virt-launcher pod listens on it.
     */
    PORT_NOT_FORWARDED_TO_VM("port %d is not in the VM interface's ports: the masquerade binding forwards only the"
            + " listed ports to the VM, and nothing in the virt-launcher pod listens on it"),
    /**
     * macvlan: the node (the lower device) and its own macvlan children never reach each other inside the host;
     * their frames leave on the wire and a switch does not send them back (drivers/net/macvlan.c).
     */
    MACVLAN_ISOLATION("macvlan isolation: the parent interface and its own macvlan children cannot reach each other"
            + " (their frames leave on the wire; the switch never sends them back)"),
    /** nf_conntrack: the table is full, a new connection cannot be tracked (and so not NATed). */
    CONNTRACK_FULL("conntrack table full (%d connections): dropping packet"),
    /** vSphere vSwitch: the port group's VLAN mode does not pass this frame from the guest (semantics.md 6). */
    PORT_GROUP_VLAN_FROM_GUEST("port group VLAN policy: the guest's frame in VLAN %d is not passed (VLAN ID 0 and "
            + "1-4094 port groups take untagged frames only, a trunk only its VLAN range)"),
    /** vSphere vSwitch: no port group and no uplink carries the frame's VLAN. */
    NO_PORT_GROUP_FOR_VLAN("no port group on this vSwitch carries VLAN %d"),
    /** vSphere vSwitch, Promiscuous mode Reject: a frame for a MAC no vNIC of the VLAN owns reaches nobody. */
    PROMISCUOUS_MODE_REJECT("Promiscuous mode Reject: {dst} is not a vNIC MAC of a port group carrying VLAN %d, "
            + "and no port there is promiscuous"),
    /** vSphere vSwitch, Forged transmits Reject: the guest sent with a source MAC other than its .vmx MAC. */
    FORGED_TRANSMITS_REJECT("Forged transmits Reject: source MAC {src} is not this vNIC's MAC (its effective "
            + "MAC, the .vmx MAC unless the guest changed it)"),
    /** vSphere vSwitch, MAC address changes Reject: the guest's effective MAC differs from its .vmx MAC. */
    MAC_ADDRESS_CHANGES_REJECT("MAC address changes Reject: the guest changed this vNIC's MAC away from its .vmx "
            + "MAC, so the vSwitch delivers nothing to it"),
    /** DHCP server: every address of the pool is bound or offered (RFC 2131 4.3.1: no DHCPOFFER). */
    DHCP_POOL_EXHAUSTED("DHCP pool exhausted: no free address to offer"),
    /** DHCP server: a DHCPREQUEST that selects another server or an address this server did not offer. */
    DHCP_REQUEST_NOT_FOR_THIS_SERVER("DHCPREQUEST selects server %s, not this one"),
    /** DHCP client: a reply with another transaction ID or client address, or out of turn (RFC 2131 4.4). */
    DHCP_REPLY_IGNORED("DHCP reply ignored: not for this client's transaction or not expected in its state"),
    /** bond_handle_frame() in active-backup: only the active slave delivers; the backup's frame is dropped. */
    BOND_BACKUP_SLAVE("bond: frame on a backup slave (active-backup delivers only what arrives on the active slave)"),
    /** bond_start_xmit() with no slave up: every slave's link is down. */
    BOND_NO_UP_SLAVE("bond: none of its %d slaves is up (link down or cable missing)"),
    /** The frame went around a forwarding loop until the engine's hop limit stopped it. */
    HOP_LIMIT("forwarding loop: hop limit %d reached"),
    /** OVN port security (ls_in_port_sec_l2): the source MAC is not the logical switch port's address. */
    PORT_SECURITY_MAC("source MAC is not this logical switch port's address (OVN port security)"),
    /** OVN port security (ls_in_port_sec_ip, ls_in_port_sec_nd): source IPv4 or ARP sender is not the port's. */
    PORT_SECURITY_IP("source IPv4 %s is not this logical switch port's address (OVN port security)"),
    /** An OVN logical switch forwards unicast only to MACs its ports declare: no learning, no unknown flood. */
    UNKNOWN_LOGICAL_DESTINATION("no port of this OVN logical switch has the destination MAC (OVN forwards only to "
            + "addresses it was told; nothing is learned): the workload is gone or moved"),
    /** An OVN logical router has no MAC binding and no logical port with the next hop's address. */
    NO_MAC_BINDING("no logical port has next hop %s, so OVN knows no MAC for it"),
    /** The Geneve-encapsulated packet is larger than the underlay NIC's MTU; OVS sends it with DF. */
    GENEVE_MTU_EXCEEDED("Geneve-encapsulated packet of %d bytes exceeds the underlay MTU: inner packet + 58 bytes "
            + "must fit (set the network MTU to at most host MTU - 100, as OpenShift does)"),
    /** A Geneve packet arrived for a datapath or port this node's tunnel does not serve. */
    UNKNOWN_GENEVE_TUNNEL("Geneve packet for VNI %d: no logical switch on this node has that tunnel key");

    private final String format;

    DropReason(final String format) {
        this.format = format;
    }

    /** The reason in words; {@code detailText} fills the placeholder, if the reason has one. */
    public String describe(final String detailText) {
        if (!format.contains("%")) {
            return format;
        }
        return format.replace("0x%04x", detailText).replace("%d", detailText).replace("%s", detailText);
    }

    /**
     * The reason in words with the frame's MACs filling {@code {src}} and {@code {dst}} (vSwitch security policy
     * reasons name the MAC at fault).
     */
    public String describe(final int detail, final long sourceMac, final long destinationMac) {
        return describe(detail).replace("{src}", vnetsim.frame.MacAddress.format(sourceMac))
                .replace("{dst}", vnetsim.frame.MacAddress.format(destinationMac));
    }

    /** The reason in words with the recorded detail formatted as this reason needs (IPv4 address, hex, number). */
    public String describe(final int detail) {
        return switch (this) {
            case ARP_NOT_FOR_THIS_HOST, IP_NOT_FOR_THIS_HOST, NO_ROUTE, NEIGHBOR_UNREACHABLE,
                 DHCP_REQUEST_NOT_FOR_THIS_SERVER, PORT_SECURITY_IP, NO_MAC_BINDING ->
                    describe(vnetsim.frame.Ipv4Address.format(detail));
            case UNHANDLED_PROTOCOL -> describe(String.format("0x%04x", detail));
            case PORT_NOT_FORWARDING -> describe(vnetsim.device.bridge.StpState.values()[detail].word());
            case FLOOD_DISABLED -> describe(detail == 0 ? "flood" : detail == 1 ? "mcast_flood" : "bcast_flood");
            case NO_EGRESS_PORT -> detail == 0 ? "no port other than the ingress port to send it to"
                    : describe(String.valueOf(detail));
            case NO_ROUTER_INTERFACE -> detail == 0 ? "untagged frame: no routed interface for untagged traffic"
                    : describe(String.valueOf(detail));
            case PORT_GROUP_VLAN_FROM_GUEST, NO_PORT_GROUP_FOR_VLAN, PROMISCUOUS_MODE_REJECT ->
                    describe(detail == 0 ? "0 (untagged)" : String.valueOf(detail));
            default -> describe(String.valueOf(detail));
        };
    }
}

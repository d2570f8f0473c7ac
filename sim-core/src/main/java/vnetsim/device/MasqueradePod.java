package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.device.l3.Conntrack;
import vnetsim.frame.Bytes;
import vnetsim.frame.Checksum;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * The network namespace of a virt-launcher pod whose VM uses KubeVirt's {@code masquerade} binding: a router
 * with NAT between the VM and the pod network.
 *
 * <p>What KubeVirt sets up ({@code kubevirt/kubevirt: pkg/network/setup/netpod/netpod.go masqueradeBindingSpec()},
 * {@code pkg/network/setup/netpod/masquerade/masquerade.go setupNATByFamily()}):
 * <ul>
 *   <li>the in-pod bridge {@code k6t-eth0} with MAC {@code 02:00:00:00:00:00}
 *       ({@code pkg/network/link/mac.go StaticMasqueradeBridgeMAC}) and the first address of {@code vmNetworkCIDR}
 *       (default {@code 10.0.2.0/24}, {@code pkg/virt-launcher/virtwrap/api/defaults.go}): {@value #GATEWAY_TEXT}/24;
 *       the guest gets {@value #GUEST_TEXT} by KubeVirt's DHCP;</li>
 *   <li>the pod interface {@code eth0} keeps the pod IP the cluster network gave it; the pod routes between the
 *       two (TTL minus one, MACs rewritten);</li>
 *   <li>nftables {@code nat}: {@code postrouting: ip saddr 10.0.2.2 masquerade} (the guest's traffic leaves with
 *       the pod IP); {@code prerouting: iifname eth0 jump KUBEVIRT_PREINBOUND}, which DNATs to 10.0.2.2 every
 *       packet when the interface lists no {@code ports}, else only the listed ports (protocol default TCP);</li>
 *   <li>conntrack translates replies back: a reply to the guest's connection arrives for the pod IP and leaves on
 *       {@code k6t-eth0} for 10.0.2.2; ICMP errors about it are translated inside too.</li>
 * </ul>
 * A packet for the pod IP that is neither a reply nor a forwarded port stays in the pod: an ICMP echo is answered
 * by the pod's own kernel; UDP or TCP finds no listener there and is dropped with {@link
 * DropReason#PORT_NOT_FORWARDED_TO_VM}.
 *
 * <p>Simplified: the tap device and the in-pod bridge with it as its only port are one port, {@code k6t-eth0};
 * the 127.0.0.1 rules ({@code KUBEVIRT_POSTINBOUND}, {@code output}), the migration-port exclusion and IPv6
 * ({@code fd10:0:2::/120}) are not modelled. The IP stack (ARP, routing, TTL, ICMP errors, echo replies) is a
 * {@link LinuxHost} with ip_forward on; this class adds the NAT hooks around it, where netfilter's prerouting and
 * postrouting hooks sit. Rules and sources: {@code src/docs/forwarding-rules.md} section 10.
 */
public final class MasqueradePod implements Device, Cloneable {
    public static final String GATEWAY_TEXT = "10.0.2.1";
    public static final String GUEST_TEXT = "10.0.2.2";
    /** The in-pod bridge's address, the guest's default gateway. */
    public static final int GATEWAY = Ipv4Address.parse(GATEWAY_TEXT);
    /** The guest's address (gateway + 1, handed out by KubeVirt's DHCP server). */
    public static final int GUEST = Ipv4Address.parse(GUEST_TEXT);
    public static final int VM_NETWORK_PREFIX = 24;
    /** StaticMasqueradeBridgeMAC. */
    public static final long BRIDGE_MAC = MacAddress.parse("02:00:00:00:00:00");
    /** Port towards the VM (tap + in-pod bridge). */
    public static final int K6T = 0;
    /** The pod interface, towards the node. */
    public static final int POD = 1;

    /** One {@code ports:} entry of the VM interface: protocol ({@link Ipv4#PROTOCOL_TCP} or UDP) and port. */
    public record ForwardedPort(int protocol, int port) {
        @Override
        public String toString() {
            return (protocol == Ipv4.PROTOCOL_UDP ? "udp " : "tcp ") + port;
        }
    }

    private final String host;
    private final int podIp;
    private final List<ForwardedPort> forwarded;       // empty: every port (no ports section)
    private LinuxHost stack;                            // the pod's kernel: learned state per instance
    private Conntrack conntrack = new Conntrack();
    private Postrouting postrouting = new Postrouting();

    /**
     * @param host       the pod as people name it ("virt-launcher-vm1")
     * @param podMac     the pod interface's MAC
     * @param podIp      the pod IP the cluster network assigned
     * @param podPrefix  its prefix length
     * @param podGateway the pod's default gateway (the node's address on the pod network)
     * @param mtu        the pod interface's MTU (k6t-eth0 and the tap get the same)
     * @param forwarded  the VM interface's {@code ports}; empty means all ports are forwarded inward
     */
    public MasqueradePod(final String host, final long podMac, final int podIp, final int podPrefix,
                         final int podGateway, final int mtu, final List<ForwardedPort> forwarded) {
        this.host = host;
        this.podIp = podIp;
        this.forwarded = List.copyOf(forwarded);
        this.stack = new LinuxHost(host);
        stack.addNic("k6t-eth0", BRIDGE_MAC, mtu);
        stack.addNic("eth0", podMac, mtu);
        stack.addAddress(K6T, GATEWAY, VM_NETWORK_PREFIX);
        stack.addAddress(POD, podIp, podPrefix);
        stack.addRoute(0, 0, podGateway);
        stack.setForwarding(true);
    }

    // ---- prerouting: iifname eth0 jump KUBEVIRT_PREINBOUND; conntrack un-NAT of replies ---------------------------

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        postrouting.out = out;
        if (port == POD && frame.outerType() == EtherType.IPV4 && !prerouting(frame, out)) {
            return;
        }
        stack.receive(frame, port, postrouting);
    }

    /** Translates an inbound packet for the pod IP; false when it was dropped here. */
    private boolean prerouting(final Frame frame, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        if (!Ipv4.isValidHeader(b, ip, frame.end() - ip) || Ipv4.destination(b, ip) != podIp) {
            return true;                                     // the stack judges it
        }
        final int protocol = Ipv4.protocol(b, ip);
        final int l4 = ip + Ipv4.headerLength(b, ip);
        final int remote = Ipv4.source(b, ip);
        if (protocol == Ipv4.PROTOCOL_ICMP && Icmp.isError(Icmp.type(b, l4))) {
            translateIcmpError(b, ip, l4);
            return true;
        }
        final int localPort = localPort(b, protocol, l4, false);
        final int remotePort = remotePort(b, protocol, l4, false);
        final int inside = conntrack.lookup(protocol, localPort, remote, remotePort);
        if (inside != Conntrack.NONE) {
            rewriteDestination(b, ip, protocol, l4, inside);      // a reply: un-NAT
            return true;
        }
        if (isForwarded(protocol, localPort)) {
            if (!conntrack.add(protocol, localPort, remote, remotePort, GUEST)) {
                out.drop(frame, POD, DropReason.CONNTRACK_FULL, Conntrack.CAPACITY);
                return false;
            }
            rewriteDestination(b, ip, protocol, l4, GUEST);       // dnat to 10.0.2.2
            return true;
        }
        if (protocol == Ipv4.PROTOCOL_UDP || protocol == Ipv4.PROTOCOL_TCP) {
            out.drop(frame, POD, DropReason.PORT_NOT_FORWARDED_TO_VM, localPort);
            return false;
        }
        return true;                                         // ICMP echo for the pod: its own kernel answers
    }

    /** No {@code ports}: everything goes to the VM; else TCP/UDP ports listed. */
    private boolean isForwarded(final int protocol, final int port) {
        if (forwarded.isEmpty()) {
            return true;
        }
        for (final ForwardedPort f : forwarded) {
            if (f.protocol() == protocol && f.port() == port) {
                return true;
            }
        }
        return false;
    }

    /** An ICMP error for the pod IP quoting one of the guest's connections: outer destination and quoted source. */
    private void translateIcmpError(final byte[] b, final int ip, final int icmp) {
        final int quoted = icmp + Icmp.HEADER_LENGTH;
        if (Ipv4.source(b, quoted) != podIp) {
            return;
        }
        final int protocol = Ipv4.protocol(b, quoted);
        final int ql4 = quoted + Ipv4.headerLength(b, quoted);
        final int inside = conntrack.lookup(protocol, localPort(b, protocol, ql4, true), Ipv4.destination(b, quoted),
                remotePort(b, protocol, ql4, true));
        if (inside == Conntrack.NONE) {
            return;
        }
        int icmpChecksum = Bytes.u16(b, icmp + 2);
        int quotedChecksum = Bytes.u16(b, quoted + 10);
        for (int w = 0; w < 4; w += 2) {                       // quoted source address, two 16-bit words
            final int oldWord = Bytes.u16(b, quoted + 12 + w);
            final int newWord = (w == 0 ? inside >>> 16 : inside) & 0xffff;
            Bytes.u16(b, quoted + 12 + w, newWord);
            final int oldQuotedChecksum = quotedChecksum;
            quotedChecksum = Checksum.update(quotedChecksum, oldWord, newWord);
            icmpChecksum = Checksum.update(icmpChecksum, oldWord, newWord);
            icmpChecksum = Checksum.update(icmpChecksum, oldQuotedChecksum, quotedChecksum);
        }
        Bytes.u16(b, quoted + 10, quotedChecksum);
        Bytes.u16(b, icmp + 2, icmpChecksum);
        writeAddressWords(b, ip, 16, Ipv4.PROTOCOL_ICMP, icmp, inside);
    }

    // ---- postrouting: ip saddr 10.0.2.2 masquerade ------------------------------------------------------------------

    /** The Egress the pod's stack sends through: packets of the guest leaving on eth0 get the pod IP. */
    private final class Postrouting implements Egress {
        Egress out;

        @Override
        public void transmit(final Frame frame, final int port, final Action action) {
            if (port == POD && frame.outerType() == EtherType.IPV4
                    && Ipv4.source(frame.bytes(), frame.l3Offset()) == GUEST && !masquerade(frame, out)) {
                return;
            }
            out.transmit(frame, port, action);
        }

        @Override
        public void deliver(final Frame frame, final int port) {
            out.deliver(frame, port);
        }

        @Override
        public void drop(final Frame frame, final int port, final DropReason reason, final int detail) {
            out.drop(frame, port, reason, detail);
        }

        @Override
        public Frame copy(final Frame frame) {
            return out.copy(frame);
        }

        @Override
        public Frame newFrame() {
            return out.newFrame();
        }

        @Override
        public void schedule(final long delayNs, final int token) {
            out.schedule(delayNs, token);
        }

        @Override
        public long now() {
            return out.now();
        }
    }

    /** SNAT to the pod IP, port kept, the connection remembered for its replies; false when dropped. */
    private boolean masquerade(final Frame frame, final Egress out) {
        final byte[] b = frame.bytes();
        final int ip = frame.l3Offset();
        final int protocol = Ipv4.protocol(b, ip);
        final int l4 = ip + Ipv4.headerLength(b, ip);
        if (protocol == Ipv4.PROTOCOL_ICMP && Icmp.isError(Icmp.type(b, l4))) {
            translateQuotedGuest(b, ip, l4, frame.end());
        } else {
            final int localPort = localPort(b, protocol, l4, true);
            final int remotePort = remotePort(b, protocol, l4, true);
            final int remote = Ipv4.destination(b, ip);
            if (conntrack.lookup(protocol, localPort, remote, remotePort) == Conntrack.NONE
                    && !conntrack.add(protocol, localPort, remote, remotePort, GUEST)) {
                out.drop(frame, POD, DropReason.CONNTRACK_FULL, Conntrack.CAPACITY);
                return false;
            }
        }
        writeAddressWords(b, ip, 12, protocol, l4, podIp);
        return true;
    }

    /**
     * An ICMP error the guest sends about a packet that reached it DNATed (a port unreachable for a forwarded UDP
     * port): the quoted header names 10.0.2.2 as its destination, which the sender never used. nf_nat does what
     * {@code nf_nat_icmp_reply_translation()} says: for a tracked connection, the quoted destination goes back to the
     * pod IP, the quoted IPv4 checksum and (UDP, when its 8 bytes are quoted and it is not 0) the quoted UDP checksum
     * are updated; TCP's quoted checksum lies beyond the 8 quoted bytes and stays ({@code tcp_manip_pkt()}); the
     * ICMP checksum is computed again. The outer source is masqueraded by the caller.
     */
    private void translateQuotedGuest(final byte[] b, final int ip, final int icmp, final int end) {
        final int quoted = icmp + Icmp.HEADER_LENGTH;
        if (quoted + Ipv4.HEADER_LENGTH > end || Ipv4.destination(b, quoted) != GUEST) {
            return;
        }
        final int protocol = Ipv4.protocol(b, quoted);
        final int ql4 = quoted + Ipv4.headerLength(b, quoted);
        if (ql4 + 8 > end || conntrack.lookup(protocol, localPort(b, protocol, ql4, false), Ipv4.source(b, quoted),
                remotePort(b, protocol, ql4, false)) != GUEST) {
            return;                                            // not about a connection DNATed to the guest
        }
        int quotedChecksum = Bytes.u16(b, quoted + 10);
        final boolean udp = protocol == Ipv4.PROTOCOL_UDP && ql4 + 8 <= end && Bytes.u16(b, ql4 + 6) != 0;
        int udpChecksum = udp ? Bytes.u16(b, ql4 + 6) : 0;
        for (int w = 0; w < 4; w += 2) {                       // quoted destination address, two 16-bit words
            final int oldWord = Bytes.u16(b, quoted + 16 + w);
            final int newWord = (w == 0 ? podIp >>> 16 : podIp) & 0xffff;
            Bytes.u16(b, quoted + 16 + w, newWord);
            quotedChecksum = Checksum.update(quotedChecksum, oldWord, newWord);
            if (udp) {
                udpChecksum = Checksum.update(udpChecksum, oldWord, newWord);
            }
        }
        Bytes.u16(b, quoted + 10, quotedChecksum);
        if (udp) {
            Bytes.u16(b, ql4 + 6, udpChecksum == 0 ? 0xffff : udpChecksum);
        }
        final int icmpLength = Math.min(Ipv4.totalLength(b, ip), end - ip) - (icmp - ip);
        Bytes.u16(b, icmp + 2, 0);
        Bytes.u16(b, icmp + 2, Checksum.compute(b, icmp, icmpLength));
    }

    // ---- header arithmetic --------------------------------------------------------------------------------------

    /** The port on the pod's side: outbound the source port, inbound the destination; ICMP echo: the identifier. */
    static int localPort(final byte[] b, final int protocol, final int l4, final boolean outbound) {
        if (protocol == Ipv4.PROTOCOL_UDP || protocol == Ipv4.PROTOCOL_TCP) {
            return Bytes.u16(b, outbound ? l4 : l4 + 2);
        }
        return protocol == Ipv4.PROTOCOL_ICMP ? Icmp.identifier(b, l4) : 0;
    }

    static int remotePort(final byte[] b, final int protocol, final int l4, final boolean outbound) {
        if (protocol == Ipv4.PROTOCOL_UDP || protocol == Ipv4.PROTOCOL_TCP) {
            return Bytes.u16(b, outbound ? l4 + 2 : l4);
        }
        return 0;
    }

    private static void rewriteDestination(final byte[] b, final int ip, final int protocol, final int l4,
                                           final int address) {
        writeAddressWords(b, ip, 16, protocol, l4, address);
    }

    /**
     * Writes an address at {@code ip + offset} (12 source, 16 destination), patching the IPv4 header checksum and,
     * for TCP and UDP (whose checksum covers the pseudo-header), the L4 checksum, as nf_nat_ipv4_manip_pkt() does
     * with inet_proto_csum_replace4(). A UDP checksum of 0 means "none" and stays 0.
     */
    static void writeAddressWords(final byte[] b, final int ip, final int offset, final int protocol,
                                          final int l4, final int address) {
        int ipChecksum = Ipv4.checksum(b, ip);
        final int l4ChecksumAt = protocol == Ipv4.PROTOCOL_UDP ? l4 + 6 : protocol == Ipv4.PROTOCOL_TCP ? l4 + 16 : -1;
        int l4Checksum = l4ChecksumAt < 0 ? 0 : Bytes.u16(b, l4ChecksumAt);
        final boolean patchL4 = l4ChecksumAt >= 0 && !(protocol == Ipv4.PROTOCOL_UDP && l4Checksum == 0);
        for (int w = 0; w < 4; w += 2) {
            final int oldWord = Bytes.u16(b, ip + offset + w);
            final int newWord = (w == 0 ? address >>> 16 : address) & 0xffff;
            Bytes.u16(b, ip + offset + w, newWord);
            ipChecksum = Checksum.update(ipChecksum, oldWord, newWord);
            if (patchL4) {
                l4Checksum = Checksum.update(l4Checksum, oldWord, newWord);
            }
        }
        Bytes.u16(b, ip + 10, ipChecksum);
        if (patchL4) {
            Bytes.u16(b, l4ChecksumAt, protocol == Ipv4.PROTOCOL_UDP && l4Checksum == 0 ? 0xffff : l4Checksum);
        }
    }

    // ---- the device contract ------------------------------------------------------------------------------------

    @Override
    public void onTimer(final int token, final Egress out) {
        postrouting.out = out;
        stack.onTimer(token, postrouting);
    }

    /** Configuration shared; the pod kernel's ARP cache and the conntrack table fresh. */
    @Override
    public MasqueradePod instantiate() {
        try {
            final MasqueradePod copy = (MasqueradePod) clone();
            copy.stack = stack.instantiate();
            copy.conntrack = new Conntrack();
            copy.postrouting = copy.new Postrouting();
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void reset() {
        stack.reset();
        conntrack.clear();
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return stack.interfaceName(port);
    }

    @Override
    public int portCount() {
        return 2;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.MASQUERADE_POD;
    }

    @Override
    public List<InterfaceAddress> addresses() {
        return stack.addresses();
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add("virt-launcher pod, KubeVirt masquerade binding");
        lines.add("k6t-eth0 " + GATEWAY_TEXT + "/" + VM_NETWORK_PREFIX + " (MAC " + MacAddress.format(BRIDGE_MAC)
                + "), to " + peer.apply(K6T));
        lines.add("eth0 " + Ipv4Address.format(podIp) + " (pod IP), to " + peer.apply(POD));
        lines.add("NAT: " + GUEST_TEXT + " masqueraded to " + Ipv4Address.format(podIp) + "; inbound to the VM: "
                + (forwarded.isEmpty() ? "all ports" : forwarded.toString()));
        return lines;
    }

    /** Connections tracked so far in this simulation. */
    public int connections() {
        return conntrack.size();
    }

    /** The pod's IPv4 address on the cluster network, the address the VM's traffic is masqueraded to. */
    public int podIp() {
        return podIp;
    }
}

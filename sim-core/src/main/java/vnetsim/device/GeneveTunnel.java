package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Frame;
import vnetsim.frame.Geneve;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * A node's OVS Geneve tunnel ({@code genev_sys_6081}, created by ovn-controller for each remote chassis with
 * {@code options:remote_ip} and {@code key=flow}) bound to the node's underlay interface. Port {@link #UNDERLAY} is
 * the underlay (br-ex with the node IP, as ovn-kubernetes' shared gateway mode sends Geneve); every other port is
 * the far end of one remote logical switch port: a frame arriving there came out of a logical switch towards a port
 * bound on another node.
 *
 * <p>Encapsulation (ovn-architecture(7) "Tunnel Encapsulations"; {@code controller/physical.c}): VNI = the logical
 * datapath's tunnel key, OVN option = logical ingress port key (the sender's port on that switch, found by its
 * source MAC) and egress port key (the remote port's key). The encapsulated packet leaves with DF set; if it is
 * larger than the underlay MTU it is dropped here, which is what a VM sees when its MTU was not lowered by the 58
 * bytes of Geneve (OpenShift lowers it by 100: {@code cluster-network-operator getOVNEncapOverhead()}).
 * Decapsulation: a packet with OVN's Geneve header enters the local logical switch (its VNI) through the remote
 * port that stands for the sender's logical ingress port (outer source IP and ingress key).
 * Rules and sources: {@code src/docs/forwarding-rules.md} section 14.
 */
public final class GeneveTunnel implements Device {
    /** The underlay interface. */
    public static final int UNDERLAY = 0;
    private static final int NONE = -1;

    private final String host;
    private final String underlayName;
    private final long underlayMac;
    private final int underlayIp;
    private final int underlayMtu;
    private final List<String> portNames = new ArrayList<>();
    private int[] vnis = new int[1];
    private int[] egressKeys = new int[1];
    private int[] remoteIps = new int[1];
    private long[] remoteMacs = new long[1];
    private int[] localVnis = new int[0];
    private long[] localMacs = new long[0];
    private int[] localKeys = new int[0];
    private int ipIdentification;

    /**
     * The Geneve endpoint on a node's underlay interface, with no remote port yet; port 0 ({@link #UNDERLAY}) faces the
     * underlay network.
     *
     * @param host the node ("ovn-worker")
     * @param underlayName the underlay interface ("breth0")
     * @param underlayMac its 48-bit MAC, the outer source MAC
     * @param underlayIp its IPv4 address, the outer source address
     * @param underlayMtu the underlay MTU in bytes: an encapsulated packet whose outer IPv4 packet is longer is
     *   dropped as {@link DropReason#GENEVE_MTU_EXCEEDED}
     */
    public GeneveTunnel(final String host, final String underlayName, final long underlayMac, final int underlayIp,
                        final int underlayMtu) {
        this.host = host;
        this.underlayName = underlayName;
        this.underlayMac = underlayMac;
        this.underlayIp = underlayIp;
        this.underlayMtu = underlayMtu;
        portNames.add(underlayName);
    }

    /**
     * A port for the remote logical switch port with key {@code egressKey} on datapath {@code vni}, bound on the
     * node whose underlay is {@code remoteIp}/{@code remoteMac}; returns the port.
     */
    public int addRemotePort(final String name, final int vni, final int egressKey, final int remoteIp,
                             final long remoteMac) {
        portNames.add(name);
        final int n = portNames.size();
        vnis = java.util.Arrays.copyOf(vnis, n);
        egressKeys = java.util.Arrays.copyOf(egressKeys, n);
        remoteIps = java.util.Arrays.copyOf(remoteIps, n);
        remoteMacs = java.util.Arrays.copyOf(remoteMacs, n);
        vnis[n - 1] = vni;
        egressKeys[n - 1] = egressKey;
        remoteIps[n - 1] = remoteIp;
        remoteMacs[n - 1] = remoteMac;
        return n - 1;
    }

    /** A logical port bound on this node (its MAC and key on datapath {@code vni}): the ingress key it sends with. */
    public void addLocalPort(final int vni, final long mac, final int key) {
        final int n = localVnis.length + 1;
        localVnis = java.util.Arrays.copyOf(localVnis, n);
        localMacs = java.util.Arrays.copyOf(localMacs, n);
        localKeys = java.util.Arrays.copyOf(localKeys, n);
        localVnis[n - 1] = vni;
        localMacs[n - 1] = mac;
        localKeys[n - 1] = key;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (port == UNDERLAY) {
            decapsulate(frame, out);
        } else {
            encapsulate(frame, port, out);
        }
    }

    private void encapsulate(final Frame frame, final int port, final Egress out) {
        final int outerLength = Geneve.outerIpLength(frame);
        if (outerLength > underlayMtu || !Geneve.fits(frame)) {
            out.drop(frame, port, DropReason.GENEVE_MTU_EXCEEDED, outerLength);
            return;
        }
        ipIdentification = (ipIdentification + 1) & 0xffff;
        Geneve.encapsulate(frame, underlayMac, remoteMacs[port], underlayIp, remoteIps[port], vnis[port],
                ingressKey(vnis[port], frame.sourceMac()), egressKeys[port], ipIdentification);
        out.transmit(frame, UNDERLAY, Action.ENCAPSULATED);
    }

    private void decapsulate(final Frame frame, final Egress out) {
        if (frame.destinationMac() != underlayMac && !MacAddress.isMulticast(frame.destinationMac())) {
            out.drop(frame, UNDERLAY, DropReason.NOT_ADDRESSED_TO_HOST, 0);
            return;
        }
        if (!Geneve.isOvnGeneve(frame)) {
            out.drop(frame, UNDERLAY, DropReason.UNHANDLED_PROTOCOL, frame.outerType());
            return;
        }
        final int vni = Geneve.vni(frame);
        final int ingressKey = Geneve.ingressKey(frame);
        final int from = Geneve.outerSource(frame);
        for (int p = 1; p < portNames.size(); p++) {
            if (vnis[p] == vni && remoteIps[p] == from && egressKeys[p] == ingressKey) {
                Geneve.decapsulate(frame);
                out.transmit(frame, p, Action.DECAPSULATED);      // into the switch as from the sender's remote port
                return;
            }
        }
        out.drop(frame, UNDERLAY, DropReason.UNKNOWN_GENEVE_TUNNEL, vni);
    }

    private int ingressKey(final int vni, final long sourceMac) {
        for (int i = 0; i < localVnis.length; i++) {
            if (localVnis[i] == vni && localMacs[i] == sourceMac) {
                return localKeys[i];
            }
        }
        return 0;
    }

    // ---- identity ---------------------------------------------------------------------------------------------

    /** The underlay MTU in bytes, against which each encapsulated packet is checked. */
    public int underlayMtu() {
        return underlayMtu;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return port == UNDERLAY ? underlayName : "genev_sys_6081";
    }

    @Override
    public String portName(final int port) {
        return portNames.get(port);
    }

    @Override
    public int portCount() {
        return portNames.size();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.GENEVE_TUNNEL;
    }

    @Override
    public List<InterfaceAddress> addresses() {
        return List.of(new InterfaceAddress(underlayName, underlayIp, 32));
    }

    /** tcpdump sees the encapsulated packet on the underlay, the inner frame on the tunnel's logical side. */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return true;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(underlayName + "  Geneve tunnel endpoint " + Ipv4Address.format(underlayIp) + ", underlay MTU "
                + underlayMtu + " -> " + peer.apply(UNDERLAY));
        for (int p = 1; p < portNames.size(); p++) {
            lines.add("  " + portNames.get(p) + "  VNI " + vnis[p] + ", remote port key " + egressKeys[p] + " at "
                    + Ipv4Address.format(remoteIps[p]) + " -> " + peer.apply(p));
        }
        return lines;
    }
}

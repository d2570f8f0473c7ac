package vnetsim.topology;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.device.Device;
import vnetsim.device.InterfaceNames;
import vnetsim.device.Role;
import vnetsim.device.TrafficSource;

/**
 * The compiled wiring: devices by index and, for every port, the port at the other end of its link as flat
 * arrays, so the engine never walks a graph or a map per frame. Names live here too, for the edges (CLI,
 * traces, captures).
 *
 * <p>A built topology is immutable configuration and may be shared by any number of threads: a simulation
 * never writes to it. Each {@code Simulator} runs its own {@link Device#instantiate() instances} of the devices,
 * which hold the learned state (FDBs, ARP caches, pending packets). What-if changes make a new topology
 * ({@link #withLinkUp}); devices are configured before {@link TopologyBuilder#build()}, never after.
 */
public final class Topology {
    /** What {@link #peerDevice} and {@link #peerPort} return for a port with no link. */
    public static final int NOT_CONNECTED = -1;

    private final ImmutableList<Device> devices;
    private final int[][] peerDevice;
    private final int[][] peerPort;
    private final long[][] latencyNs;
    private final boolean[][] linkUp;
    private final ImmutableMap<String, Integer> aliases;

    private Topology(final Topology from, final boolean[][] linkUp) {
        this.devices = from.devices;
        this.aliases = from.aliases;
        this.peerDevice = from.peerDevice;
        this.peerPort = from.peerPort;
        this.latencyNs = from.latencyNs;
        this.linkUp = linkUp;
    }

    Topology(final List<Device> devices, final List<long[]> links, final Map<String, Integer> aliases) {
        this.devices = ImmutableList.copyOf(devices);
        this.aliases = ImmutableMap.copyOf(aliases);
        final int n = devices.size();
        peerDevice = new int[n][];
        peerPort = new int[n][];
        latencyNs = new long[n][];
        linkUp = new boolean[n][];
        for (int d = 0; d < n; d++) {
            final int ports = devices.get(d).portCount();
            peerDevice[d] = new int[ports];
            peerPort[d] = new int[ports];
            latencyNs[d] = new long[ports];
            linkUp[d] = new boolean[ports];
            java.util.Arrays.fill(peerDevice[d], NOT_CONNECTED);
            java.util.Arrays.fill(peerPort[d], NOT_CONNECTED);
        }
        for (final long[] l : links) {
            connect((int) l[0], (int) l[1], (int) l[2], (int) l[3], l[4]);
            connect((int) l[2], (int) l[3], (int) l[0], (int) l[1], l[4]);
        }
    }

    private void connect(final int d, final int p, final int peer, final int peerP, final long latency) {
        peerDevice[d][p] = peer;
        peerPort[d][p] = peerP;
        latencyNs[d][p] = latency;
        linkUp[d][p] = true;
    }

    /**
     * How many devices the topology has; device indexes run from 0 to this count minus one.
     *
     * @return the number of devices
     */
    public int deviceCount() {
        return devices.size();
    }

    /**
     * One device, by index.
     *
     * @param index 0 to {@link #deviceCount()} - 1, in the order the devices were added to the builder
     * @return the device (its configuration; a simulator runs its own instance of it)
     * @throws IndexOutOfBoundsException when {@code index} is out of range
     */
    public Device device(final int index) {
        return devices.get(index);
    }

    /**
     * Every device, in index order.
     *
     * @return an immutable list
     */
    public List<Device> devices() {
        return devices;
    }

    /** Device at the other end of this port's link, or {@link #NOT_CONNECTED}. */
    public int peerDevice(final int device, final int port) {
        return peerDevice[device][port];
    }

    /**
     * Port at the other end of this port's link.
     *
     * @param device device index, 0 to {@link #deviceCount()} - 1
     * @param port   port index on that device, 0 to its {@code portCount()} - 1
     * @return the peer's port index, or {@link #NOT_CONNECTED}
     */
    public int peerPort(final int device, final int port) {
        return peerPort[device][port];
    }

    /**
     * One-way latency of this port's link ({@link LinkKind#latencyNs()} of the link's kind).
     *
     * @param device device index, 0 to {@link #deviceCount()} - 1
     * @param port   port index on that device
     * @return virtual nanoseconds; 0 for a port with no link
     */
    public long latencyNs(final int device, final int port) {
        return latencyNs[device][port];
    }

    /**
     * Whether this port's link carries frames (what-if analyses take links down with {@link #withLinkUp}).
     *
     * @param device device index, 0 to {@link #deviceCount()} - 1
     * @param port   port index on that device
     * @return true for a connected link that is up; false for one that is down or a port with no link
     */
    public boolean isLinkUp(final int device, final int port) {
        return linkUp[device][port];
    }

    /** This topology with one link taken down or brought up (both ends), for what-if questions. */
    public Topology withLinkUp(final int device, final int port, final boolean up) {
        final boolean[][] changed = new boolean[linkUp.length][];
        for (int d = 0; d < linkUp.length; d++) {
            changed[d] = linkUp[d].clone();
        }
        changed[device][port] = up;
        final int peer = peerDevice[device][port];
        if (peer != NOT_CONNECTED) {
            changed[peer][peerPort[device][port]] = up;
        }
        return new Topology(this, changed);
    }

    /**
     * Whether an event at this port appears in the design documents' view: endpoint NICs, host bridges, VLAN
     * subinterfaces and NICs, the router interface, and switch ports facing hosts (not the switch port facing
     * the router or another switch).
     */
    public boolean isDocumentVisible(final int device, final int port) {
        final Device d = devices.get(device);
        if (d.role() != Role.L2_SWITCHING || !d.kind().portsAreInterfaces()) {
            return true;
        }
        final int peer = peerDevice[device][port];
        if (peer == NOT_CONNECTED) {
            return true;
        }
        final Role facing = devices.get(peer).role();
        return facing == Role.KERNEL_PLUMBING || facing == Role.HOST_STACK;
    }

    // ---- names ------------------------------------------------------------------------------------------------

    /** Endpoints in order of definition, with their short ids. */
    public Map<String, Integer> endpointIds() {
        return aliases;
    }

    /** An endpoint by short id ("vm1", case-insensitive) or display name ("Virtual Machine 1"). */
    public Optional<Integer> findEndpoint(final String idOrName) {
        final String wanted = idOrName.trim();
        for (final Map.Entry<String, Integer> e : aliases.entrySet()) {
            if (e.getKey().equalsIgnoreCase(wanted)
                    || devices.get(e.getValue()).host().equalsIgnoreCase(wanted)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The traffic source at {@code index} (an endpoint); throws if that device cannot originate traffic. */
    public TrafficSource endpoint(final int index) {
        if (!(devices.get(index) instanceof TrafficSource source)) {
            throw new IllegalArgumentException(devices.get(index).host() + " is not an endpoint");
        }
        return source;
    }

    /** The device and port where {@code host}'s interface {@code iface} is, e.g. ("Switch", "Ethernet 1/3"). */
    public Optional<PortRef> findInterface(final String host, final String iface) {
        final String wantedIface = InterfaceNames.normalize(iface);
        for (int d = 0; d < devices.size(); d++) {
            final Device device = devices.get(d);
            if (!device.host().equalsIgnoreCase(host.trim())) {
                continue;
            }
            for (int p = 0; p < device.portCount(); p++) {
                if (InterfaceNames.normalize(device.interfaceName(p)).equals(wantedIface)) {
                    return Optional.of(new PortRef(d, p));
                }
            }
        }
        return Optional.empty();
    }
}

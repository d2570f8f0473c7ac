package vnetsim.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vnetsim.device.Device;
import vnetsim.device.Endpoint;

/**
 * Assembles devices and the links between their ports, then compiles them into an immutable {@link Topology}.
 * Wiring mistakes fail loudly, naming both ends.
 */
public final class TopologyBuilder {
    private final List<Device> devices = new ArrayList<>();
    private final List<long[]> links = new ArrayList<>();     // {devA, portA, devB, portB, latencyNs}
    private final Set<Long> usedPorts = new HashSet<>();
    private final Map<String, Integer> aliases = new LinkedHashMap<>();

    /**
     * Adds a device; returns its index.
     *
     * @param device the device, configured or still to be configured (it is sealed by {@link #build()})
     * @return the device's index, 0 for the first device added, then 1, 2, ...
     */
    public int add(final Device device) {
        devices.add(device);
        return devices.size() - 1;
    }

    /**
     * Adds an endpoint with a short id ("vm1") users can type instead of its display name.
     *
     * @param shortId  the id users type ("vm1"), unique in the topology
     * @param endpoint the endpoint device
     * @return the endpoint's device index
     * @throws IllegalArgumentException when {@code shortId} is already used
     */
    public int addEndpoint(final String shortId, final Endpoint endpoint) {
        final int index = add(endpoint);
        if (aliases.putIfAbsent(shortId, index) != null) {
            throw new IllegalArgumentException("endpoint id '" + shortId + "' is used twice");
        }
        return index;
    }

    /**
     * Links two ports with the link kind's default latency.
     *
     * @param deviceA one end's device index, from {@link #add}
     * @param portA   its port index, 0 to the device's {@code portCount()} - 1
     * @param deviceB the other end's device index
     * @param portB   its port index
     * @param kind    what the link is; gives the latency ({@link LinkKind#latencyNs()})
     * @return this builder
     * @throws IllegalArgumentException when a device or port does not exist or a port is already connected
     */
    public TopologyBuilder link(final int deviceA, final int portA, final int deviceB, final int portB,
                                final LinkKind kind) {
        return link(deviceA, portA, deviceB, portB, kind.latencyNs());
    }

    /**
     * Links two ports with a one-way latency of {@code latencyNs} virtual nanoseconds (e.g. a long cable).
     *
     * @param deviceA one end's device index, from {@link #add}
     * @param portA   its port index, 0 to the device's {@code portCount()} - 1
     * @param deviceB the other end's device index
     * @param portB   its port index
     * @param latencyNs one-way latency in virtual nanoseconds, 0 or more
     * @return this builder
     * @throws IllegalArgumentException when a device or port does not exist or a port is already connected, or the latency is
     *     negative
     */
    public TopologyBuilder link(final int deviceA, final int portA, final int deviceB, final int portB,
                                final long latencyNs) {
        if (latencyNs < 0) {
            throw new IllegalArgumentException("link latency must be >= 0 ns: " + latencyNs);
        }
        checkPort(deviceA, portA);
        checkPort(deviceB, portB);
        checkFree(deviceA, portA);
        checkFree(deviceB, portB);
        links.add(new long[] {deviceA, portA, deviceB, portB, latencyNs});
        return this;
    }

    private void checkPort(final int device, final int port) {
        if (device < 0 || device >= devices.size()) {
            throw new IllegalArgumentException("no device with index " + device);
        }
        if (port < 0 || port >= devices.get(device).portCount()) {
            throw new IllegalArgumentException(describe(device, port) + " does not exist");
        }
    }

    private void checkFree(final int device, final int port) {
        if (!usedPorts.add(((long) device << 32) | port)) {
            throw new IllegalArgumentException(describe(device, port) + " is already connected");
        }
    }

    private String describe(final int device, final int port) {
        final Device d = devices.get(device);
        return "port " + port + " of " + d.host() + "/" + (port < d.portCount() ? d.portName(port) : "?");
    }

    /**
     * The immutable topology; the devices' configuration is final from now on ({@link Device#seal()}).
     *
     * @return the topology, with every link up
     */
    public Topology build() {
        for (final Device d : devices) {
            d.seal();
        }
        return new Topology(devices, links, aliases);
    }
}

package vnetsim.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.engine.FrameObserver;
import vnetsim.engine.Simulator;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.TopologyBuilder;

/**
 * The selftests' bench, in virtual time. The scripts' veth pairs become links; a host in its own VRF
 * ({@code simple_if_init}) becomes a {@link LinuxHost}; {@code $MZ} becomes a frame injected where the host's
 * interface meets the switch port; a tc ingress counter on a host becomes a count of the frames that arrived
 * there (tc ingress sees every frame, addressed to the host or not); {@code sleep} advances virtual time.
 * MACs are lib.sh's STABLE_MAC_ADDRS ones: 00:01:02:03:04:0N for NETIFS pN.
 */
final class Lab {
    /** lib.sh: PING_COUNT=10, -i 0.1. */
    static final int PING_COUNT = 10;
    static final long PING_INTERVAL_NS = 100_000_000L;
    /** ping's default data length. */
    static final int PING_DATA = 56;

    private final TopologyBuilder builder = new TopologyBuilder();
    private final List<Device> devices = new ArrayList<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<Drop> drops = new ArrayList<>();
    private Simulator sim;
    private int pingId = 0x1000;

    /** A frame as it arrived at a device's port, bytes copied at that moment. */
    record Arrival(int device, int port, byte[] bytes) {
        Frame frame() {
            return new Frame().load(bytes, 0, bytes.length);
        }
    }

    record Drop(int device, int port, DropReason reason) {
    }

    /** lib.sh STABLE_MAC_ADDRS: the MAC of NETIFS p{@code n}. */
    static long netifMac(final int n) {
        return MacAddress.parse(String.format("00:01:02:03:04:%02x", n));
    }

    static int ip(final String text) {
        return Ipv4Address.parse(text);
    }

    static long mac(final String text) {
        return MacAddress.parse(text);
    }

    int add(final Device device) {
        devices.add(device);
        return builder.add(device);
    }

    /** A VRF host with one NIC ({@code simple_if_init $h ADDR}); returns its device index. */
    int host(final String name, final String nic, final long nicMac, final String... addresses) {
        final LinuxHost h = new LinuxHost(name);
        final int port = h.addNic(nic, nicMac, 1500);
        for (final String a : addresses) {
            final String[] parts = a.split("/");
            h.addAddress(port, ip(parts[0]), Integer.parseInt(parts[1]));
        }
        return add(h);
    }

    /**
     * A VRF host whose NIC carries VLAN devices ({@code simple_if_init $h; vlan_create $h VID v$h ADDR}), and its
     * routes ({@code ip route add PREFIX vrf v$h nexthop via GW}, given as "PREFIX/LEN via GW").
     *
     * @param vlanAddresses "VID ADDR/LEN", or "0 ADDR/LEN" for an address on the NIC itself
     */
    int vlanHost(final String name, final long nicMac, final String[] vlanAddresses, final String... routes) {
        final LinuxHost h = new LinuxHost(name);
        final int port = h.addNic(name, nicMac, 1500);
        for (final String a : vlanAddresses) {
            final String[] w = a.split(" ");
            final String[] addr = w[1].split("/");
            final int vid = Integer.parseInt(w[0]);
            if (vid == 0) {
                h.addAddress(port, ip(addr[0]), Integer.parseInt(addr[1]));
            } else {
                h.addVlanAddress(port, vid, ip(addr[0]), Integer.parseInt(addr[1]));
            }
        }
        for (final String r : routes) {
            final String[] w = r.split(" via ");
            final String[] prefix = w[0].split("/");
            h.addRoute(ip(prefix[0]), Integer.parseInt(prefix[1]), ip(w[1]));
        }
        return add(h);
    }

    void link(final int a, final int portA, final int b, final int portB) {
        builder.link(a, portA, b, portB, LinkKind.VETH);
    }

    /** Cables a bridge port to a host's NIC port. */
    Lab cable(final int bridge, final int bridgePort, final int host, final int hostPort) {
        link(bridge, bridgePort, host, hostPort);
        return this;
    }

    Lab start() {
        sim = new Simulator(builder.build());
        sim.observe(new FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final Frame frame) {
                if (direction == Direction.IN) {
                    arrivals.add(new Arrival(device, port,
                            Arrays.copyOfRange(frame.bytes(), frame.start(), frame.end())));
                }
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
                drops.add(new Drop(device, port, reason));
            }
        });
        return this;
    }

    Simulator sim() {
        return sim;
    }

    long now() {
        return sim.now();
    }

    /**
     * The device as the running simulation has it (each simulation runs its own instance of the configured device:
     * run-time changes, FDB listings and counters are that instance's); before {@link #start}, the configuration.
     */
    @SuppressWarnings("unchecked")
    <T extends Device> T device(final int index) {
        return (T) (sim == null ? devices.get(index) : sim.device(index));
    }

    LinuxHost linuxHost(final int index) {
        return device(index);
    }

    LinuxBridge bridge(final int index) {
        return device(index);
    }

    /**
     * lib.sh ping_do: {@code ping DIP -c 10 -i 0.1 -w 5} from the host's VRF; true when every echo was answered
     * (ping exits non-zero when fewer than the count came back before the deadline).
     */
    boolean pingDo(final int host, final String destination) {
        return pingDo(host, destination, PING_DATA);
    }

    /** ping_do with {@code -s SIZE -M do}. */
    boolean pingDo(final int host, final String destination, final int size) {
        return pingDo(host, destination, size, PING_COUNT);
    }

    /** ping_do with {@code -s SIZE -M do} and PING_COUNT={@code count}. */
    boolean pingDo(final int host, final String destination, final int size, final int count) {
        final LinuxHost h = linuxHost(host);
        final int before = h.echoReplies();
        final int id = pingId++;
        final long start = sim.now();
        for (int seq = 1; seq <= count; seq++) {
            final int s = seq;
            sim.originate(host, out -> h.ping(ip(destination), id, s, size, out));
            sim.run();
            sim.advance(PING_INTERVAL_NS);
        }
        final boolean allAnswered = h.echoReplies() - before == count && sim.now() - start <= 5_000_000_000L;
        return allAnswered;
    }

    /** {@code $MZ $h ...}: the frame the host's interface sends arrives at the switch port it is cabled to. */
    void mz(final int device, final int port, final Frame frame) {
        sim.inject(device, port, frame.bytes(), frame.start(), frame.length());
        sim.run();
    }

    /** {@code sleep SECONDS}. */
    void sleep(final double seconds) {
        sim.advance((long) (seconds * 1e9));
    }

    /** Marks the arrival log, as tc's counters are read before the traffic. */
    int mark() {
        return arrivals.size();
    }

    /** Frames that arrived at {@code device} since {@code mark} and match (a tc flower filter on the host). */
    int arrivedSince(final int mark, final int device, final Predicate<Frame> filter) {
        int n = 0;
        for (int i = mark; i < arrivals.size(); i++) {
            final Arrival a = arrivals.get(i);
            if (a.device() == device && filter.test(a.frame())) {
                n++;
            }
        }
        return n;
    }

    List<Drop> drops() {
        return drops;
    }

    static Predicate<Frame> dstMac(final long mac) {
        return f -> f.destinationMac() == mac;
    }
}

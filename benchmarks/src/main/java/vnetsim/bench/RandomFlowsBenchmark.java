package vnetsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vnetsim.analysis.Network;
import vnetsim.device.Action;
import vnetsim.device.DeviceKind;
import vnetsim.device.LinuxBridge;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.engine.Simulator;
import vnetsim.frame.Bytes;
import vnetsim.frame.Checksum;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Packets;
import vnetsim.topology.Topology;

/**
 * Issue #5 (b): the VM1 -> VM3 path with million-entry tables and random flows, the counterpart of the C
 * reference's {@code mode=dispatch table=1000000 flows=random}.
 *
 * <p><b>Tables</b> (filled once per trial through the devices' public API): {@code entries} random unicast MACs
 * "behind VM1" learned in bridge2003 (on VM1's port) and in the switch's VLAN 2003 (on Ethernet1/3), and
 * {@code entries} random MACs "behind VM3" learned in the switch's VLAN 2004 (Ethernet1/3) and in bridge2004 (VM3's
 * port); the firewall learns the matching {@code entries} neighbours 10.128.16.0 + i -> MAC through real ARP
 * replies injected at its uplink (it has no other public way to learn). VLAN 2004 is a /9 for this
 * ({@link WideAcpTopology}).
 *
 * <p><b>Random per op:</b> a source index s and a destination index t, uniform over {@code entries} (xorshift,
 * fixed seed). <b>Measured per op:</b> writing the 60-byte (64 with FCS) UDP frame's source MAC, destination IP and
 * IPv4 checksum into a template (as the C reference's gen_frame does), {@link Simulator#inject} of that frame at
 * bridge2003's VM1 port, and {@code run()}: bridge2003 (learn s, look up the firewall), subinterface push, NIC,
 * switch (learn s in 2003), firewall (neighbour lookup of t, MAC rewrite, TTL-1, VID 2004), switch (look up t in
 * 2004), NIC, subinterface pop, bridge2004 (look up t), VM3's NIC, which drops it as not addressed to it: the
 * million destinations stand behind VM3's port, as the C reference's VM NIC stands for all of them with a mask.
 * The VM1 NIC hop is replaced by the frame write + inject, so ns per hop = ns/op / 11, as in C. Virtual time stays
 * far below the FDB ageing (checked at each iteration's end).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RandomFlows -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RandomFlowsBenchmark {
    private static final int FIRST_DESTINATION = WideAcpTopology.WIDE_NET | (16 << 8);   // 10.128.16.0
    private static final int FRAME_LENGTH = 60;

    @Param({"1000000"})
    int entries;

    // non-final on purpose (JMHSample_10)
    private Simulator sim;
    private int bridgeA;
    private int bridgeAPort;
    private int vm3;
    private byte[] template;
    private long rng = 0x9E3779B97F4A7C15L;
    private long fillTime;

    @Setup(Level.Trial)
    public void fill() {
        final Topology topology = WideAcpTopology.build();
        sim = new Simulator(topology);
        final int vm1 = Network.endpoint(topology, "vm1");
        vm3 = Network.endpoint(topology, "vm3");
        sim.ping(vm1, topology.endpoint(vm3).ip(), 0);            // learns the firewall MAC along the way
        sim.run();
        sim.advance(1_000_000L);

        bridgeA = topology.findInterface("node0", "bridge2003").orElseThrow().device();
        // this simulation's device instances: their FDBs are the ones the run uses
        final LinuxBridge bridge2003 = (LinuxBridge) sim.device(bridgeA);
        final LinuxBridge bridge2004 = (LinuxBridge) sim.device(
                topology.findInterface("node0", "bridge2004").orElseThrow().device());
        final TrunkSwitch sw = (TrunkSwitch) sim.device(Paths.deviceOfKind(topology, DeviceKind.TRUNK_SWITCH));
        final int firewall = Paths.deviceOfKind(topology, DeviceKind.ROUTING_FIREWALL);
        bridgeAPort = bridge2003.portNamed("veth-vm1");
        final int vm3Port = bridge2004.portNamed("veth-vm3");
        final int node0Port = sw.portNamed("Ethernet1/3");
        final long now = sim.now();
        for (int i = 0; i < entries; i++) {
            bridge2003.fdb().learn(sourceMac(i), 0, bridgeAPort, now);
            sw.macTable().learn(sourceMac(i), WideAcpTopology.VLAN_A, node0Port, now);
            sw.macTable().learn(destinationMac(i), WideAcpTopology.VLAN_B, node0Port, now);
            bridge2004.fdb().learn(destinationMac(i), 0, vm3Port, now);
        }
        final Frame arp = new Frame();
        for (int i = 0; i < entries; i++) {                      // ARP replies, one run each: a handful of frames
            Packets.arpReply(arp, destinationMac(i), FIRST_DESTINATION + i, RoutingFirewall.class.cast(
                    topology.device(firewall)).mac(), WideAcpTopology.WIDE_GATEWAY);
            arp.pushVlanTag(EtherType.VLAN_8021Q, WideAcpTopology.VLAN_B);
            sim.inject(firewall, RoutingFirewall.UPLINK, arp.bytes(), arp.start(), arp.length());
            sim.run();
        }
        fillTime = sim.now();
        System.out.printf("%nfilled: bridge2003 %d, switch %d, bridge2004 %d entries%n", bridge2003.fdb().size(),
                sw.macTable().size(), bridge2004.fdb().size());

        final Frame udp = new Frame();
        Packets.udp(udp, sourceMac(0), WideAcpTopology.FIREWALL_MAC, topology.endpoint(vm1).ip(), FIRST_DESTINATION,
                64, 40000, 33434, FRAME_LENGTH - 42, 1);
        template = new byte[FRAME_LENGTH];
        System.arraycopy(udp.bytes(), udp.start(), template, 0, FRAME_LENGTH);
        Bytes.u16(template, 40, 0);                              // UDP checksum 0: none (IPv4 allows it)
        Paths.check(sim, this::randomFlow, Paths.HOPS, vm3, Action.DROPPED);
    }

    @TearDown(Level.Iteration)
    public void checkSteadyState() {
        if (sim.now() - fillTime >= LinuxBridge.DEFAULT_AGEING_NS) {
            throw new IllegalStateException("virtual time passed the bridge FDB ageing: later ops flooded");
        }
    }

    @Benchmark
    public int randomFlow() {
        long x = rng;                                             // xorshift64*, as hoplimit.c's rng_next
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        rng = x;
        final long r = x * 0x2545F4914F6CDD1DL;
        final int s = (int) (((r & 0xffffffffL) * entries) >>> 32);
        final int t = (int) (((r >>> 32) * entries) >>> 32);
        final byte[] b = template;
        Bytes.mac(b, 6, sourceMac(s));
        Bytes.i32(b, 30, FIRST_DESTINATION + t);
        Bytes.u16(b, 24, 0);
        Bytes.u16(b, 24, Checksum.compute(b, 14, 20));
        final int packet = sim.inject(bridgeA, bridgeAPort, b, 0, FRAME_LENGTH);
        sim.run();
        return packet;
    }

    /** A random-looking locally administered unicast MAC for index i: a bijective mix, no table to miss in. */
    static long sourceMac(final int i) {
        return mac(i, 0x5851F42D4C957F2DL);
    }

    static long destinationMac(final int i) {
        return mac(i, 0x14057B7EF767814FL);
    }

    private static long mac(final int i, final long seed) {
        long z = (i + seed) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z & 0xfcff_ffff_ffffL) | 0x0200_0000_0000L;      // group bit clear, locally administered bit set
    }
}

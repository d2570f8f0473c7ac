package vnetsim.bench;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.util.MacAddress;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.Packets;
import vnetsim.scenario.AcpVirtualization;

/**
 * Issue #5 (d): the baseline a Java user would otherwise write: the same 11 hops (VM NIC, bridge2003,
 * subinterface push, NIC, switch, firewall route 2003 -> 2004, switch, NIC, subinterface pop, bridge2004, VM NIC)
 * with pcap4j's immutable packets and builders. Bridges and the switch learn and look up in {@code HashMap}s keyed
 * by pcap4j {@link MacAddress} (the switch by a (VLAN, MAC) record), the firewall looks its neighbour up in a
 * {@code Map<Inet4Address, MacAddress>} and rebuilds Ethernet + 802.1Q + IPv4 (new MACs, VID 2004, TTL - 1 with
 * {@code correctChecksumAtBuild}); the subinterfaces rebuild the frame with the tag pushed or popped.
 *
 * <p>{@code handoff=objects}: the packet object passes from device to device (parsed once from the guest's
 * bytes, serialised once at VM3): the cheapest pcap4j design, and the one the targets compare with.
 * {@code handoff=wire}: every device parses the bytes it receives and hands on {@code getRawData()}, which is what
 * a simulator of bytes on links (vnetsim's model) does with pcap4j. Same 74-byte UDP frame as
 * {@link EndToEndFlowBenchmark}; tables warm (learned in setup); one op = one frame VM1 -> VM3; ns per hop =
 * ns/op / 11.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Pcap4jBaseline -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Pcap4jBaselineBenchmark {
    private static final int MTU = 1500;
    private static final int BRIDGE_UPLINK = 0;
    private static final int BRIDGE_VM = 1;
    private static final int SW_FIREWALL = 0;
    private static final int SW_NODE0 = 1;

    @Param({"objects", "wire"})
    String handoff;

    record VlanMac(int vlan, MacAddress mac) {
    }

    // non-final on purpose (JMHSample_10)
    private byte[] guestFrame;
    private boolean wire;
    private MacAddress firewallMac;
    private MacAddress vm3Mac;
    private Inet4Address vlanBNet;
    private final Map<MacAddress, Integer> bridge2003 = new HashMap<>();
    private final Map<MacAddress, Integer> bridge2004 = new HashMap<>();
    private final Map<VlanMac, Integer> switchTable = new HashMap<>();
    private final Map<Inet4Address, MacAddress> neighbors = new HashMap<>();

    @Setup(Level.Trial)
    public void setUp() throws UnknownHostException {
        wire = "wire".equals(handoff);
        final long vm1 = 0x0200_0000_0000L | (Ipv4Address.parse("172.16.4.208") & 0xffff_ffffL);
        final long vm3 = 0x0200_0000_0000L | (Ipv4Address.parse("172.16.5.10") & 0xffff_ffffL);
        final long fw = vnetsim.frame.MacAddress.parse("00:1b:17:00:01:01");
        final Frame f = Packets.udp(new Frame(), vm1, fw, Ipv4Address.parse("172.16.4.208"),
                Ipv4Address.parse("172.16.5.10"), 64, 40000, 33434, 32, 1);
        guestFrame = new byte[f.length()];
        System.arraycopy(f.bytes(), f.start(), guestFrame, 0, f.length());
        firewallMac = mac(fw);
        vm3Mac = mac(vm3);
        vlanBNet = (Inet4Address) InetAddress.getByName("172.16.5.0");
        bridge2003.put(mac(vm1), BRIDGE_VM);                       // warm: what the warm-up ping would learn
        bridge2003.put(firewallMac, BRIDGE_UPLINK);
        switchTable.put(new VlanMac(AcpVirtualization.VLAN_A, mac(vm1)), SW_NODE0);
        switchTable.put(new VlanMac(AcpVirtualization.VLAN_A, firewallMac), SW_FIREWALL);
        switchTable.put(new VlanMac(AcpVirtualization.VLAN_B, firewallMac), SW_FIREWALL);
        switchTable.put(new VlanMac(AcpVirtualization.VLAN_B, vm3Mac), SW_NODE0);
        bridge2004.put(firewallMac, BRIDGE_UPLINK);
        bridge2004.put(vm3Mac, BRIDGE_VM);
        neighbors.put((Inet4Address) InetAddress.getByName("172.16.5.10"), vm3Mac);
        if (udpVm1ToVm3() != guestFrame.length + 63) {
            throw new IllegalStateException("the pcap4j path did not deliver the frame with TTL 63");
        }
    }

    @Benchmark
    public int udpVm1ToVm3() {
        EthernetPacket p = parse(guestFrame);                                       // 1 VM1 NIC
        if (p.length() > MTU + 14) {
            throw new IllegalStateException("MTU");
        }
        p = bridge(handOff(p), bridge2003, BRIDGE_VM, BRIDGE_UPLINK);                // 2 bridge2003
        p = pushTag(handOff(p), AcpVirtualization.VLAN_A);                          // 3 subinterface .2003
        p = nicToWire(handOff(p));                                                  // 4 node0 NIC
        p = switchPort(handOff(p), SW_NODE0, SW_FIREWALL);                          // 5 switch
        p = route(handOff(p));                                                      // 6 firewall
        p = switchPort(handOff(p), SW_FIREWALL, SW_NODE0);                          // 7 switch
        p = nicFromWire(handOff(p), AcpVirtualization.VLAN_B);                      // 8 node0 NIC
        p = popTag(handOff(p));                                                     // 9 subinterface .2004
        p = bridge(handOff(p), bridge2004, BRIDGE_UPLINK, BRIDGE_VM);                // 10 bridge2004
        p = handOff(p);                                                             // 11 VM3 NIC
        if (!p.getHeader().getDstAddr().equals(vm3Mac)) {
            throw new IllegalStateException("not for VM3");
        }
        final byte[] delivered = p.getRawData();
        return delivered.length + p.get(IpV4Packet.class).getHeader().getTtlAsInt();
    }

    private EthernetPacket handOff(final EthernetPacket p) {
        return wire ? parse(p.getRawData()) : p;
    }

    private static EthernetPacket parse(final byte[] bytes) {
        try {
            return EthernetPacket.newPacket(bytes, 0, bytes.length);
        } catch (final IllegalRawDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EthernetPacket bridge(final EthernetPacket p, final Map<MacAddress, Integer> fdb, final int in,
                                         final int expectedOut) {
        final EthernetPacket.EthernetHeader h = p.getHeader();
        fdb.put(h.getSrcAddr(), in);
        final Integer out = fdb.get(h.getDstAddr());
        if (out == null || out != expectedOut) {
            throw new IllegalStateException("bridge lookup");
        }
        return p;
    }

    private static EthernetPacket pushTag(final EthernetPacket p, final int vid) {
        final EthernetPacket.EthernetHeader h = p.getHeader();
        final Dot1qVlanTagPacket.Builder tag = new Dot1qVlanTagPacket.Builder().priority((byte) 0).cfi(false)
                .vid((short) vid).type(h.getType()).payloadBuilder(p.getPayload().getBuilder());
        return new EthernetPacket.Builder().dstAddr(h.getDstAddr()).srcAddr(h.getSrcAddr())
                .type(EtherType.DOT1Q_VLAN_TAGGED_FRAMES).payloadBuilder(tag).paddingAtBuild(true).build();
    }

    private static EthernetPacket popTag(final EthernetPacket p) {
        final Dot1qVlanTagPacket tag = p.get(Dot1qVlanTagPacket.class);
        return p.getBuilder().type(tag.getHeader().getType()).payloadBuilder(tag.getPayload().getBuilder())
                .paddingAtBuild(true).build();
    }

    private static EthernetPacket nicToWire(final EthernetPacket p) {
        final Dot1qVlanTagPacket tag = p.get(Dot1qVlanTagPacket.class);
        if (tag.getPayload().length() > MTU) {
            throw new IllegalStateException("MTU");
        }
        return p;
    }

    private static EthernetPacket nicFromWire(final EthernetPacket p, final int subinterfaceVid) {
        final Dot1qVlanTagPacket tag = p.get(Dot1qVlanTagPacket.class);
        if (tag == null || tag.getHeader().getVidAsInt() != subinterfaceVid) {
            throw new IllegalStateException("no subinterface");
        }
        return p;
    }

    private EthernetPacket switchPort(final EthernetPacket p, final int in, final int expectedOut) {
        final Dot1qVlanTagPacket tag = p.get(Dot1qVlanTagPacket.class);
        final int vlan = tag.getHeader().getVidAsInt();
        if (vlan < AcpVirtualization.VLAN_A || vlan > AcpVirtualization.VLAN_C) {
            throw new IllegalStateException("VLAN not allowed");
        }
        final EthernetPacket.EthernetHeader h = p.getHeader();
        switchTable.put(new VlanMac(vlan, h.getSrcAddr()), in);
        final Integer out = switchTable.get(new VlanMac(vlan, h.getDstAddr()));
        if (out == null || out != expectedOut) {
            throw new IllegalStateException("switch lookup");
        }
        return p;
    }

    private EthernetPacket route(final EthernetPacket p) {
        final Dot1qVlanTagPacket tag = p.get(Dot1qVlanTagPacket.class);
        if (tag.getHeader().getVidAsInt() != AcpVirtualization.VLAN_A || !p.getHeader().getDstAddr().equals(firewallMac)) {
            throw new IllegalStateException("not for the router");
        }
        final IpV4Packet ip = p.get(IpV4Packet.class);
        final Inet4Address destination = ip.getHeader().getDstAddr();
        final byte[] d = destination.getAddress();
        final byte[] net = vlanBNet.getAddress();
        if (d[0] != net[0] || d[1] != net[1] || d[2] != net[2]) {
            throw new IllegalStateException("no route");
        }
        final int ttl = ip.getHeader().getTtlAsInt();
        if (ttl <= 1) {
            throw new IllegalStateException("TTL");
        }
        final MacAddress nextHop = neighbors.get(destination);
        final IpV4Packet.Builder ipBuilder = ip.getBuilder().ttl((byte) (ttl - 1)).correctChecksumAtBuild(true);
        final Dot1qVlanTagPacket.Builder tagBuilder = tag.getBuilder().vid((short) AcpVirtualization.VLAN_B)
                .payloadBuilder(ipBuilder);
        return p.getBuilder().srcAddr(firewallMac).dstAddr(nextHop).payloadBuilder(tagBuilder)
                .paddingAtBuild(true).build();
    }

    private static MacAddress mac(final long mac) {
        final byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (mac >>> (40 - 8 * i));
        }
        return MacAddress.getByAddress(b);
    }
}

package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vnetsim.device.LinuxBridge;
import vnetsim.device.PhysicalNic;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Icmp;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * tools/testing/selftests/net/forwarding/no_forwarding.sh: h1 sends unicast, multicast and broadcast non-IP frames
 * and unicast and multicast IPv4 pings, untagged and through VLAN devices for 15 VIDs; nothing may reach h2 when
 * swp1 and swp2 are standalone, in two different bridges, or in one VLAN-aware bridge with different PVIDs.
 * tcpdump on h2 becomes the frames that arrived at h2; check_rcv's patterns become frame predicates. The IPv6
 * checks (unicast and multicast, untagged and per VID: 32 per test) are out of scope.
 */
@DisplayName("no_forwarding.sh")
class NoForwardingTest {
    /** The full 4K VLAN space is too much to check, so strategically pick some values (1000 twice, as the script). */
    private static final int[] VIDS = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1000, 2000, 4000, 4094};
    private static final long SMAC = netifMac(1);
    private static final long DMAC = netifMac(3);
    private static final long NON_IP_MC = MacAddress.parse("01:02:03:04:05:06");
    private static final long MACV4_ALLNODES = MacAddress.parse("01:00:5e:00:00:01");
    private static final int H1_IPV4 = ip("192.0.2.1");
    private static final int H2_IPV4 = ip("192.0.2.2");
    private static final int IPV4_ALLNODES = ip("224.0.0.1");

    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h2;
    private int ingressDevice;
    private int ingressPort;

    /** send_non_ip IF SMAC DMAC: "DMAC SMAC 00:04 48:45:4c:4f", an 802.3 frame of length 4. */
    private static Frame nonIp(final long dmac, final int vid) {
        final byte[] b = new byte[60];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (dmac >>> (40 - 8 * i));
            b[6 + i] = (byte) (SMAC >>> (40 - 8 * i));
        }
        b[13] = 4;
        b[14] = 0x48;
        b[15] = 0x45;
        b[16] = 0x4c;
        b[17] = 0x4f;
        final Frame f = new Frame().load(b, 0, b.length);
        return tag(f, vid);
    }

    private static Frame tag(final Frame f, final int vid) {
        if (vid >= 0) {
            f.pushVlanTag(EtherType.VLAN_8021Q, vid);       // sent through the VLAN device $h1.$vid
        }
        return f;
    }

    /** One echo request of ping_do (10 are sent) from 192.0.2.1. */
    private static Frame echo(final long dmac, final int dip, final int vid, final int seq) {
        return tag(Packets.icmpEcho(new Frame(), SMAC, dmac, H1_IPV4, dip, 64, Icmp.ECHO_REQUEST, 0x4242, seq, 56, seq),
                vid);
    }

    private void send(final int vid) {
        lab.mz(ingressDevice, ingressPort, nonIp(DMAC, vid));
        lab.mz(ingressDevice, ingressPort, nonIp(NON_IP_MC, vid));
        lab.mz(ingressDevice, ingressPort, nonIp(MacAddress.BROADCAST, vid));
        for (int seq = 1; seq <= Lab.PING_COUNT; seq++) {
            lab.mz(ingressDevice, ingressPort, echo(DMAC, H2_IPV4, vid, seq));       // send_uc_ipv4 (ip neigh add)
        }
        for (int seq = 1; seq <= Lab.PING_COUNT; seq++) {
            lab.mz(ingressDevice, ingressPort, echo(MACV4_ALLNODES, IPV4_ALLNODES, vid, seq));  // send_mc_ipv4
        }
    }

    /** The frame as tcpdump on h2 would classify it: untagged (vid -1) or the outer VID, then the kind. */
    private static Predicate<Frame> seen(final int vid, final long dmac, final boolean ipv4, final int dip) {
        return f -> {
            final boolean tagged = f.outerType() == EtherType.VLAN_8021Q;
            if (vid < 0 ? tagged : !tagged || f.vlanId() != vid) {
                return false;
            }
            if (f.destinationMac() != dmac || f.sourceMac() != SMAC) {
                return false;
            }
            final int type = f.etherType();
            if (!ipv4) {
                return type <= 1500;                                       // 802.3, length 4
            }
            return type == EtherType.IPV4 && Ipv4.source(f.bytes(), f.l3Offset()) == H1_IPV4
                    && Ipv4.destination(f.bytes(), f.l3Offset()) == dip;
        };
    }

    private Stream<DynamicTest> runTest(final String testName) {
        final int mark = lab.mark();
        send(-1);
        for (final int vid : VIDS) {
            send(vid);
        }
        lab.sleep(1);
        checks.in("run_test");
        checkRcv(mark, testName + ": Unicast non-IP untagged", seen(-1, DMAC, false, 0));
        checkRcv(mark, testName + ": Multicast non-IP untagged", seen(-1, NON_IP_MC, false, 0));
        checkRcv(mark, testName + ": Broadcast non-IP untagged", seen(-1, MacAddress.BROADCAST, false, 0));
        checkRcv(mark, testName + ": Unicast IPv4 untagged", seen(-1, DMAC, true, H2_IPV4));
        checkRcv(mark, testName + ": Multicast IPv4 untagged", seen(-1, MACV4_ALLNODES, true, IPV4_ALLNODES));
        for (final int vid : VIDS) {
            checkRcv(mark, testName + ": Unicast non-IP VID " + vid, seen(vid, DMAC, false, 0));
            checkRcv(mark, testName + ": Multicast non-IP VID " + vid, seen(vid, NON_IP_MC, false, 0));
            checkRcv(mark, testName + ": Broadcast non-IP VID " + vid, seen(vid, MacAddress.BROADCAST, false, 0));
            checkRcv(mark, testName + ": Unicast IPv4 VID " + vid, seen(vid, DMAC, true, H2_IPV4));
            checkRcv(mark, testName + ": Multicast IPv4 VID " + vid, seen(vid, MACV4_ALLNODES, true, IPV4_ALLNODES));
        }
        return checks.asTests(80);
    }

    /** check_rcv IF TYPE PATTERN: should_fail=1, the pattern must not be found. */
    private void checkRcv(final int mark, final String type, final Predicate<Frame> pattern) {
        checks.fail(lab.arrivedSince(mark, h2, pattern) > 0, type);
    }

    private int hosts() {
        lab.host("h1", "h1", SMAC, "192.0.2.1/24");
        h2 = lab.host("h2", "h2", DMAC, "192.0.2.2/24");
        return 0;
    }

    @TestFactory
    Stream<DynamicTest> standalone() {
        hosts();
        final int swp1 = lab.add(new PhysicalNic("switch", "swp1", netifMac(2), 1500));
        final int swp2 = lab.add(new PhysicalNic("switch", "swp2", netifMac(4), 1500));
        lab.link(0, 0, swp1, PhysicalNic.WIRE);
        lab.link(swp2, PhysicalNic.WIRE, h2, 0);
        lab.start();
        ingressDevice = swp1;
        ingressPort = PhysicalNic.WIRE;
        return runTest("Standalone switch ports");
    }

    @TestFactory
    Stream<DynamicTest> two_bridges() {
        hosts();
        final LinuxBridge br0 = new LinuxBridge("switch", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        final int swp1 = br0.addPort(br0.defaultPort("swp1", 1500), netifMac(2));
        final LinuxBridge br1 = new LinuxBridge("switch", "br1", false, LinuxBridge.DEFAULT_AGEING_NS);
        final int swp2 = br1.addPort(br1.defaultPort("swp2", 1500), netifMac(4));
        final int b0 = lab.add(br0);
        final int b1 = lab.add(br1);
        lab.link(0, 0, b0, swp1);
        lab.link(b1, swp2, h2, 0);
        lab.start();
        ingressDevice = b0;
        ingressPort = swp1;
        return runTest("Switch ports in different bridges");
    }

    @TestFactory
    Stream<DynamicTest> one_bridge_two_pvids() {
        hosts();
        final LinuxBridge br0 = new LinuxBridge("switch", "br0", true, LinuxBridge.DEFAULT_AGEING_NS, 0);
        final int swp1 = br0.addPort(br0.defaultPort("swp1", 1500), netifMac(2));
        final int swp2 = br0.addPort(br0.defaultPort("swp2", 1500), netifMac(4));
        final int b0 = lab.add(br0);
        lab.link(0, 0, b0, swp1);
        lab.link(b0, swp2, h2, 0);
        lab.start();
        lab.bridge(b0).vlanAdd(swp1, 1, true, true);
        lab.bridge(b0).vlanAdd(swp1, 2, true, true);
        ingressDevice = b0;
        ingressPort = swp1;
        return runTest("Switch ports in VLAN-aware bridge with different PVIDs");
    }
}

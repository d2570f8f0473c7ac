package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.bridge.BridgeFdb;
import vnetsim.device.bridge.FdbEntry;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * tools/testing/selftests/net/forwarding/bridge_fdb_local_vlan_0.sh: the bridge "br" (192.0.2.3/28, vlan_default_pvid
 * 0, VLANs 1-3 on itself and on swp1, swp2) keeps local FDB entries for its own and its ports' MACs on VLAN 0 and on
 * every VLAN, or with fdb_local_vlan_0 on VLAN 0 only, where a miss in the frame's VLAN finds them; either way UDP
 * that h1 sends to swp1's or br's MAC is routed to h3 (192.0.2.18/28 behind swp3, 192.0.2.17/28). tc's counter on a
 * host is the number of UDP datagrams to port 4096 that arrived there. The IPv6 addresses play no part in any check.
 */
@DisplayName("bridge_fdb_local_vlan_0.sh")
class BridgeFdbLocalVlan0Test {
    private static final long P_MAC = MacAddress.parse("00:11:22:33:44:55");
    private static final long B_MAC = MacAddress.parse("00:11:22:33:44:66");
    private static final long M_MAC = MacAddress.parse("00:11:22:33:44:77");
    private static final long X_MAC = MacAddress.parse("00:11:22:33:44:88");
    private static final String[] DEVS = {"swp1", "swp2", "br"};

    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h2;
    private int h3;
    private int brDevice;
    private int swp1;
    private int swp2;

    /** setup_prepare plus adf_bridge_create / adf_addr_set_bridge_create. */
    private void setup(final boolean vlanFiltering, final boolean localVlan0, final boolean addrSetFirst) {
        lab.vlanHost("h1", netifMac(1), new String[] {"0 192.0.2.1/28"}, "192.0.2.16/28 via 192.0.2.3");
        h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.2/28"}, "192.0.2.16/28 via 192.0.2.3");
        h3 = lab.vlanHost("h3", netifMac(6), new String[] {"0 192.0.2.18/28"}, "192.0.2.0/28 via 192.0.2.17");
        final LinuxBridge br = new LinuxBridge("switch", "br", vlanFiltering, LinuxBridge.DEFAULT_AGEING_NS, 0);
        br.setFdbLocalVlan0(localVlan0);
        final long mac = br.mac();                                     // mac=$(mac_get br), the random one
        if (addrSetFirst) {
            br.setMac(mac);
        }
        // adf_bridge_configure
        br.selfVlanAdd(1, true, true);
        br.selfVlanAdd(2, false, false);
        br.selfVlanAdd(3, false, false);
        swp1 = br.addPort(br.defaultPort("swp1", 1500), netifMac(2));
        swp2 = br.addPort(br.defaultPort("swp2", 1500), netifMac(3));
        for (final int port : new int[] {swp1, swp2}) {
            br.vlanAdd(port, 1, true, true);
            br.vlanAdd(port, 2, false, false);
            br.vlanAdd(port, 3, false, false);
        }
        if (!addrSetFirst) {
            br.setMac(mac);                                            // adf_ip_link_set_addr br "$mac"
        }
        final int brHost = br.addHostPort();
        final LinuxHost sw = new LinuxHost("switch");
        final int brPort = sw.addBridgeDevice(br);
        sw.addAddress(brPort, ip("192.0.2.3"), 28);
        final int swp3 = sw.addNic("swp3", netifMac(5), 1500);
        sw.addAddress(swp3, ip("192.0.2.17"), 28);
        sw.setForwarding(true);
        brDevice = lab.add(br);
        final int s = lab.add(sw);
        lab.cable(brDevice, swp1, 0, 0).cable(brDevice, swp2, h2, 0);
        lab.link(brDevice, brHost, s, brPort);
        lab.link(s, swp3, h3, 0);
        lab.start();
    }

    private LinuxBridge br() {
        return lab.bridge(brDevice);
    }

    private long macGet(final String dev) {
        return switch (dev) {
            case "swp1" -> br().portMac(swp1);
            case "swp2" -> br().portMac(swp2);
            default -> br().mac();
        };
    }

    private int portOf(final String dev) {
        return switch (dev) {
            case "swp1" -> swp1;
            case "swp2" -> swp2;
            default -> BridgeFdb.BRIDGE_DEVICE;
        };
    }

    /** check_mac_presence SHOULD_FAIL DEV VLAN: bridge -j fdb show dev DEV | select(.mac == MAC and .vlan == VLAN). */
    private void checkMacPresence(final boolean shouldFail, final String dev, final int vlan) {
        final long mac = macGet(dev);
        boolean found = false;
        for (final FdbEntry e : br().fdbShow(lab.now())) {
            found |= e.port() == portOf(dev) && e.mac() == mac && e.vid() == vlan;
        }
        checks.errFail(shouldFail, found, "FDB dev " + dev + " vid " + (vlan == 0 ? "null" : vlan) + " addr "
                + MacAddress.format(mac) + " exists");
    }

    private void doSharingTest(final boolean shouldFail, final String what) {
        checks.in(what);
        for (final String dev : DEVS) {
            checkMacPresence(false, dev, 0);
            checkMacPresence(shouldFail, dev, 1);
            checkMacPresence(shouldFail, dev, 2);
            checkMacPresence(shouldFail, dev, 3);
        }
    }

    private static Predicate<Frame> udp4096() {
        return f -> f.outerType() == EtherType.IPV4 && Ipv4.protocol(f.bytes(), f.l3Offset()) == Ipv4.PROTOCOL_UDP
                && (((f.bytes()[f.l3Offset() + 22] & 0xff) << 8) | (f.bytes()[f.l3Offset() + 23] & 0xff)) == 4096;
    }

    /**
     * do_end_to_end_test MAC WHAT [PROBE_DEV] [EXPECT]: {@code $MZ $h1 -c 10 -p 64 -a own -b MAC -A 192.0.2.1 -B
     * 192.0.2.18 -t udp "dp=4096,sp=2048"}, then the UDP count on the probe host must have grown by EXPECT.
     */
    private void doEndToEndTest(final long mac, final String what, final int probeDev, final int expect) {
        checks.in(what);
        final int mark = lab.mark();
        for (int i = 0; i < 10; i++) {
            lab.mz(brDevice, swp1, Packets.udp(new Frame(), netifMac(1), mac, ip("192.0.2.1"), ip("192.0.2.18"), 64,
                    2048, 4096, 18, i + 1));
        }
        lab.sleep(1);
        final int dd = lab.arrivedSince(mark, probeDev, udp4096());
        checks.err(dd == expect, "Expected " + expect + " packets on " + lab.device(probeDev).host() + " got " + dd);
    }

    private void doTests(final boolean shouldFail, final String what) {
        final long swp1Mac = br().portMac(swp1);
        final long brMac = br().mac();
        doSharingTest(shouldFail, what);
        doEndToEndTest(swp1Mac, what + ": end to end, swp1 MAC", h3, 10);
        doEndToEndTest(brMac, what + ": end to end, br MAC", h3, 10);
    }

    private static String standard(final boolean vlanFiltering) {
        return vlanFiltering ? "802.1q" : "802.1d";
    }

    private void changeMacs() {
        br().setPortMac(swp1, P_MAC);           // change_mac $swp1 $pMAC
        br().setMac(B_MAC);                     // change_mac br $bMAC
    }

    private Stream<DynamicTest> doTestNoSharing(final boolean vlanFiltering) {
        final String standard = standard(vlanFiltering);
        setup(vlanFiltering, false, false);
        doTests(false, standard + ", no FDB sharing");
        changeMacs();
        doTests(false, standard + ", no FDB sharing after MAC change");
        br().setFdbLocalVlan0(true);            // ip link set dev br type bridge fdb_local_vlan_0 1
        doTests(true, standard + ", fdb sharing after toggle");
        return checks.asTests(42);
    }

    private Stream<DynamicTest> doTestSharing(final boolean vlanFiltering) {
        final String standard = standard(vlanFiltering);
        setup(vlanFiltering, true, false);
        doTests(true, standard + ", FDB sharing");
        // nonexistent_fdb_test: we expect flooding, so h2 should get the traffic
        doEndToEndTest(X_MAC, standard + ": Nonexistent FDB", h2, 10);
        // misleading_fdb_test: an entry on VLAN 0 only; a VLAN-aware bridge must not pick it up
        br().fdbAdd(M_MAC, swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.PERMANENT, false, lab.now());
        for (int vid = 1; vid <= 3; vid++) {
            br().fdbDel(M_MAC, swp1, vid, lab.now());
        }
        doEndToEndTest(M_MAC, standard + ": Lookup of non-local MAC on VLAN 0", h2, vlanFiltering ? 10 : 0);
        br().fdbDel(M_MAC, swp1, 0, lab.now());                         // defer_scope_pop
        changeMacs();
        doTests(true, standard + ", FDB sharing after MAC change");
        br().setFdbLocalVlan0(false);
        doTests(false, standard + ", No FDB sharing after toggle");
        return checks.asTests(44);
    }

    @TestFactory
    Stream<DynamicTest> test_d_no_sharing() {
        return doTestNoSharing(false);
    }

    @TestFactory
    Stream<DynamicTest> test_d_sharing() {
        return doTestSharing(false);
    }

    @TestFactory
    Stream<DynamicTest> test_q_no_sharing() {
        return doTestNoSharing(true);
    }

    @TestFactory
    Stream<DynamicTest> test_q_sharing() {
        return doTestSharing(true);
    }

    @TestFactory
    Stream<DynamicTest> test_addr_set() {
        setup(false, false, true);
        doEndToEndTest(br().mac(), "NET_ADDR_SET: end to end, br MAC", h3, 10);
        return checks.asTests(1);
    }
}

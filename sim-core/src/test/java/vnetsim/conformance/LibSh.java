package vnetsim.conformance;

import vnetsim.device.LinuxBridge;
import vnetsim.device.bridge.FdbEntry;
import vnetsim.device.bridge.PortFlag;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * The shared test functions of tools/testing/selftests/net/forwarding/lib.sh (learning_test, flood_test_do,
 * flood_unicast_test, flood_multicast_test), translated: {@code $MZ} frames are injected at the bridge port the
 * sending host is cabled to, the tc drop filter on a host becomes a count of the frames that reached it with that
 * destination MAC, {@code bridge fdb show} is the bridge's FDB listing, {@code sleep} advances virtual time.
 */
final class LibSh {
    static final long TEST_MAC = MacAddress.parse("de:ad:be:ef:13:37");

    private LibSh() {
    }

    /** {@code $MZ $if -c 1 -p 64 [-a SRC] [-b DST] [-B DIP] -t ip}: an IPv4 datagram; mausezahn's default DST is broadcast. */
    static Frame mzIp(final long src, final long dst, final int dstIp) {
        return Packets.udp(new Frame(), src, dst, Lab.ip("192.0.2.254"), dstIp, 64, 2048, 4096, 36, 1);
    }

    /** {@code bridge -j fdb show br BR brport PORT | jq '.[] | select(.mac == MAC)'} found something. */
    static boolean fdbHas(final Lab lab, final LinuxBridge br, final int port, final long mac) {
        for (final FdbEntry e : br.fdbShow(lab.now())) {
            if (e.port() == port && e.mac() == mac) {
                return true;
            }
        }
        return false;
    }

    /**
     * learning_test BRIDGE BR_PORT1 HOST1_IF HOST2_IF.
     *
     * @param brPort1  the bridge port cabled to host 1
     * @param host1    host 1's device (where the tc counter sits)
     * @param h1Mac    host 1's MAC
     * @param brPort2  the bridge port cabled to host 2 (where host 2's frames enter)
     * @param h2Mac    host 2's MAC
     */
    static void learningTest(final Lab lab, final Checks c, final int bridge, final int brPort1, final int host1,
                             final long h1Mac, final int brPort2, final long h2Mac) {
        final LinuxBridge br = lab.bridge(bridge);
        c.in("learning_test");
        c.fail(fdbHas(lab, br, brPort1, TEST_MAC), "Found FDB record when should not");

        br.setPortFlag(brPort1, PortFlag.FLOOD, false);

        int mark = lab.mark();
        lab.mz(bridge, brPort2, mzIp(h2Mac, TEST_MAC, Lab.ip("192.0.2.254")));
        lab.sleep(1);
        c.fail(lab.arrivedSince(mark, host1, Lab.dstMac(TEST_MAC)) == 1, "Packet reached first host when should not");

        lab.mz(bridge, brPort1, mzIp(TEST_MAC, MacAddress.BROADCAST, Lab.ip("192.0.2.254")));
        lab.sleep(1);
        c.err(fdbHas(lab, br, brPort1, TEST_MAC), "Did not find FDB record when should");

        mark = lab.mark();
        lab.mz(bridge, brPort2, mzIp(h2Mac, TEST_MAC, Lab.ip("192.0.2.254")));
        lab.sleep(1);
        c.err(lab.arrivedSince(mark, host1, Lab.dstMac(TEST_MAC)) == 1, "Packet did not reach second host when should");

        // Wait for 10 seconds after the ageing time to make sure FDB record was aged-out.
        lab.sleep(br.fdb().ageingNs() / 1e9 + 10);
        c.fail(fdbHas(lab, br, brPort1, TEST_MAC), "Found FDB record when should not");

        br.setPortFlag(brPort1, PortFlag.LEARNING, false);
        lab.mz(bridge, brPort1, mzIp(TEST_MAC, MacAddress.BROADCAST, Lab.ip("192.0.2.254")));
        lab.sleep(1);
        c.fail(fdbHas(lab, br, brPort1, TEST_MAC), "Found FDB record when should not");

        br.setPortFlag(brPort1, PortFlag.LEARNING, true);
        br.setPortFlag(brPort1, PortFlag.FLOOD, true);
    }

    /** flood_test_do SHOULD_FLOOD MAC IP HOST1_IF HOST2_IF: true when it returned 0. */
    static boolean floodTestDo(final Lab lab, final boolean shouldFlood, final long mac, final String ip,
                               final int bridge, final int brPort1, final long h1Mac, final int host2) {
        final int mark = lab.mark();
        lab.mz(bridge, brPort1, mzIp(h1Mac, mac, Lab.ip(ip)));
        lab.sleep(1);
        final boolean reached = lab.arrivedSince(mark, host2, Lab.dstMac(mac)) == 1;
        return reached == shouldFlood;
    }

    /**
     * flood_test BR_PORT HOST1_IF HOST2_IF (flood_unicast_test then flood_multicast_test).
     *
     * @param brPort  the bridge port cabled to host 2, whose flags are toggled
     * @param brPort1 the bridge port host 1 sends into
     */
    static void floodTest(final Lab lab, final Checks c, final int bridge, final int brPort, final int brPort1,
                          final long h1Mac, final int host2) {
        final LinuxBridge br = lab.bridge(bridge);
        final long unicast = TEST_MAC;
        c.in("flood_unicast_test");
        br.setPortFlag(brPort, PortFlag.FLOOD, false);
        c.err(floodTestDo(lab, false, unicast, "192.0.2.100", bridge, brPort1, h1Mac, host2),
                "Packet flooded when should not");
        br.setPortFlag(brPort, PortFlag.FLOOD, true);
        c.err(floodTestDo(lab, true, unicast, "192.0.2.100", bridge, brPort1, h1Mac, host2),
                "Packet was not flooded when should");

        final long multicast = MacAddress.parse("01:00:5e:00:00:01");
        c.in("flood_multicast_test");
        br.setPortFlag(brPort, PortFlag.MCAST_FLOOD, false);
        c.err(floodTestDo(lab, false, multicast, "239.0.0.1", bridge, brPort1, h1Mac, host2),
                "Packet flooded when should not");
        br.setPortFlag(brPort, PortFlag.MCAST_FLOOD, true);
        c.err(floodTestDo(lab, true, multicast, "239.0.0.1", bridge, brPort1, h1Mac, host2),
                "Packet was not flooded when should");
    }
}

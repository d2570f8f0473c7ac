package vnetsim.conformance;

import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.bridge.BridgeFdb;
import vnetsim.frame.Frame;
import vnetsim.frame.Packets;

/**
 * tools/testing/selftests/net/forwarding/bridge_sticky_fdb.sh: a sticky static entry for TEST_MAC on swp1 stays on
 * swp1 when the same MAC shows up as a source on swp2 (br_fdb_update(): sticky entries never roam).
 */
@DisplayName("bridge_sticky_fdb.sh")
class BridgeStickyFdbTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int br0;
    private int swp1;
    private int swp2;

    @BeforeEach
    void setupPrepare() {
        final int h1 = lab.host("h1", "h1", netifMac(1));
        final int h2 = lab.host("h2", "h2", netifMac(3));
        final LinuxBridge bridge = new LinuxBridge("switch", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        swp1 = bridge.addPort(bridge.defaultPort("swp1", 1500), netifMac(2));
        swp2 = bridge.addPort(bridge.defaultPort("swp2", 1500), netifMac(4));
        br0 = lab.add(bridge);
        lab.cable(br0, swp1, h1, 0).cable(br0, swp2, h2, 0).start();
    }

    private void sticky() {
        final LinuxBridge br = lab.bridge(br0);
        checks.in("sticky");
        boolean added;
        try {
            br.fdbAdd(LibSh.TEST_MAC, swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.STATIC, true, lab.now());
            added = true;
        } catch (IllegalArgumentException e) {
            added = false;
        }
        checks.err(added, "Could not add fdb entry");
        br.fdbDel(LibSh.TEST_MAC, swp1, 1, lab.now());
        // $MZ $h2 -c 1 -a $TEST_MAC -t arp "request"
        final Frame arp = Packets.arpRequest(new Frame(), LibSh.TEST_MAC, Lab.ip("192.0.2.2"), Lab.ip("192.0.2.1"));
        lab.mz(br0, swp2, arp);
        checks.err(LibSh.fdbHas(lab, br, swp1, LibSh.TEST_MAC), "Did not find FDB record when should");
    }

    @Test
    void sticky__entry_added() {
        sticky();
        checks.assertPassed(0, "Could not add fdb entry");
    }

    @Test
    void sticky__entry_did_not_roam_to_the_port_the_mac_was_seen_on() {
        sticky();
        checks.assertPassed(1, "Did not find FDB record when should");
    }
}

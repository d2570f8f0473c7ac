package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_bridge_vlan.sh: br1 (vlan_filtering 1, vlan_default_pvid 0) with
 * {@code bridge vlan add dev br1 vid 555 self pvid untagged} carries 192.0.2.2/28; swp1 carries VID 555 tagged, so
 * h1's h1.555 reaches the bridge's own address untagged. ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("router_bridge_vlan.sh")
class RouterBridgeVlanTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private LinuxBridge br1;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"555 192.0.2.1/28"}, "192.0.2.128/28 via 192.0.2.2");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.130/28"}, "192.0.2.0/28 via 192.0.2.129");
        br1 = new LinuxBridge("router", "br1", true, LinuxBridge.DEFAULT_AGEING_NS, 0);
        final int swp1 = br1.addPort(br1.defaultPort("swp1", 1500), netifMac(2));
        br1.selfVlanAdd(555, true, true);
        br1.vlanAdd(swp1, 555, false, false);
        final int brHost = br1.addHostPort();
        final LinuxHost router = new LinuxHost("router");
        final int brDev = router.addBridgeDevice(br1);
        router.addAddress(brDev, ip("192.0.2.2"), 28);
        final int swp2 = router.addNic("swp2", netifMac(3), 1500);
        router.addAddress(swp2, ip("192.0.2.129"), 28);
        router.setForwarding(true);
        final int bridge = lab.add(br1);
        final int r = lab.add(router);
        lab.cable(bridge, swp1, h1, 0);
        lab.link(bridge, brHost, r, brDev);
        lab.link(r, swp2, h2, 0);
        lab.start();
        br1 = lab.bridge(bridge);                          // the running simulation's instance
    }

    @Test
    @DisplayName("ping_test $h1 192.0.2.130")
    void ping_ipv4__ping_test() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.130"), "ping");
        checks.assertPassed(0, "ping");
    }

    private void vlan() {
        checks.in("vlan");
        checks.err(attempt(() -> br1.selfVlanAdd(333, false, false)) && br1.selfVlans().carries(333),
                "Can't add a non-PVID VLAN");
        checks.err(attempt(() -> br1.selfVlanDel(333)) && !br1.selfVlans().carries(333),
                "Can't remove a non-PVID VLAN");
    }

    static boolean attempt(final Runnable command) {
        try {
            command.run();
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    @Test
    void vlan__add_non_pvid_vlan_to_bridge_device() {
        vlan();
        checks.assertPassed(0, "Can't add a non-PVID VLAN");
    }

    @Test
    void vlan__remove_non_pvid_vlan_from_bridge_device() {
        vlan();
        checks.assertPassed(1, "Can't remove a non-PVID VLAN");
    }
}

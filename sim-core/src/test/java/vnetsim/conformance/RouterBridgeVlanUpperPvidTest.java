package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_bridge_vlan_upper_pvid.sh: br1.10 (192.0.2.2/28) on br1
 * (vlan_filtering 1, default_pvid 0, member of VID 10 tagged); pvid_set_unset makes 10 the bridge's PVID and takes it
 * away again, pvid_set_move moves the PVID to VID 20; br1.10 must keep working. ping_ipv6 is out of scope.
 */
@DisplayName("router_bridge_vlan_upper_pvid.sh")
class RouterBridgeVlanUpperPvidTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private LinuxBridge br1;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"10 192.0.2.1/28"}, "192.0.2.128/28 via 192.0.2.2");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.130/28"}, "192.0.2.0/28 via 192.0.2.129");
        br1 = new LinuxBridge("router", "br1", true, LinuxBridge.DEFAULT_AGEING_NS, 0);
        br1.setMac(netifMac(2));
        final int swp1 = br1.addPort(br1.defaultPort("swp1", 1500), netifMac(2));
        br1.selfVlanAdd(10, false, false);
        br1.vlanAdd(swp1, 10, false, false);
        final int brHost = br1.addHostPort();
        final LinuxHost router = new LinuxHost("router");
        final int brDev = router.addBridgeDevice(br1);
        router.addVlanAddress(brDev, 10, ip("192.0.2.2"), 28);
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

    private void pingIpv4() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.130"), "ping");
    }

    /** pvid_set_unset: bridge vlan add dev br1 vid 10 pvid self; sleep 1; bridge vlan add dev br1 vid 10 self. */
    private void pvidSetUnset() {
        br1.selfVlanAdd(10, true, false);
        lab.sleep(1);
        br1.selfVlanAdd(10, false, false);
    }

    /** pvid_set_move: bridge vlan add dev br1 vid 10 pvid self; sleep 1; bridge vlan add dev br1 vid 20 pvid self. */
    private void pvidSetMove() {
        br1.selfVlanAdd(10, true, false);
        lab.sleep(1);
        br1.selfVlanAdd(20, true, false);
    }

    @Test
    void ping_ipv4__ping_test() {
        pingIpv4();
        checks.assertPassed(0, "ping");
    }

    @Test
    void pvid_set_unset__then_ping_ipv4() {
        pingIpv4();
        pvidSetUnset();
        pingIpv4();
        checks.assertPassed(1, "ping");
    }

    @Test
    void pvid_set_move__then_ping_ipv4() {
        pingIpv4();
        pvidSetUnset();
        pingIpv4();
        pvidSetMove();
        pingIpv4();
        checks.assertPassed(2, "ping");
    }
}

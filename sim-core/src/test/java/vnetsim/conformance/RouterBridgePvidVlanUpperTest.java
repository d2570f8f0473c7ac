package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_bridge_pvid_vlan_upper.sh: br1 (vlan_filtering 1, default_pvid 0)
 * has 192.0.2.2/28 and is a member of VID 10 as PVID untagged ({@code self}); swp1 carries 10 tagged. shuffle_pvid
 * adds and removes a VLAN device br1.10 for the PVID VLAN, which must change nothing. ping_ipv6 is out of scope.
 */
@DisplayName("router_bridge_pvid_vlan_upper.sh")
class RouterBridgePvidVlanUpperTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private LinuxHost router;
    private int brDev;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"10 192.0.2.1/28"}, "192.0.2.128/28 via 192.0.2.2");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.130/28"}, "192.0.2.0/28 via 192.0.2.129");
        final LinuxBridge br1 = new LinuxBridge("router", "br1", true, LinuxBridge.DEFAULT_AGEING_NS, 0);
        br1.setMac(netifMac(2));
        final int swp1 = br1.addPort(br1.defaultPort("swp1", 1500), netifMac(2));
        br1.selfVlanAdd(10, true, true);
        br1.vlanAdd(swp1, 10, false, false);
        final int brHost = br1.addHostPort();
        router = new LinuxHost("router");
        brDev = router.addBridgeDevice(br1);
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
        router = lab.linuxHost(r);                         // the running simulation's instance
    }

    private void pingIpv4() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.130"), "ping");
    }

    /** shuffle_pvid: vlan_create br1 10 "" 192.0.2.33/28; sleep 1; vlan_destroy br1 10. */
    private void shufflePvid() {
        router.addVlanAddress(brDev, 10, ip("192.0.2.33"), 28);
        lab.sleep(1);
        router.removeAddresses(brDev, 10);
    }

    @Test
    void ping_ipv4__ping_test() {
        pingIpv4();
        checks.assertPassed(0, "ping");
    }

    @Test
    void shuffle_pvid__then_ping_ipv4() {
        pingIpv4();
        shufflePvid();
        pingIpv4();
        checks.assertPassed(1, "ping");
    }
}

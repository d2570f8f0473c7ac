package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_bridge.sh: the router's br1 (vlan_filtering 1, port swp1) has
 * 192.0.2.2/28, its plain NIC swp2 has 192.0.2.129/28, ip_forward is on; h1 routes 192.0.2.128/28 via the bridge
 * address. ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("router_bridge.sh")
class RouterBridgeTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"0 192.0.2.1/28"}, "192.0.2.128/28 via 192.0.2.2");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.130/28"}, "192.0.2.0/28 via 192.0.2.129");
        final LinuxBridge br1 = new LinuxBridge("router", "br1", true, LinuxBridge.DEFAULT_AGEING_NS);
        final int swp1 = br1.addPort(br1.defaultPort("swp1", 1500), netifMac(2));
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
    }

    @Test
    @DisplayName("ping_test $h1 192.0.2.130")
    void ping_ipv4__ping_test() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.130"), "ping");
        checks.assertPassed(0, "ping");
    }
}

package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_bridge_vlan_upper.sh: VLAN devices br1.555 (192.0.2.2/28) and
 * br1.777 (192.0.2.17/28) on top of br1 (vlan_filtering 1, MAC set to swp1's); the bridge device is a member of
 * 555 and 777 ({@code self}), swp1 of 555, swp2 of 777; the router routes between the two VLAN devices.
 * respin_config takes both ports out and back in. ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("router_bridge_vlan_upper.sh")
class RouterBridgeVlanUpperTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private LinuxBridge br1;
    private int swp1;
    private int swp2;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"555 192.0.2.1/28"}, "192.0.2.16/28 via 192.0.2.2");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"777 192.0.2.18/28"}, "192.0.2.0/28 via 192.0.2.17");
        br1 = new LinuxBridge("router", "br1", true, LinuxBridge.DEFAULT_AGEING_NS);
        br1.setMac(netifMac(2));                            // ip link add name br1 address $(mac_get $swp1)
        swp1 = br1.addPort(br1.defaultPort("swp1", 1500), netifMac(2));
        swp2 = br1.addPort(br1.defaultPort("swp2", 1500), netifMac(3));
        br1.selfVlanAdd(555, false, false);
        br1.selfVlanAdd(777, false, false);
        br1.vlanAdd(swp1, 555, false, false);
        br1.vlanAdd(swp2, 777, false, false);
        final int brHost = br1.addHostPort();
        final LinuxHost router = new LinuxHost("router");
        final int brDev = router.addBridgeDevice(br1);
        router.addVlanAddress(brDev, 555, ip("192.0.2.2"), 28);
        router.addVlanAddress(brDev, 777, ip("192.0.2.17"), 28);
        router.setForwarding(true);
        final int bridge = lab.add(br1);
        final int r = lab.add(router);
        lab.cable(bridge, swp1, h1, 0).cable(bridge, swp2, h2, 0);
        lab.link(bridge, brHost, r, brDev);
        lab.start();
        br1 = lab.bridge(bridge);                          // the running simulation's instance
    }

    private void pingIpv4() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.18"), "ping");
    }

    /** respin_config: both ports nomaster, sleep 2, master again, their VLANs added again. */
    private void respinConfig() {
        br1.removePort(swp2);
        br1.removePort(swp1);
        lab.sleep(2);
        br1.reattachPort(swp1, lab.now());
        br1.reattachPort(swp2, lab.now());
        br1.vlanAdd(swp1, 555, false, false);
        br1.vlanAdd(swp2, 777, false, false);
    }

    @Test
    void ping_ipv4__ping_test() {
        pingIpv4();
        checks.assertPassed(0, "ping");
    }

    @Test
    void respin_config__then_ping_ipv4() {
        pingIpv4();
        respinConfig();
        pingIpv4();
        checks.assertPassed(1, "ping");
    }
}

package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.PhysicalNic;
import vnetsim.device.VlanSubinterface;

/**
 * tools/testing/selftests/net/forwarding/router_bridge_1d.sh: on the router, VLAN devices swp1.100 and swp1.200 are
 * the only ports of two 802.1d bridges br1 (192.0.2.2/28) and br2 (192.0.2.18/28), each with the VLAN device's MAC
 * set as its own; swp2 has 192.0.2.129/28 and 192.0.2.145/28. config_remaster takes both VLAN devices out of their
 * bridges and puts them back. ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("router_bridge_1d.sh")
class RouterBridge1dTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private int h1v200;
    private LinuxBridge br1;
    private LinuxBridge br2;
    private int br1Port;
    private int br2Port;

    @BeforeEach
    void setupPrepare() {
        // h1's VRF holds h1.100 and h1.200: one stack per VLAN device here, each with the route the test uses
        h1 = lab.add(new LinuxHost("h1"));
        final LinuxHost h1Stack = lab.linuxHost(h1);
        final int h1Nic = h1Stack.addNic("h1", netifMac(1), 1500);
        h1Stack.addVlanAddress(h1Nic, 100, ip("192.0.2.1"), 28);
        h1Stack.addVlanAddress(h1Nic, 200, ip("192.0.2.17"), 28);
        h1Stack.addRoute(ip("192.0.2.128"), 28, ip("192.0.2.2"));
        h1Stack.addRoute(ip("192.0.2.144"), 28, ip("192.0.2.18"));
        h1v200 = h1;
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"0 192.0.2.130/28", "0 192.0.2.146/28"},
                "192.0.2.0/28 via 192.0.2.129", "192.0.2.16/28 via 192.0.2.145");

        final PhysicalNic swp1 = new PhysicalNic("router", "swp1", netifMac(2), 1500);
        final int to100 = swp1.addSubinterface(100, "swp1.100");
        final int to200 = swp1.addSubinterface(200, "swp1.200");
        swp1.setPromiscuous(true);                       // bridge ports are promiscuous, and so their parent
        final VlanSubinterface swp1v100 = VlanSubinterface.dot1q("router", "swp1.100", 100, 1500);
        final VlanSubinterface swp1v200 = VlanSubinterface.dot1q("router", "swp1.200", 200, 1500);
        br1 = new LinuxBridge("router", "br1", false, LinuxBridge.DEFAULT_AGEING_NS);
        br1.setMac(netifMac(2));                          // ip link set dev br1 address $(mac_get $swp1.100)
        br1Port = br1.addPort(br1.defaultPort("swp1.100", 1500), netifMac(2));
        final int br1Host = br1.addHostPort();
        br2 = new LinuxBridge("router", "br2", false, LinuxBridge.DEFAULT_AGEING_NS);
        br2.setMac(netifMac(2));
        br2Port = br2.addPort(br2.defaultPort("swp1.200", 1500), netifMac(2));
        final int br2Host = br2.addHostPort();
        final LinuxHost router = new LinuxHost("router");
        final int br1Dev = router.addBridgeDevice(br1);
        router.addAddress(br1Dev, ip("192.0.2.2"), 28);
        final int br2Dev = router.addBridgeDevice(br2);
        router.addAddress(br2Dev, ip("192.0.2.18"), 28);
        final int swp2 = router.addNic("swp2", netifMac(3), 1500);
        router.addAddress(swp2, ip("192.0.2.129"), 28);
        router.addAddress(swp2, ip("192.0.2.145"), 28);
        router.setForwarding(true);

        final int nic = lab.add(swp1);
        final int v100 = lab.add(swp1v100);
        final int v200 = lab.add(swp1v200);
        final int b1 = lab.add(br1);
        final int b2 = lab.add(br2);
        final int r = lab.add(router);
        lab.link(h1, h1Nic, nic, PhysicalNic.WIRE);
        lab.link(nic, to100, v100, VlanSubinterface.LOWER);
        lab.link(nic, to200, v200, VlanSubinterface.LOWER);
        lab.link(v100, VlanSubinterface.UPPER, b1, br1Port);
        lab.link(v200, VlanSubinterface.UPPER, b2, br2Port);
        lab.link(b1, br1Host, r, br1Dev);
        lab.link(b2, br2Host, r, br2Dev);
        lab.link(r, swp2, h2, 0);
        lab.start();
        br1 = lab.bridge(b1);                              // the running simulation's instances
        br2 = lab.bridge(b2);
    }

    private void pingIpv4() {
        checks.in("ping_ipv4");
        checks.err(lab.pingDo(h1, "192.0.2.130"), "ping: via 100");
        checks.err(lab.pingDo(h1v200, "192.0.2.146"), "ping: via 200");
    }

    /** config_remaster: nomaster both, sleep 2, master again (br2 first, as the script does). */
    private void configRemaster() {
        br1.removePort(br1Port);
        br2.removePort(br2Port);
        lab.sleep(2);
        br2.reattachPort(br2Port, lab.now());
        br1.reattachPort(br1Port, lab.now());
    }

    @Test
    void ping_ipv4__via_100() {
        pingIpv4();
        checks.assertPassed(0, "ping: via 100");
    }

    @Test
    void ping_ipv4__via_200() {
        pingIpv4();
        checks.assertPassed(1, "ping: via 200");
    }

    @Test
    void config_remaster__then_ping_ipv4_via_100() {
        pingIpv4();
        configRemaster();
        pingIpv4();
        checks.assertPassed(2, "ping: via 100");
    }

    @Test
    void config_remaster__then_ping_ipv4_via_200() {
        pingIpv4();
        configRemaster();
        pingIpv4();
        checks.assertPassed(3, "ping: via 200");
    }
}

package vnetsim.conformance;

import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.bridge.PortFlag;

/**
 * tools/testing/selftests/net/forwarding/bridge_port_isolation.sh: h1, h2, h3 on br0 through swp1 (isolated),
 * swp2 (isolated) and swp3 (not isolated). ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("bridge_port_isolation.sh")
class BridgePortIsolationTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private int h2;
    private int h3;
    private int br0;
    private int swp1;
    private int swp2;
    private int swp3;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.host("h1", "h1", netifMac(1), "192.0.2.1/24");
        h2 = lab.host("h2", "h2", netifMac(4), "192.0.2.2/24");
        h3 = lab.host("h3", "h3", netifMac(6), "192.0.2.3/24");
        final LinuxBridge bridge = new LinuxBridge("switch", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        swp1 = bridge.addPort(bridge.defaultPort("swp1", 1500), netifMac(2));
        swp2 = bridge.addPort(bridge.defaultPort("swp2", 1500), netifMac(3));
        swp3 = bridge.addPort(bridge.defaultPort("swp3", 1500), netifMac(5));
        br0 = lab.add(bridge);
        lab.cable(br0, swp1, h1, 0).cable(br0, swp2, h2, 0).cable(br0, swp3, h3, 0).start();
        final LinuxBridge running = lab.bridge(br0);
        checks.in("switch_create");
        checks.err(set(running, swp1, true), "Can't set isolation on port swp1");
        checks.err(set(running, swp2, true), "Can't set isolation on port swp2");
        checks.err(set(running, swp3, false), "Can't disable isolation on port swp3");
    }

    /** {@code ip link set dev PORT type bridge_slave isolated on|off}: true when the command succeeded. */
    private static boolean set(final LinuxBridge bridge, final int port, final boolean on) {
        try {
            bridge.setPortFlag(port, PortFlag.ISOLATED, on);
            return bridge.portFlags(port).has(PortFlag.ISOLATED) == on;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void switch_create__isolation_set_on_swp1() {
        checks.assertPassed(0, "Can't set isolation on port swp1");
    }

    @Test
    void switch_create__isolation_set_on_swp2() {
        checks.assertPassed(1, "Can't set isolation on port swp2");
    }

    @Test
    void switch_create__isolation_off_on_swp3() {
        checks.assertPassed(2, "Can't disable isolation on port swp3");
    }

    private void pingIpv4() {
        checks.in("ping_ipv4");
        checks.fail(lab.pingDo(h1, "192.0.2.2"), "Ping worked when it should yest have");
        checks.err(lab.pingDo(h3, "192.0.2.2"), "Ping didn't work when it should have");
    }

    @Test
    void ping_ipv4__isolated_to_isolated_fails() {
        pingIpv4();
        checks.assertPassed(3, "Ping worked when it should yest have");
    }

    @Test
    void ping_ipv4__unisolated_to_isolated_works() {
        pingIpv4();
        checks.assertPassed(4, "Ping didn't work when it should have");
    }

    private void flooding() {
        final String ip = "192.0.2.100";
        checks.in("flooding");
        checks.err(LibSh.floodTestDo(lab, false, LibSh.TEST_MAC, ip, br0, swp1, netifMac(1), h2),
                "Packet was flooded when it should yest have been");
        checks.err(LibSh.floodTestDo(lab, true, LibSh.TEST_MAC, ip, br0, swp3, netifMac(6), h2),
                "Packet was yest flooded when it should have been");
    }

    @Test
    void flooding__not_flooded_from_isolated_to_isolated() {
        flooding();
        checks.assertPassed(3, "Packet was flooded when it should yest have been");
    }

    @Test
    void flooding__flooded_from_unisolated_to_isolated() {
        flooding();
        checks.assertPassed(4, "Packet was yest flooded when it should have been");
    }
}

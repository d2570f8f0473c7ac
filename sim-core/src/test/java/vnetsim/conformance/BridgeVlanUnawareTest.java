package vnetsim.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;

/**
 * tools/testing/selftests/net/forwarding/bridge_vlan_unaware.sh: h1 and h2 (192.0.2.1/24, 192.0.2.2/24) on br0 ({@code
 * ip link add dev br0 type bridge ageing_time 1000 mcast_snooping 0}), swp1 and swp2 its ports. ping6_test is out of scope (IPv6).
 */
@DisplayName("bridge_vlan_unaware.sh")
class BridgeVlanUnawareTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private int h2;
    private int br0;
    private int swp1;
    private int swp2;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.host("h1", "h1", netifMac(1), "192.0.2.1/24");
        h2 = lab.host("h2", "h2", netifMac(4), "192.0.2.2/24");
        // 10 Seconds ageing time.
        final LinuxBridge bridge = new LinuxBridge("switch", "br0", false, 10_000_000_000L);
        swp1 = bridge.addPort(bridge.defaultPort("swp1", 1500), netifMac(2));
        swp2 = bridge.addPort(bridge.defaultPort("swp2", 1500), netifMac(3));
        br0 = lab.add(bridge);
        lab.cable(br0, swp1, h1, 0).cable(br0, swp2, h2, 0).start();
    }

    @Test
    @DisplayName("ping_test $h1 192.0.2.2")
    void ping_ipv4__ping_test() {
        assertThat(lab.pingDo(h1, "192.0.2.2")).as("ping").isTrue();
    }

    private void learning() {
        LibSh.learningTest(lab, checks, br0, swp1, h1, netifMac(1), swp2, netifMac(4));
    }

    @Test
    void learning_test__no_fdb_record_before_traffic() {
        learning();
        checks.assertPassed(0, "Found FDB record when should not");
    }

    @Test
    void learning_test__unknown_unicast_not_flooded_to_port_with_flood_off() {
        learning();
        checks.assertPassed(1, "Packet reached first host when should not");
    }

    @Test
    void learning_test__source_learned() {
        learning();
        checks.assertPassed(2, "Did not find FDB record when should");
    }

    @Test
    void learning_test__known_unicast_forwarded_despite_flood_off() {
        learning();
        checks.assertPassed(3, "Packet did not reach second host when should");
    }

    @Test
    void learning_test__entry_aged_out_after_ageing_time() {
        learning();
        checks.assertPassed(4, "Found FDB record when should not");
    }

    @Test
    void learning_test__nothing_learned_with_learning_off() {
        learning();
        checks.assertPassed(5, "Found FDB record when should not");
    }

    private void flooding() {
        LibSh.floodTest(lab, checks, br0, swp2, swp1, netifMac(1), h2);
    }

    @Test
    void flood_unicast_test__not_flooded_with_flood_off() {
        flooding();
        checks.assertPassed(0, "Packet flooded when should not");
    }

    @Test
    void flood_unicast_test__flooded_with_flood_on() {
        flooding();
        checks.assertPassed(1, "Packet was not flooded when should");
    }

    @Test
    void flood_multicast_test__not_flooded_with_mcast_flood_off() {
        flooding();
        checks.assertPassed(2, "Packet flooded when should not");
    }

    @Test
    void flood_multicast_test__flooded_with_mcast_flood_on() {
        flooding();
        checks.assertPassed(3, "Packet was not flooded when should");
    }
}

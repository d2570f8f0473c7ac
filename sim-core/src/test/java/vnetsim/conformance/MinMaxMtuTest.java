package vnetsim.conformance;

import static vnetsim.conformance.Lab.netifMac;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/min_max_mtu.sh: h1.10 (192.0.2.2/24) and swp1.10 (192.0.2.1/24) over one
 * link. A simulated NIC's min_mtu is ETH_MIN_MTU (68) and its max_mtu the largest frame vnetsim carries (9216, jumbo),
 * where a veth would say 65535: the script reads both from the device, so its logic is unchanged. The IPv6 pings
 * (ping_ipv6 and the ping6 of the traffic tests) are out of scope.
 */
@DisplayName("min_max_mtu.sh")
class MinMaxMtuTest {
    private static final String[] NETIFS = {"h1", "swp1"};
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private LinuxHost h1Host;
    private LinuxHost sw;
    private int h1;

    @BeforeEach
    void setupPrepare() {
        h1Host = new LinuxHost("h1");
        final int h1Nic = h1Host.addNic("h1", netifMac(1), 1500);
        h1Host.addVlanAddress(h1Nic, 10, Lab.ip("192.0.2.2"), 24);
        sw = new LinuxHost("switch");
        final int swp1 = sw.addNic("swp1", netifMac(2), 1500);
        sw.addVlanAddress(swp1, 10, Lab.ip("192.0.2.1"), 24);
        sw.setForwarding(true);
        h1 = lab.add(h1Host);
        final int s = lab.add(sw);
        lab.link(h1, h1Nic, s, swp1);
        lab.start();
        h1Host = lab.linuxHost(h1);                        // the running simulation's instances
        sw = lab.linuxHost(s);
    }

    private LinuxHost owner(final String dev) {
        return dev.startsWith("h1") ? h1Host : sw;
    }

    /** mtu_set_if DEV MTU SHOULD_FAIL. */
    private void mtuSetIf(final String dev, final int mtu, final boolean shouldFail) {
        boolean ok;
        try {
            owner(dev).setMtu(dev, mtu);
            ok = true;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        checks.errFail(shouldFail, ok, "Set MTU " + mtu + " for " + dev);
    }

    /** lib.sh mtu_restore: back to the original MTU; a refusal is not checked (a VLAN device above its parent). */
    private void mtuRestore(final String dev) {
        try {
            owner(dev).setMtu(dev, 1500);
        } catch (IllegalArgumentException ignored) {
            // ip link set ... mtu fails and the script carries on
        }
    }

    private void mtuSetAllIf(final int mtu) {
        for (final String dev : NETIFS) {
            mtuSetIf(dev, mtu, false);
            mtuSetIf(dev + ".10", mtu, false);
        }
    }

    private void mtuRestoreAllIf() {
        for (final String dev : NETIFS) {
            mtuRestore(dev + ".10");
            mtuRestore(dev);
        }
    }

    /** mtu_test_ping4 MTU SHOULD_FAIL: ping -s (MTU - 28) -M do. */
    private void mtuTestPing4(final int mtu, final boolean shouldFail) {
        final int pktSize = mtu - 28;
        checks.errFail(shouldFail, lab.pingDo(h1, "192.0.2.1", pktSize), "Ping, packet size: " + pktSize);
    }

    @Test
    @DisplayName("ping_test $h1.10 192.0.2.1")
    void ping_ipv4__ping_test() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "192.0.2.1"), "ping");
        checks.assertPassed(0, "ping");
    }

    @TestFactory
    Stream<DynamicTest> max_mtu_config_test() {
        checks.in("max_mtu_config_test");
        for (final String dev : NETIFS) {
            mtuSetIf(dev, LinuxHost.MAX_MTU, false);
            mtuRestore(dev);
            mtuSetIf(dev, LinuxHost.MAX_MTU + 1, true);
            mtuRestore(dev);
        }
        return checks.asTests(4);
    }

    @TestFactory
    Stream<DynamicTest> max_mtu_traffic_test() {
        checks.in("max_mtu_traffic_test");
        final int max = LinuxHost.MAX_MTU;
        mtuSetAllIf(max);
        mtuTestPing4(max, false);
        mtuRestoreAllIf();
        mtuSetAllIf(max - 1);
        mtuTestPing4(max, true);
        mtuRestoreAllIf();
        return checks.asTests(10);
    }

    @TestFactory
    Stream<DynamicTest> min_mtu_config_test() {
        checks.in("min_mtu_config_test");
        for (final String dev : NETIFS) {
            mtuSetIf(dev, LinuxHost.MIN_MTU, false);
            mtuRestore(dev);
            mtuSetIf(dev, LinuxHost.MIN_MTU - 1, true);
            mtuRestore(dev);
        }
        return checks.asTests(4);
    }

    @TestFactory
    Stream<DynamicTest> min_mtu_traffic_test() {
        checks.in("min_mtu_traffic_test");
        mtuSetAllIf(LinuxHost.MIN_MTU);
        mtuTestPing4(LinuxHost.MIN_MTU, false);
        mtuRestoreAllIf();
        return checks.asTests(5);
    }
}

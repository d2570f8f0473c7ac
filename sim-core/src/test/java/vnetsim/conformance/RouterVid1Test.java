package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxHost;

/**
 * tools/testing/selftests/net/forwarding/router_vid_1.sh: routed VLAN 1 devices rp1.1 (192.0.2.1/24) and rp2.1
 * (198.51.100.1/24); the hosts talk through h1.1 and h2.1. VID 1 is an ordinary VID on a routed port.
 * ping_ipv6 is out of scope (IPv6).
 */
@DisplayName("router_vid_1.sh")
class RouterVid1Test {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.vlanHost("h1", netifMac(1), new String[] {"1 192.0.2.2/24"}, "198.51.100.0/24 via 192.0.2.1");
        final int h2 = lab.vlanHost("h2", netifMac(4), new String[] {"1 198.51.100.2/24"}, "192.0.2.0/24 via 198.51.100.1");
        final LinuxHost router = new LinuxHost("router");
        final int rp1 = router.addNic("rp1", netifMac(2), 1500);
        router.addVlanAddress(rp1, 1, ip("192.0.2.1"), 24);
        final int rp2 = router.addNic("rp2", netifMac(3), 1500);
        router.addVlanAddress(rp2, 1, ip("198.51.100.1"), 24);
        router.setForwarding(true);
        final int r = lab.add(router);
        lab.link(h1, 0, r, rp1);
        lab.link(r, rp2, h2, 0);
        lab.start();
    }

    @Test
    @DisplayName("ping_test $h1.1 198.51.100.2")
    void ping_ipv4__ping_test() {
        checks.in("ping_ipv4").err(lab.pingDo(h1, "198.51.100.2"), "ping");
        checks.assertPassed(0, "ping");
    }
}

package vnetsim.pcap;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rule for tests that need an independent reader installed (tshark, libpcap): on CI (env {@code CI} set)
 * a missing tool is a failure, so the check cannot silently vanish; on a developer machine it is a skip.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String msg = what + " is not available; install it (Debian: apt-get install -y tshark libpcap0.8)";
        if (System.getenv("CI") != null) {
            fail(msg + " -- required because CI is set");
        }
        assumeTrue(false, msg + " -- skipping (set CI to make this a failure)");
    }
}

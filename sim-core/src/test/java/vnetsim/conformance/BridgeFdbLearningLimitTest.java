package vnetsim.conformance;

import static vnetsim.conformance.Lab.netifMac;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.bridge.BridgeFdb;
import vnetsim.device.bridge.FdbEntry;
import vnetsim.device.bridge.PortFlag;
import vnetsim.frame.MacAddress;

/**
 * tools/testing/selftests/net/forwarding/bridge_fdb_learning_limit.sh: fdb_n_learned counts only dynamically learned
 * entries; static, user, extern_learn and local entries are not counted, and turning a learned entry into one of
 * them uncounts it; with fdb_max_learned 8 learning stops at 8 while the other types are still added. h1 pings h2
 * with a changed MAC to get an entry learned on swp1 (swp2 does not learn); swp3 joins the bridge with a MAC to make
 * a local entry. {@code ip -d link show br0}'s fdb_n_learned is {@link BridgeFdb#learnedCount}.
 */
@DisplayName("bridge_fdb_learning_limit.sh")
class BridgeFdbLearningLimitTest {
    private static final int NUM_PKTS = 16;
    private static final int FDB_LIMIT = 8;
    /** name, is counted?, overrides learned? */
    private static final Object[][] FDB_TYPES = {
        {"learned", 1, 0},
        {"static", 0, 1},
        {"user", 0, 1},
        {"extern_learn", 0, 1},
        {"local", 0, 1},
    };
    private static final long H1_DEFAULT_MAC = mac(42);

    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private int br0;
    private int swp1;
    private int swp3;

    static long mac(final int n) {
        return MacAddress.parse(String.format("de:ad:be:ef:42:%02x", n));
    }

    @BeforeEach
    void setupPrepare() {
        h1 = lab.host("h1", "h1", H1_DEFAULT_MAC, "192.0.2.1/24");
        final int h2 = lab.host("h2", "h2", netifMac(3), "192.0.2.2/24");
        final LinuxBridge bridge = new LinuxBridge("switch", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        swp1 = bridge.addPort(bridge.defaultPort("swp1", 1500), netifMac(2));
        final int swp2 = bridge.addPort(bridge.defaultPort("swp2", 1500), netifMac(4));
        swp3 = bridge.addPort(bridge.defaultPort("swp3", 1500), netifMac(6));
        bridge.removePort(swp3);             // swp3 is used to add local MACs, so it is not in the bridge yet
        bridge.setPortFlag(swp2, PortFlag.LEARNING, false);
        br0 = lab.add(bridge);
        lab.cable(br0, swp1, h1, 0).cable(br0, swp2, h2, 0).start();
    }

    private LinuxBridge br() {
        return lab.bridge(br0);
    }

    private int fdbGetNLearned() {
        return br().fdb().learnedCount(lab.now());
    }

    /** bridge -j fdb show br br0 | jq 'map(select(.mac == MAC and (has("vlan") | not))) | length'. */
    private int fdbGetNMac(final long mac) {
        int n = 0;
        for (final FdbEntry e : br().fdbShow(lab.now())) {
            n += e.mac() == mac && e.vid() == 0 ? 1 : 0;
        }
        return n;
    }

    private void fdbFillLearned() {
        for (int i = 1; i <= NUM_PKTS; i++) {
            fdbAdd("learned", mac(i));
        }
    }

    private void fdbReset() {
        br().fdbFlush();
        // Keep the default MAC address of h1 in the table.
        br().fdbAdd(H1_DEFAULT_MAC, swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.STATIC, false, lab.now());
    }

    private void fdbAdd(final String type, final long mac) {
        boolean ok = true;
        try {
            switch (type) {
                case "learned" -> {
                    final LinuxHost host = lab.linuxHost(h1);
                    host.setNicMac(0, mac);
                    // Wait for a reply so we implicitly wait until after the forwarding code created the entry.
                    checks.err(lab.pingDo(h1, "192.0.2.2", Lab.PING_DATA, 1), "Failed to ping another bridge port");
                    host.setNicMac(0, H1_DEFAULT_MAC);
                }
                case "local" -> {
                    br().setPortMac(swp3, mac);
                    br().reattachPort(swp3, lab.now());
                }
                case "static", "user" -> br().fdbReplace(mac, swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.STATIC,
                        false, lab.now());
                case "extern_learn" -> br().fdbExternLearn(mac, swp1, LinuxBridge.ALL_VLANS, lab.now());
                default -> throw new IllegalArgumentException(type);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            ok = false;
        }
        checks.err(ok, "Failed to add a FDB entry of type " + type);
    }

    private void fdbDel(final String type, final long mac) {
        boolean ok = true;
        try {
            if (type.equals("local")) {
                br().removePort(swp3);
            } else {
                br().fdbDel(mac, swp1, LinuxBridge.ALL_VLANS, lab.now());
            }
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        checks.err(ok, "Failed to remove a FDB entry of type " + type);
    }

    private void checkAccountingOneType(final String type, final int isCounted, final int overridesLearned) {
        checks.in("check_accounting_one_type " + type);
        fdbReset();
        fdbAdd(type, mac(0));
        int learned = fdbGetNLearned();
        checks.fail(learned != isCounted,
                "Inserted FDB type " + type + ": Expected the count " + isCounted + ", but got " + learned);
        fdbDel(type, mac(0));
        learned = fdbGetNLearned();
        checks.fail(learned != 0, "Removed FDB type " + type + ": Expected the count 0, but got " + learned);
        if (overridesLearned == 1) {
            fdbReset();
            fdbAdd("learned", mac(0));
            fdbAdd(type, mac(0));
            learned = fdbGetNLearned();
            checks.fail(learned != isCounted, "Set a learned entry to FDB type " + type + ": Expected the count "
                    + isCounted + ", but got " + learned);
            fdbDel(type, mac(0));
        }
    }

    @TestFactory
    Stream<DynamicTest> check_accounting() {
        checks.in("check_accounting");
        fdbReset();
        int learned = fdbGetNLearned();
        checks.fail(learned != 0, "Flushed the FDB table: Expected the count 0, but got " + learned);
        fdbFillLearned();
        lab.sleep(1);
        learned = fdbGetNLearned();
        checks.in("check_accounting");
        checks.fail(learned != NUM_PKTS, "Filled the FDB table: Expected the count " + NUM_PKTS + ", but got "
                + learned);
        for (final Object[] t : FDB_TYPES) {
            checkAccountingOneType((String) t[0], (int) t[1], (int) t[2]);
        }
        return checks.asTests(75);
    }

    private void checkLimitOneType(final String type, final int isCounted) {
        final int expected = 1 - isCounted;
        checks.in("check_limit_one_type " + type);
        fdbReset();
        fdbFillLearned();
        fdbAdd(type, mac(0));
        final int nMac = fdbGetNMac(mac(0));
        checks.fail(nMac != expected, "Inserted FDB type " + type + " at limit: Expected the count " + expected
                + ", but got " + nMac);
    }

    @TestFactory
    Stream<DynamicTest> check_limit() {
        checks.in("check_limit");
        br().fdb().setMaxLearned(FDB_LIMIT);
        fdbReset();
        fdbFillLearned();
        final int learned = fdbGetNLearned();
        checks.in("check_limit");
        checks.fail(learned != FDB_LIMIT, "Filled the limited FDB table: Expected the count " + FDB_LIMIT
                + ", but got " + learned);
        for (final Object[] t : FDB_TYPES) {
            checkLimitOneType((String) t[0], (int) t[1]);
        }
        return checks.asTests(204);
    }
}

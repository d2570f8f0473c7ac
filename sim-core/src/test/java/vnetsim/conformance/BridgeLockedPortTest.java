package vnetsim.conformance;

import static vnetsim.conformance.Lab.ip;
import static vnetsim.conformance.Lab.netifMac;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.bridge.BridgeFdb;
import vnetsim.device.bridge.FdbEntry;
import vnetsim.device.bridge.FdbFlag;
import vnetsim.device.bridge.PortFlag;
import vnetsim.device.bridge.PortFlags;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;
import vnetsim.frame.Packets;

/**
 * tools/testing/selftests/net/forwarding/bridge_locked_port.sh: br0 with vlan_filtering 1, swp1 with learning off;
 * h1 and h2 with an address on the NIC and on VLAN 100. {@code bridge fdb get MAC br br0 vlan 1} becomes a lookup
 * in the FDB listing. locked_port_ipv6 is out of scope (IPv6).
 */
@DisplayName("bridge_locked_port.sh")
class BridgeLockedPortTest {
    private final Lab lab = new Lab();
    private final Checks checks = new Checks();
    private int h1;
    private int br0;
    private int swp1;
    private int swp2;
    private LinuxBridge br;

    @BeforeEach
    void setupPrepare() {
        h1 = lab.add(host("h1", 1, "192.0.2.1", "198.51.100.1"));
        final int h2 = lab.add(host("h2", 4, "192.0.2.2", "198.51.100.2"));
        br = new LinuxBridge("switch", "br0", true, LinuxBridge.DEFAULT_AGEING_NS);
        swp1 = br.addPort(br.defaultPort("swp1", 1500), netifMac(2));
        swp2 = br.addPort(br.defaultPort("swp2", 1500), netifMac(3));
        br.setPortFlag(swp1, PortFlag.LEARNING, false);
        br0 = lab.add(br);
        lab.cable(br0, swp1, h1, 0).cable(br0, swp2, h2, 0).start();
        br = lab.bridge(br0);                              // the running simulation's instance
    }

    /** simple_if_init $h ADDR/24 and vlan_create $h 100 v$h ADDR/24. */
    private static LinuxHost host(final String name, final int netif, final String address, final String vlan100) {
        final LinuxHost h = new LinuxHost(name);
        final int nic = h.addNic(name, netifMac(netif), 1500);
        h.addAddress(nic, ip(address), 24);
        h.addVlanAddress(nic, 100, ip(vlan100), 24);
        return h;
    }

    private long now() {
        return lab.now();
    }

    /** {@code bridge link set dev swp1 learning X locked Y mab Z}: true when accepted. */
    private boolean link(final int port, final boolean learning, final boolean locked, final boolean mab) {
        try {
            br.setPortFlags(port, br.portFlags(port).with(PortFlag.LEARNING, learning).with(PortFlag.LOCKED, locked)
                    .with(PortFlag.MAB, mab));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code bridge fdb get MAC br br0 vlan VID}, or null. */
    private FdbEntry fdbGet(final long mac, final int vid) {
        for (final FdbEntry e : br.fdbShow(now())) {
            if (e.mac() == mac && e.vid() == vid) {
                return e;
            }
        }
        return null;
    }

    private boolean fdbGetOn(final long mac, final int port, final boolean locked) {
        final FdbEntry e = fdbGet(mac, 1);
        return e != null && e.port() == port && (!locked || e.has(FdbFlag.LOCKED));
    }

    /** {@code $MZ $h -q -c 5 -d 100msec -t udp -a MAC -b rand}. */
    private void mz5(final int port, final long src) {
        for (int i = 0; i < 5; i++) {
            lab.mz(br0, port, Packets.udp(new Frame(), src, MacAddress.parse("02:aa:bb:cc:dd:0" + i),
                    ip("192.0.2.1"), ip("192.0.2.2"), 64, 2048, 4096, 18, i));
            lab.sleep(0.1);
        }
    }

    // ---- locked_port_ipv4 ------------------------------------------------------------------------------------------

    private void lockedPortIpv4() {
        checks.in("locked_port_ipv4");
        checks.err(lab.pingDo(h1, "192.0.2.2"), "Ping did not work before locking port");
        br.setPortFlag(swp1, PortFlag.LOCKED, true);
        checks.fail(lab.pingDo(h1, "192.0.2.2"), "Ping worked after locking port, but before adding FDB entry");
        br.fdbAdd(netifMac(1), swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.STATIC, false, now());
        checks.err(lab.pingDo(h1, "192.0.2.2"), "Ping did not work after locking port and adding FDB entry");
        br.setPortFlag(swp1, PortFlag.LOCKED, false);
        br.fdbDel(netifMac(1), swp1, LinuxBridge.ALL_VLANS, now());
        checks.err(lab.pingDo(h1, "192.0.2.2"), "Ping did not work after unlocking port and removing FDB entry.");
    }

    @Test
    void locked_port_ipv4__ping_before_locking() {
        lockedPortIpv4();
        checks.assertPassed(0, "Ping did not work before locking port");
    }

    @Test
    void locked_port_ipv4__no_ping_when_locked_without_fdb_entry() {
        lockedPortIpv4();
        checks.assertPassed(1, "Ping worked after locking port, but before adding FDB entry");
    }

    @Test
    void locked_port_ipv4__ping_when_locked_with_static_entry() {
        lockedPortIpv4();
        checks.assertPassed(2, "Ping did not work after locking port and adding FDB entry");
    }

    @Test
    void locked_port_ipv4__ping_after_unlocking() {
        lockedPortIpv4();
        checks.assertPassed(3, "Ping did not work after unlocking port and removing FDB entry.");
    }

    // ---- locked_port_vlan ------------------------------------------------------------------------------------------

    private void lockedPortVlan() {
        checks.in("locked_port_vlan");
        br.vlanAdd(swp1, 100, false, false);
        br.vlanAdd(swp2, 100, false, false);
        checks.err(lab.pingDo(h1, "198.51.100.2"), "Ping through vlan did not work before locking port");
        br.setPortFlag(swp1, PortFlag.LOCKED, true);
        checks.fail(lab.pingDo(h1, "198.51.100.2"),
                "Ping through vlan worked after locking port, but before adding FDB entry");
        br.fdbAdd(netifMac(1), swp1, 100, BridgeFdb.State.STATIC, false, now());
        checks.err(lab.pingDo(h1, "198.51.100.2"),
                "Ping through vlan did not work after locking port and adding FDB entry");
        br.setPortFlag(swp1, PortFlag.LOCKED, false);
        br.fdbDel(netifMac(1), swp1, 100, now());
        checks.err(lab.pingDo(h1, "198.51.100.2"),
                "Ping through vlan did not work after unlocking port and removing FDB entry");
        br.vlanDel(swp1, 100);
        br.vlanDel(swp2, 100);
    }

    @Test
    void locked_port_vlan__ping_before_locking() {
        lockedPortVlan();
        checks.assertPassed(0, "Ping through vlan did not work before locking port");
    }

    @Test
    void locked_port_vlan__no_ping_when_locked_without_fdb_entry() {
        lockedPortVlan();
        checks.assertPassed(1, "Ping through vlan worked after locking port, but before adding FDB entry");
    }

    @Test
    void locked_port_vlan__ping_when_locked_with_static_entry_in_vlan() {
        lockedPortVlan();
        checks.assertPassed(2, "Ping through vlan did not work after locking port and adding FDB entry");
    }

    @Test
    void locked_port_vlan__ping_after_unlocking() {
        lockedPortVlan();
        checks.assertPassed(3, "Ping through vlan did not work after unlocking port and removing FDB entry");
    }

    // ---- locked_port_mab -------------------------------------------------------------------------------------------

    private void lockedPortMab() {
        checks.in("locked_port_mab");
        checks.err(lab.pingDo(h1, "192.0.2.2"), "Ping did not work before locking port");
        link(swp1, true, true, false);
        checks.fail(lab.pingDo(h1, "192.0.2.2"), "Ping worked on a locked port without an FDB entry");
        checks.fail(fdbGet(netifMac(1), 1) != null, "FDB entry created before enabling MAB");
        link(swp1, true, true, true);
        checks.fail(lab.pingDo(h1, "192.0.2.2"), "Ping worked on MAB enabled port without an FDB entry");
        checks.err(fdbGetOn(netifMac(1), swp1, true), "Locked FDB entry not created");
        br.fdbReplace(netifMac(1), swp1, LinuxBridge.ALL_VLANS, BridgeFdb.State.STATIC, false, now());
        checks.err(lab.pingDo(h1, "192.0.2.2"), "Ping did not work after replacing FDB entry");
        checks.fail(fdbGetOn(netifMac(1), swp1, true), "FDB entry marked as locked after replacement");
        br.fdbDel(netifMac(1), swp1, LinuxBridge.ALL_VLANS, now());
        link(swp1, false, false, false);
    }

    @Test
    void locked_port_mab__ping_before_locking() {
        lockedPortMab();
        checks.assertPassed(0, "Ping did not work before locking port");
    }

    @Test
    void locked_port_mab__no_ping_on_locked_port() {
        lockedPortMab();
        checks.assertPassed(1, "Ping worked on a locked port without an FDB entry");
    }

    @Test
    void locked_port_mab__nothing_learned_before_mab() {
        lockedPortMab();
        checks.assertPassed(2, "FDB entry created before enabling MAB");
    }

    @Test
    void locked_port_mab__no_ping_with_mab_and_no_entry() {
        lockedPortMab();
        checks.assertPassed(3, "Ping worked on MAB enabled port without an FDB entry");
    }

    @Test
    void locked_port_mab__locked_entry_created() {
        lockedPortMab();
        checks.assertPassed(4, "Locked FDB entry not created");
    }

    @Test
    void locked_port_mab__ping_after_replacing_with_static_entry() {
        lockedPortMab();
        checks.assertPassed(5, "Ping did not work after replacing FDB entry");
    }

    @Test
    void locked_port_mab__replaced_entry_not_locked() {
        lockedPortMab();
        checks.assertPassed(6, "FDB entry marked as locked after replacement");
    }

    // ---- locked_port_mab_roam --------------------------------------------------------------------------------------

    private void lockedPortMabRoam() {
        final long mac = MacAddress.parse("a0:b0:c0:c0:b0:a0");
        checks.in("locked_port_mab_roam");
        link(swp1, true, true, true);
        mz5(swp1, mac);
        checks.err(fdbGetOn(mac, swp1, true), "No locked entry on first injection");
        mz5(swp2, mac);
        checks.err(fdbGetOn(mac, swp2, false), "Entry did not roam to an unlocked port");
        checks.fail(fdbGet(mac, 1) != null && fdbGet(mac, 1).has(FdbFlag.LOCKED), "Entry roamed with locked flag on");
        mz5(swp1, mac);
        checks.fail(fdbGetOn(mac, swp1, false), "Entry roamed back to locked port");
        br.fdbDel(mac, swp2, 1, now());
        link(swp1, false, false, false);
    }

    @Test
    void locked_port_mab_roam__locked_entry_on_first_injection() {
        lockedPortMabRoam();
        checks.assertPassed(0, "No locked entry on first injection");
    }

    @Test
    void locked_port_mab_roam__entry_roams_to_unlocked_port() {
        lockedPortMabRoam();
        checks.assertPassed(1, "Entry did not roam to an unlocked port");
    }

    @Test
    void locked_port_mab_roam__roamed_entry_is_unlocked() {
        lockedPortMabRoam();
        checks.assertPassed(2, "Entry roamed with locked flag on");
    }

    @Test
    void locked_port_mab_roam__entry_does_not_roam_back_to_locked_port() {
        lockedPortMabRoam();
        checks.assertPassed(3, "Entry roamed back to locked port");
    }

    // ---- locked_port_mab_config ------------------------------------------------------------------------------------

    private void lockedPortMabConfig() {
        checks.in("locked_port_mab_config");
        checks.fail(link(swp1, true, false, true), "MAB enabled while port is unlocked");
        checks.fail(link(swp1, false, true, true), "MAB enabled while port has learning disabled");
        checks.err(link(swp1, true, true, true),
                "Failed to enable MAB when port is locked and has learning enabled");
        link(swp1, false, false, false);
    }

    @Test
    void locked_port_mab_config__refused_on_unlocked_port() {
        lockedPortMabConfig();
        checks.assertPassed(0, "MAB enabled while port is unlocked");
    }

    @Test
    void locked_port_mab_config__refused_without_learning() {
        lockedPortMabConfig();
        checks.assertPassed(1, "MAB enabled while port has learning disabled");
    }

    @Test
    void locked_port_mab_config__accepted_on_locked_learning_port() {
        lockedPortMabConfig();
        checks.assertPassed(2, "Failed to enable MAB when port is locked and has learning enabled");
    }

    // ---- locked_port_mab_flush -------------------------------------------------------------------------------------

    private void lockedPortMabFlush() {
        final long locked1 = MacAddress.parse("00:01:02:03:04:05");
        final long unlocked1 = MacAddress.parse("00:01:02:03:04:06");
        final long locked2 = MacAddress.parse("00:01:02:03:04:07");
        final long unlocked2 = MacAddress.parse("00:01:02:03:04:08");
        checks.in("locked_port_mab_flush");
        link(swp1, true, true, true);
        link(swp2, true, true, true);
        br.fdbAdd(unlocked1, swp1, 1, BridgeFdb.State.STATIC, false, now());
        br.fdbAdd(unlocked2, swp2, 1, BridgeFdb.State.STATIC, false, now());
        mz5(swp1, locked1);
        checks.err(fdbGetOn(locked1, swp1, true), "Failed to create locked FDB entry on first port");
        mz5(swp2, locked2);
        checks.err(fdbGetOn(locked2, swp2, true), "Failed to create locked FDB entry on second port");
        br.setPortFlag(swp1, PortFlag.MAB, false);
        checks.err(fdbGet(unlocked1, 1) != null, "Regular FDB entry on first port was flushed after disabling MAB");
        checks.err(fdbGet(unlocked2, 1) != null, "Regular FDB entry on second port was flushed after disabling MAB");
        checks.fail(fdbGet(locked1, 1) != null, "Locked FDB entry on first port was not flushed after disabling MAB");
        checks.err(fdbGet(locked2, 1) != null, "Locked FDB entry on second port was flushed after disabling MAB");
        br.fdbDel(unlocked2, swp2, 1, now());
        br.fdbDel(unlocked1, swp1, 1, now());
        br.setPortFlags(swp2, PortFlags.KERNEL_DEFAULT);
        link(swp1, false, false, false);
    }

    @Test
    void locked_port_mab_flush__locked_entry_on_first_port() {
        lockedPortMabFlush();
        checks.assertPassed(0, "Failed to create locked FDB entry on first port");
    }

    @Test
    void locked_port_mab_flush__locked_entry_on_second_port() {
        lockedPortMabFlush();
        checks.assertPassed(1, "Failed to create locked FDB entry on second port");
    }

    @Test
    void locked_port_mab_flush__regular_entry_on_first_port_kept() {
        lockedPortMabFlush();
        checks.assertPassed(2, "Regular FDB entry on first port was flushed after disabling MAB");
    }

    @Test
    void locked_port_mab_flush__regular_entry_on_second_port_kept() {
        lockedPortMabFlush();
        checks.assertPassed(3, "Regular FDB entry on second port was flushed after disabling MAB");
    }

    @Test
    void locked_port_mab_flush__locked_entry_on_first_port_flushed() {
        lockedPortMabFlush();
        checks.assertPassed(4, "Locked FDB entry on first port was not flushed after disabling MAB");
    }

    @Test
    void locked_port_mab_flush__locked_entry_on_second_port_kept() {
        lockedPortMabFlush();
        checks.assertPassed(5, "Locked FDB entry on second port was flushed after disabling MAB");
    }
}

package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.frame.Frame;

/** bond0 over ens4 and ens5 (drivers/net/bonding): slave choice in active-backup and 802.3ad, forwarding-rules 11. */
class BondTest {
    private static final long ENS4 = mac("b8:ce:f6:00:00:04");
    private static final long ENS5 = mac("b8:ce:f6:00:00:05");
    private static final long VM1 = mac("52:54:00:00:04:0a");
    private static final long VM2 = mac("52:54:00:00:04:0b");
    private static final long GW = mac("00:00:5e:00:01:01");

    private final RecordingEgress out = new RecordingEgress();

    private static Bond bond(final Bond.Mode mode) {
        final Bond bond = new Bond("node0", "bond0", mode, Bond.HashPolicy.LAYER2);
        bond.addSlave("ens4", ENS4);
        bond.addSlave("ens5", ENS5);
        return bond;
    }

    private static Frame echo(final long src, final long dst) {
        return Frames.icmpEcho(src, dst, ip("172.16.3.10"), ip("172.16.3.1"));
    }

    @Test
    void the_bond_takes_its_first_slaves_mac() {
        assertThat(bond(Bond.Mode.ACTIVE_BACKUP).mac()).isEqualTo(ENS4);
    }

    @Test
    void active_backup_transmits_on_the_first_up_slave_and_fails_over_when_it_goes_down() {
        final Bond bond = bond(Bond.Mode.ACTIVE_BACKUP);
        final int upper = bond.addSubinterface(2003, "bond0.2003");
        bond.receive(echo(VM1, GW), upper, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(0);

        final Bond failed = bond(Bond.Mode.ACTIVE_BACKUP);
        failed.setSlaveUp(0, false);
        final int up2 = failed.addSubinterface(2003, "bond0.2003");
        out.clear();
        failed.receive(echo(VM1, GW), up2, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(1);
        assertThat(failed.activeSlave()).isEqualTo(1);
    }

    @Test
    void primary_is_active_while_it_is_up() {
        final Bond bond = bond(Bond.Mode.ACTIVE_BACKUP);
        bond.setPrimary(1);
        final int upper = bond.setMaster("br0");
        bond.receive(echo(VM1, GW), upper, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(1);
        bond.setSlaveUp(1, false);
        out.clear();
        bond.receive(echo(VM1, GW), upper, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(0);
    }

    @Test
    void active_backup_drops_a_frame_arriving_on_the_backup_slave() {
        final Bond bond = bond(Bond.Mode.ACTIVE_BACKUP);
        final int sub = bond.addSubinterface(2003, "bond0.2003");
        bond.receive(Frames.tagged(echo(GW, ENS4), 2003), 1, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.BOND_BACKUP_SLAVE);
        assertThat(out.onlyDrop().port()).isEqualTo(1);
        assertThat(bond.portName(1)).isEqualTo("bond0 (slave ens5)");
        out.clear();
        bond.receive(Frames.tagged(echo(GW, ENS4), 2003), 0, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(sub);
    }

    @Test
    void the_bond_demultiplexes_vlans_as_a_nic_does() {
        final Bond bond = bond(Bond.Mode.LACP);
        bond.addSubinterface(2003, "bond0.2003");
        bond.receive(Frames.tagged(echo(GW, ENS4), 2004), 1, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.NO_VLAN_SUBINTERFACE);
        assertThat(out.onlyDrop().detail()).isEqualTo(2004);
        out.clear();
        bond.receive(Frames.tagged(echo(GW, VM2), 2003), 1, out);
        assertThat(out.onlyDrop().reason()).as("not promiscuous, not our MAC").isEqualTo(DropReason.NOT_ADDRESSED_TO_HOST);
    }

    @Test
    void lacp_layer2_hash_is_last_mac_bytes_xor_ethertype_mod_up_slaves() {
        final Bond bond = bond(Bond.Mode.LACP);
        final int upper = bond.setMaster("br0");
        // 0x0a ^ 0x01 ^ 0x0800 = 0x080b: odd -> ens5; 0x0b ^ 0x01 ^ 0x0800 = 0x080a: even -> ens4
        bond.receive(echo(VM1, GW), upper, out);
        bond.receive(echo(VM2, GW), upper, out);
        assertThat(out.transmittedPorts()).containsExactly(1, 0);

        bond.receive(Frames.tagged(echo(GW, VM1), 5), 1, out);
        assertThat(out.transmits().get(2).port()).as("802.3ad receives on any slave").isEqualTo(upper);
    }

    @Test
    void lacp_with_one_slave_down_sends_everything_on_the_other_and_none_up_is_a_named_drop() {
        final Bond bond = bond(Bond.Mode.LACP);
        bond.setSlaveUp(1, false);
        final int upper = bond.setMaster("br0");
        bond.receive(echo(VM1, GW), upper, out);
        assertThat(out.onlyTransmit().port()).isEqualTo(0);
        bond.setSlaveUp(0, false);
        out.clear();
        bond.receive(echo(VM1, GW), upper, out);
        assertThat(out.onlyDrop().reason()).isEqualTo(DropReason.BOND_NO_UP_SLAVE);
        assertThat(out.onlyDrop().reason().describe(out.onlyDrop().detail())).contains("none of its 2 slaves");
    }

    @Test
    void layer2_3_hash_folds_the_ipv4_addresses_into_the_layer2_hash() {
        final Bond l23 = new Bond("node0", "bond0", Bond.Mode.LACP, Bond.HashPolicy.LAYER2_3);
        final Frame f = echo(VM1, GW);
        // eth 0x080b; src 172.16.3.10 LE 0x0a0310ac, dst 172.16.3.1 LE 0x010310ac: xor 0x0b000000
        int h = 0x080b ^ 0x0b000000;
        h ^= h >>> 16;
        h ^= h >>> 8;
        assertThat(l23.hash(f)).isEqualTo(h);
    }
}

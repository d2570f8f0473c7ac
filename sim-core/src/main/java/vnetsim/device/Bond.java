package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.EtherType;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A Linux bond such as {@code bond0} over {@code ens4} and {@code ens5} (drivers/net/bonding). Ports 0..n-1 face
 * the slave NICs, in enslavement order; the ports after them face what is stacked on the bond (802.1Q
 * subinterfaces by VID, or the bridge it is enslaved to), demultiplexed as a NIC does, because
 * __netif_receive_skb_core() runs again on the bond after its rx_handler. The bond's MAC is its first slave's
 * (fail_over_mac none). How a frame chooses a slave:
 * <ul>
 *   <li>active-backup: the active slave ({@code primary} if it is up, else the first up slave) transmits and
 *       receives alone; a frame arriving on a backup slave is dropped (bond_should_deliver_exact_match /
 *       bond_handle_frame, RX_HANDLER_EXACT).</li>
 *   <li>802.3ad: transmit by bond_xmit_hash() modulo the number of up slaves; receive on any slave.</li>
 * </ul>
 * A slave is up when its NIC is up and its cable is connected and up (miimon sees carrier). Rules and sources:
 * {@code src/docs/forwarding-rules.md} section 15.
 */
public final class Bond implements Device {
    private static final int NONE = -1;

    /** The bonding modes the simulator forwards through. */
    public enum Mode {
        /** mode 1: one active slave transmits and receives; the others stand by. */
        ACTIVE_BACKUP("active-backup"),
        /** mode 4 (LACP): every up slave transmits, chosen by the transmit hash; all receive. */
        LACP("802.3ad");

        private final String word;

        Mode(final String word) {
            this.word = word;
        }

        /** The mode as nmstate and sysfs spell it. */
        public String word() {
            return word;
        }
    }

    /** xmit_hash_policy: which header fields 802.3ad hashes to choose a slave. */
    public enum HashPolicy {
        /** The kernel default: the MACs' last bytes and the EtherType; one conversation always takes one slave. */
        LAYER2("layer2"),
        /** The MACs and the IPv4 addresses. */
        LAYER2_3("layer2+3"),
        /** The IPv4 addresses and the TCP/UDP ports (not fully 802.3ad compliant, bonding.rst). */
        LAYER3_4("layer3+4");

        private final String word;

        HashPolicy(final String word) {
            this.word = word;
        }

        /** The policy as nmstate and sysfs spell it ({@code layer2+3}). */
        public String word() {
            return word;
        }
    }

    private final String host;
    private final String name;
    private final Mode mode;
    private final HashPolicy hashPolicy;
    private final List<String> slaveNames = new ArrayList<>();
    private final List<String> upperNames = new ArrayList<>();
    private boolean[] slaveUp = new boolean[0];
    private final VlanDemux demux = new VlanDemux();
    private int primary = NONE;
    private long mac;
    /** Up slaves in port order, recomputed when configuration changes: the 802.3ad transmit table. */
    private int[] upSlaves = new int[0];
    private int active = NONE;
    private boolean sealed;

    /**
     * A bond with no slave yet ({@code ip link add NAME type bond mode M xmit_hash_policy P}); enslave its NICs with
     * {@link #addSlave} before stacking subinterfaces or a bridge on it.
     *
     * @param host the machine it is on, as the design names it ("node0")
     * @param name the bond's interface name ("bond0")
     * @param mode how frames choose a slave
     * @param hashPolicy what 802.3ad hashes (ignored in active-backup)
     */
    public Bond(final String host, final String name, final Mode mode, final HashPolicy hashPolicy) {
        this.host = host;
        this.name = name;
        this.mode = mode;
        this.hashPolicy = hashPolicy;
    }

    /** Enslaves a NIC; the first one gives the bond its MAC. Returns the bond port that links to it. */
    public int addSlave(final String slaveName, final long slaveMac) {
        checkConfigurable();
        if (!upperNames.isEmpty()) {
            throw new IllegalStateException(name + ": enslave every slave before stacking anything on the bond");
        }
        if (slaveNames.isEmpty()) {
            mac = slaveMac;
        }
        slaveNames.add(slaveName);
        slaveUp = java.util.Arrays.copyOf(slaveUp, slaveNames.size());
        slaveUp[slaveNames.size() - 1] = true;
        recompute();
        return slaveNames.size() - 1;
    }

    /** The slave's carrier as miimon sees it: false when its NIC is down or its cable missing or down. */
    public void setSlaveUp(final int slave, final boolean up) {
        checkConfigurable();
        slaveUp[slave] = up;
        recompute();
    }

    /** active-backup's {@code primary}: the slave that is active whenever it is up. */
    public void setPrimary(final int slave) {
        checkConfigurable();
        primary = slave;
        recompute();
    }

    /**
     * Registers an 802.1Q subinterface on the bond; returns the bond port that links to it.
     *
     * @param vid the VLAN ID, 1-4094, frames tagged with it go up to that subinterface
     */
    public int addSubinterface(final int vid, final String subinterfaceName) {
        checkConfigurable();
        demux.checkNoSubinterface(vid, name);
        final int port = addUpper(subinterfaceName);
        demux.addSubinterface(vid, port, name);
        return port;
    }

    /** Enslaves the bond itself to a bridge; returns the bond port that links to it. */
    public int setMaster(final String bridgeName) {
        checkConfigurable();
        demux.checkNoMaster(name);
        final int port = addUpper(bridgeName);
        demux.setMaster(port);                 // br_manage_promisc()
        return port;
    }

    /** A bridge with vlan_filtering 0 on a subinterface of the bond makes the bond promiscuous. */
    public void setPromiscuous(final boolean promiscuous) {
        checkConfigurable();
        demux.setPromiscuous(promiscuous);
    }

    private int addUpper(final String upperName) {
        upperNames.add(upperName);
        return slaveNames.size() + upperNames.size() - 1;
    }

    private void recompute() {
        upSlaves = java.util.stream.IntStream.range(0, slaveUp.length).filter(s -> slaveUp[s]).toArray();
        active = primary != NONE && slaveUp[primary] ? primary : upSlaves.length > 0 ? upSlaves[0] : NONE;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (port < slaveNames.size()) {
            receiveFromSlave(frame, port, out);
        } else {
            transmitToSlave(frame, port, out);
        }
    }

    /** bond_handle_frame(): only the active slave delivers in active-backup; any up slave in 802.3ad. */
    private void receiveFromSlave(final Frame frame, final int slave, final Egress out) {
        if (!slaveUp[slave]) {
            out.drop(frame, slave, DropReason.LINK_DOWN, 0);
            return;
        }
        if (mode == Mode.ACTIVE_BACKUP && slave != active) {
            out.drop(frame, slave, DropReason.BOND_BACKUP_SLAVE, 0);
            return;
        }
        demux.receive(frame, slave, mac, out);                       // then as a NIC does
    }

    /** bond_start_xmit(): the active slave, or the 802.3ad hash over the up slaves. */
    private void transmitToSlave(final Frame frame, final int port, final Egress out) {
        if (upSlaves.length == 0) {
            out.drop(frame, port, DropReason.BOND_NO_UP_SLAVE, slaveNames.size());
            return;
        }
        final int slave = mode == Mode.ACTIVE_BACKUP ? active
                : upSlaves[Integer.remainderUnsigned(hash(frame), upSlaves.length)];
        out.transmit(frame, slave, Action.TRANSMITTED);
    }

    /**
     * bond_xmit_hash() as __bond_xmit_hash() computes it on a little-endian host. layer2: bond_eth_hash(), the
     * last byte of each MAC XOR the EtherType (the VLAN tag of a subinterface is offloaded, so the type after it).
     * layer2+3 and layer3+4 fold in the IPv4 addresses (and the TCP/UDP ports) as bond_ip_hash() does; a frame
     * that is not IPv4 falls back to layer2.
     */
    int hash(final Frame frame) {
        final byte[] b = frame.bytes();
        final int s = frame.start();
        final int eth = (b[s + 5] & 0xff) ^ (b[s + 11] & 0xff) ^ frame.etherType();
        if (hashPolicy == HashPolicy.LAYER2 || frame.etherType() != EtherType.IPV4) {
            return eth;
        }
        final int l3 = frame.l3Offset();
        int h;
        if (hashPolicy == HashPolicy.LAYER2_3) {
            h = eth;
        } else {
            final int protocol = b[l3 + 9] & 0xff;
            final int l4 = l3 + (b[l3] & 0x0f) * 4;
            h = (protocol == 6 || protocol == 17) && l4 + 4 <= frame.end() ? littleEndian(b, l4) : 0;
        }
        h ^= littleEndian(b, l3 + 12) ^ littleEndian(b, l3 + 16);
        h ^= h >>> 16;
        h ^= h >>> 8;
        return hashPolicy == HashPolicy.LAYER3_4 ? h >>> 1 : h;
    }

    private static int littleEndian(final byte[] b, final int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** tcpdump on bond0 sees its upper side. */
    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return port >= slaveNames.size();
    }

    @Override
    public void seal() {
        sealed = true;
    }

    private void checkConfigurable() {
        Sealing.check(sealed, host + "/" + name);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return name;
    }

    @Override
    public String portName(final int port) {
        return port < slaveNames.size() ? name + " (slave " + slaveNames.get(port) + ")"
                : name + " (to " + upperNames.get(port - slaveNames.size()) + ")";
    }

    @Override
    public int portCount() {
        return slaveNames.size() + upperNames.size();
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.BOND;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(name + "  bond, mode " + mode.word() + ", mac " + MacAddress.format(mac) + ", " + choice());
        for (int s = 0; s < slaveNames.size(); s++) {
            lines.add("  slave " + slaveNames.get(s) + (slaveUp[s] ? "" : " (link down)")
                    + (mode == Mode.ACTIVE_BACKUP ? (s == active ? " active" : " backup") : ""));
        }
        return lines;
    }

    /** How frames choose a slave, in words. */
    public String choice() {
        if (mode == Mode.ACTIVE_BACKUP) {
            return active == NONE ? "no slave is up: every frame is dropped"
                    : "every frame leaves and arrives on the active slave " + slaveNames.get(active)
                    + (primary != NONE ? " (primary " + slaveNames.get(primary) + ")" : "")
                    + "; frames on a backup slave are dropped";
        }
        return "transmit hash " + hashPolicy.word() + (hashPolicy == HashPolicy.LAYER2
                ? " (last byte of src MAC ^ last byte of dst MAC ^ EtherType" : " (MACs, IPv4 addresses"
                + (hashPolicy == HashPolicy.LAYER3_4 ? ", TCP/UDP ports" : "")) + " mod " + upSlaves.length
                + " up slaves); receive on any slave";
    }

    /** The bonding mode it was created with. */
    public Mode mode() {
        return mode;
    }

    /** The bond's MAC: its first slave's (fail_over_mac none), 48 bits in a long; 0 before any slave. */
    public long mac() {
        return mac;
    }

    /** The slave port active-backup uses now, or -1 when none is up. */
    public int activeSlave() {
        return active;
    }
}

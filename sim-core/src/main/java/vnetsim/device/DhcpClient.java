package vnetsim.device;

import vnetsim.frame.Dhcp;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * The DHCPv4 client of one endpoint (RFC 2131 section 4.4, figure 5), as a Linux guest's dhclient runs it on boot:
 * INIT sends DHCPDISCOVER and enters SELECTING; the first DHCPOFFER is taken, DHCPREQUEST (broadcast, naming the
 * server and the offered address) enters REQUESTING; DHCPACK binds and the lease (address, mask, router) is applied
 * to the interface; DHCPNAK starts over. Replies with another transaction ID or client hardware address, or out of
 * turn, are ignored (4.4.1).
 *
 * <p>Retransmission (4.1): "the delay before the first retransmission SHOULD be 4 seconds ... doubled on
 * subsequent retransmissions"; here without the ±1 s randomisation, so runs repeat exactly: messages at 0, 4, 12
 * and 28 s of virtual time, and after 60 s without an answer (dhclient's default {@code timeout 60}) the client
 * gives up. The transaction ID is derived from the MAC (real clients draw it at random) for the same reason.
 * Not modelled: the ARP probe of the offered address (RFC 2131 says SHOULD; dhclient does not by default), renewal
 * at T1/T2, relay agents.
 */
final class DhcpClient {
    /** The timer token: 255.255.255.255, which is never the target of an ARP probe. */
    static final int TIMER = -1;
    static final long FIRST_RETRANSMIT_NS = 4_000_000_000L;
    static final int MAX_TRANSMISSIONS = 4;

    enum State { SELECTING, REQUESTING, BOUND, FAILED }

    private final long mac;
    private final int xid;
    private State state = State.SELECTING;
    private int transmissions;
    private long retransmitAt;
    private int offeredIp;
    private int serverId;
    private int ip;
    private int prefixLength;
    private int router;
    private int ipIdentification;
    private int firstPacket;

    DhcpClient(final long mac) {
        this.mac = mac;
        this.xid = (int) (mac ^ (mac >>> 16) ^ 0x3903f326L);
    }

    /** INIT: the first DHCPDISCOVER; returns its packet id. */
    int start(final Egress out) {
        state = State.SELECTING;
        transmissions = 0;
        firstPacket = transmit(out);
        return firstPacket;
    }

    private int transmit(final Egress out) {
        final Dhcp.Message m = state == State.SELECTING
                ? new Dhcp.Message(Dhcp.DISCOVER, xid, false, 0, 0, 0, mac, 0, 0, 0, 0, 0)
                : new Dhcp.Message(Dhcp.REQUEST, xid, false, 0, 0, 0, mac, serverId, offeredIp, 0, 0, 0);
        ipIdentification = (ipIdentification + 1) & 0xffff;
        final Frame f = Dhcp.write(out.newFrame(), mac, MacAddress.BROADCAST, 0, -1, m, ipIdentification);
        final int packet = out.packetOf(f);
        transmissions++;
        final long delay = FIRST_RETRANSMIT_NS << (transmissions - 1);    // 4, 8, 16, 32 s
        retransmitAt = out.now() + delay;
        out.transmit(f, Endpoint.NIC, Action.ORIGINATED);
        out.schedule(delay, TIMER);
        return packet;
    }

    /** The retransmission timer: send again while attempts remain, else give up. Stale timers do nothing. */
    void onTimer(final Egress out) {
        if ((state != State.SELECTING && state != State.REQUESTING) || out.now() < retransmitAt) {
            return;
        }
        if (transmissions >= MAX_TRANSMISSIONS) {
            state = State.FAILED;
            return;
        }
        transmit(out);
    }

    /** A DHCP message for port 68 arrived; the endpoint has checked the MAC. */
    void receive(final Frame frame, final int port, final Dhcp.Message m, final Egress out) {
        if (m.xid() != xid || m.chaddr() != mac) {
            out.drop(frame, port, DropReason.DHCP_REPLY_IGNORED, 0);
            return;
        }
        if (state == State.SELECTING && m.type() == Dhcp.OFFER && m.yiaddr() != 0) {
            out.deliver(frame, port);
            offeredIp = m.yiaddr();
            serverId = m.serverId();
            state = State.REQUESTING;
            transmissions = 0;
            transmit(out);
        } else if (state == State.REQUESTING && m.type() == Dhcp.ACK && m.yiaddr() == offeredIp) {
            out.deliver(frame, port);
            ip = m.yiaddr();
            prefixLength = m.mask() == 0 ? 24 : Integer.bitCount(m.mask());    // no option 1: a class C guess, as dhclient
            router = m.router();
            state = State.BOUND;
        } else if (state == State.REQUESTING && m.type() == Dhcp.NAK) {
            out.deliver(frame, port);
            start(out);
        } else {
            out.drop(frame, port, DropReason.DHCP_REPLY_IGNORED, 0);
        }
    }

    boolean bound() {
        return state == State.BOUND;
    }

    State state() {
        return state;
    }

    int ip() {
        return ip;
    }

    int prefixLength() {
        return prefixLength;
    }

    int router() {
        return router;
    }

    int transmissions() {
        return transmissions;
    }
}

package vnetsim.trace;

import vnetsim.device.DropReason;

/**
 * One packet's drop: which packet (in words), where and why. {@link Trace#cause()} is the drop a failed flow
 * traces back to (the ARP request a switch did not flood to the destination, the reply a NIC refused);
 * {@link Trace#drops()} lists every drop of the run.
 *
 * @param packet the packet in words: "ARP request who-has 172.16.5.10 tell 172.16.5.1", "ICMP echo request
 *               172.16.4.208 > 172.16.5.10"
 * @param device the device that dropped it (or, for a flood that left a port out, the device that flooded)
 * @param iface  the interface: where it was dropped, or the port the flood left out
 * @param reason the reason in words, with the VLAN where a VLAN decided it
 * @param code   the reason as a value tests compare
 */
public record PacketDrop(String packet, String device, String iface, String reason, DropReason code) {
    /** "ARP request who-has 172.16.5.10 tell 172.16.5.1, dropped at Switch/Ethernet1/3: VLAN 2004 is ...". */
    public String text() {
        return packet + ", dropped at " + device + "/" + iface + ": " + reason;
    }

    /** "Switch / Ethernet1/3", as {@link Step#place()}. */
    public String place() {
        return device + " / " + iface;
    }
}

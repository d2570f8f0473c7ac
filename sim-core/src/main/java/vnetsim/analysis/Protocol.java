package vnetsim.analysis;

import java.util.Locale;

/** What the traced packet is. */
public enum Protocol {
    /** An ICMP echo request, as ping sends. */
    ICMP,
    /** A UDP datagram to port 33434, as traceroute's first probe. */
    UDP,
    /** An ARP request for the destination's address, as arping sends. */
    ARP;

    /**
     * The protocol as the command line and reports spell it.
     *
     * @return the lower-case name: {@code icmp}, {@code udp} or {@code arp}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

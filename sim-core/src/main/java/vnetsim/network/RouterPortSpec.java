package vnetsim.network;

import vnetsim.frame.MacAddress;

/**
 * A router's physical port, linked by name in {@link NetworkSpec#links()}.
 *
 * @param name     the port ({@code Uplink 1}, {@code eth1})
 * @param mac      its MAC, the source MAC of everything routed out of it
 * @param shutdown administratively down: nothing enters or leaves
 */
public record RouterPortSpec(String name, long mac, boolean shutdown) {
    /** A port that is up, with its MAC ({@code "00:1b:17:00:01:01"}). */
    public static RouterPortSpec of(final String name, final String mac) {
        return new RouterPortSpec(name, MacAddress.parse(mac), false);
    }

    /** This port shut down ({@code true}) or up. */
    public RouterPortSpec withShutdown(final boolean down) {
        return new RouterPortSpec(name, mac, down);
    }
}

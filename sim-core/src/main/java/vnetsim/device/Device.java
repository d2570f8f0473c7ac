package vnetsim.device;

import vnetsim.frame.Frame;

/**
 * A simulated network component with numbered ports. Each kind is one small class whose {@link #receive} reads
 * top to bottom as the real component's forwarding rules. Names are for people; inside the engine a device is
 * an index and a port is an int.
 */
public interface Device {
    /** The device as a design document names it: "node0", "Switch", "Firewall", "Virtual Machine 1". */
    String host();

    /** The interface a port belongs to, as configured: "enp4s0f0.2003", "Ethernet1/3", "bridge2003". */
    String interfaceName(int port);

    /** The port itself, for notes: a bridge's port is the enslaved device's name. */
    default String portName(final int port) {
        return interfaceName(port);
    }

    int portCount();

    DeviceKind kind();

    /** Handles one frame that arrived on {@code port}; must transmit, deliver or drop it (or queue it). */
    void receive(Frame frame, int port, Egress out);

    /** A timer this device scheduled through {@link Egress#schedule} fired. */
    default void onTimer(final int token, final Egress out) {
    }

    /**
     * Whether tcpdump on this device's interface would see the frame at this port and direction: a NIC's wire
     * side (tagged), a subinterface's upper side (untagged). Used by captures.
     */
    default boolean isCapturePoint(final int port, final Direction direction) {
        return true;
    }

    /** Forgets learned state (FDB, ARP caches, pending packets): a cold start. */
    default void reset() {
    }
}

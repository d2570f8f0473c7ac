package vnetsim.device;

import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Frame;

/**
 * A simulated network component with numbered ports. Each kind is one small class whose {@link #receive} reads
 * top to bottom as the real component's forwarding rules. Names are for people; inside the engine a device is
 * an index and a port is an int. Everything the rest of vnetsim needs to know about a kind it asks the device
 * ({@link #kind}, {@link #role}, {@link #noun}, {@link #addresses}, {@link #describe}); nothing outside this
 * package tests a device's class.
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

    /**
     * Whether {@code port} leads to this device's own host stack rather than to another device: a Linux bridge's
     * port to the bridge device itself, where a frame "switched out" was in fact passed up to the host.
     */
    default boolean isHostPort(final int port) {
        return false;
    }

    /** How many ports the device has; ports are numbered 0 to {@code portCount() - 1} and never renumbered. */
    int portCount();

    /** What kind of device this is: its role, noun and description ({@link DeviceKind} for the built-in kinds). */
    Kind kind();

    /** The part this device plays; the kind's role. */
    default Role role() {
        return kind().role();
    }

    /** The noun trace notes use for this device ("Linux bridge", "VM", "pod"); the kind's noun unless it varies. */
    default String noun() {
        return kind().noun();
    }

    /**
     * The route a router takes for {@code address}, in words ("172.16.5.0/24", "default via 192.168.24.1"),
     * or null when it has none or this device does not route.
     */
    default String routeText(final int address) {
        return null;
    }

    /**
     * Whether this device evaluates access rules on what it routes, so a trace note may say "ACLs evaluated
     * (permit)": a firewall does; a Linux host forwarding with ip_forward or an OVN logical router does not.
     */
    default boolean filtersRoutedTraffic() {
        return false;
    }

    /**
     * The interface a routed packet leaves this device by, as a trace note words it after "Exiting via": by default
     * the interface's own name ("ens3", "cni0"); a kind may name what the interface is instead.
     */
    default String routedExit(final int port) {
        return interfaceName(port);
    }

    /** The IPv4 addresses configured on this device's interfaces, in configuration order (none for L2 devices). */
    default List<InterfaceAddress> addresses() {
        return List.of();
    }

    /**
     * How {@code vnetsim describe} shows this device: the first line, then indented sub-lines (ports, routed
     * interfaces).
     *
     * @param peer names what is connected to a port ("node0/enp4s0f0 (wire)", or "nothing")
     */
    default List<String> describe(final IntFunction<String> peer) {
        return List.of(interfaceName(0) + "  " + kind().description());
    }

    /**
     * How a picture draws this device; by default one box holding all its ports, labelled with its kind's
     * description.
     */
    default Sketch sketch() {
        return Sketch.whole(this, Sketch.Shape.OTHER, kind().description(), 0);
    }

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

    /**
     * Called by {@link vnetsim.topology.TopologyBuilder#build()}: the device is now part of a built topology, which
     * may be shared by threads, so its configuration methods throw {@link IllegalStateException} from now on
     * (a what-if builds a new topology).
     */
    default void seal() {
    }

    /**
     * This device for one simulation: the same configuration (shared, never written while simulating) with its
     * own empty learned state (FDB, ARP cache, pending packets, counters). A built {@link
     * vnetsim.topology.Topology} holds configuration only; each {@code Simulator} runs instances of it, so one
     * topology serves any number of simulations on any number of threads. A device without learned state may
     * return itself.
     */
    default Device instantiate() {
        return this;
    }
}

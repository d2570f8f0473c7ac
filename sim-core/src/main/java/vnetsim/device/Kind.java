package vnetsim.device;

/**
 * What a kind of device is, in the words the rest of vnetsim needs: its {@link Role}, the noun trace notes use
 * ("Linux bridge", "VLAN interface"), the description a capture file gives its interfaces, and whether its ports
 * are interfaces of their own in design documents (a switch's {@code Ethernet1/3}) or the device is one interface
 * whose ports are other devices (a bridge). The built-in kinds are the lines of {@link DeviceKind}.
 */
public interface Kind {
    /** The part devices of this kind play: host stack, L2 switching, L3 routing or kernel plumbing. */
    Role role();

    /** The noun notes use: "Switched by Linux bridge", "Adding VLAN tag 2003 via VLAN interface". */
    String noun();

    /** The description a capture file gives this kind's interfaces. */
    String description();

    /** True when each port is an interface of its own (a switch port), false when the device is one interface. */
    boolean portsAreInterfaces();
}

package vnetsim.network;

import java.util.List;
import vnetsim.device.InterfaceNames;
import vnetsim.device.l2.VlanSet;

/**
 * An NX-OS style L2 switch and its ports.
 *
 * @param name  the switch's hostname
 * @param ports its ports, in order
 * @param vlans the VLANs that exist on it ({@code vlan N}); a VLAN a port allows but that does not exist carries
 *              nothing. {@link VlanSet#ALL} when not said (every VLAN exists)
 */
public record SwitchSpec(String name, List<SwitchPortSpec> ports, VlanSet vlans) {
    /** Copies the port list: the record stays immutable. */
    public SwitchSpec {
        ports = List.copyOf(ports);
    }

    /** A switch on which every VLAN exists. */
    public SwitchSpec(final String name, final List<SwitchPortSpec> ports) {
        this(name, ports, VlanSet.ALL);
    }

    /** This switch with exactly these VLANs created. */
    public SwitchSpec withVlans(final VlanSet created) {
        return new SwitchSpec(name, ports, created);
    }

    /** A port by name, as the config or a person writes it ({@code Ethernet1/3}, {@code Eth1/3}). */
    public SwitchPortSpec port(final String portName) {
        final String wanted = InterfaceNames.normalize(portName);
        return ports.stream().filter(p -> InterfaceNames.normalize(p.name()).equals(wanted)).findFirst()
                .orElseThrow(() -> UnknownNameException.of("port on " + name, portName,
                        ports.stream().map(SwitchPortSpec::name).toList()));
    }

    /** This switch with {@code port} replacing the port of the same name (or added last). */
    public SwitchSpec withPort(final SwitchPortSpec port) {
        return new SwitchSpec(name, Lists.replaceOrAdd(ports, port, p -> InterfaceNames.normalize(p.name())), vlans);
    }
}

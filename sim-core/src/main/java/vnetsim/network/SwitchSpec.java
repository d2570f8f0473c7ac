package vnetsim.network;

import java.util.List;
import vnetsim.device.InterfaceNames;

/**
 * An NX-OS style L2 switch and its ports.
 *
 * @param name  the switch's hostname
 * @param ports its ports, in order
 */
public record SwitchSpec(String name, List<SwitchPortSpec> ports) {
    /** Copies the port list: the record stays immutable. */
    public SwitchSpec {
        ports = List.copyOf(ports);
    }

    /** A port by name, as the config or a person writes it ({@code Ethernet1/3}, {@code Eth1/3}). */
    public SwitchPortSpec port(final String portName) {
        final String wanted = InterfaceNames.normalize(portName);
        return ports.stream().filter(p -> InterfaceNames.normalize(p.name()).equals(wanted)).findFirst()
                .orElseThrow(() -> new UnknownNameException("port on " + name, portName,
                        Names.closest(portName, ports.stream().map(SwitchPortSpec::name).toList())));
    }

    /** This switch with {@code port} replacing the port of the same name (or added last). */
    public SwitchSpec withPort(final SwitchPortSpec port) {
        return new SwitchSpec(name, Lists.replaceOrAdd(ports, port, p -> InterfaceNames.normalize(p.name())));
    }
}

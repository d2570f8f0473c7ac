package vnetsim.device;

import java.util.List;

/**
 * How a picture draws a device: the boxes it is made of and the links inside it. A device says this itself
 * ({@link Device#sketch}), so a picture never tests a device's class: a new kind draws sensibly by the default
 * (one box, its kind's description) and draws as its real counterpart once it overrides {@code sketch}.
 *
 * @param parts  the boxes, in drawing order
 * @param links  links between two of this device's boxes (a router's subinterface and the port it rides on)
 * @param detail one line about the device as a whole, shown on its group ("NX-OS switch"), or ""
 */
public record Sketch(List<Part> parts, List<Link> links, String detail) {
    /** The shape of a box, which also fixes its tier (routers above switches above hosts above workloads). */
    public enum Shape {
        /** A network interface card (physical NIC, bond, a host's network device). */
        NIC,
        /** An 802.1Q VLAN subinterface. */
        SUBINTERFACE,
        /** A Linux bridge. */
        BRIDGE,
        /** A switch port. */
        SWITCH_PORT,
        /** A router's physical port (trunk uplink or routed port). */
        ROUTER_PORT,
        /** A router's routed subinterface, with its gateway address. */
        ROUTER_SUBINTERFACE,
        /** A VM or pod. */
        WORKLOAD,
        /** Anything else: a kind that does not say how it draws. */
        OTHER
    }

    /**
     * One box.
     *
     * @param shape  what it is
     * @param name   the interface or workload name ("enp4s0f0.2003", "Virtual Machine 1")
     * @param detail one short line ("802.1Q VLAN 2003", "access 2003")
     * @param vlan   the one VLAN it belongs to, 0 when none or several (a trunk), or when it follows its neighbours
     * @param subnet the VLAN's subnet when this box knows it (a router's subinterface), else ""
     * @param ports  the device's ports drawn as this box (none for a router's subinterface)
     */
    public record Part(Shape shape, String name, String detail, int vlan, String subnet, List<Integer> ports) {
        /** A box; its port list is copied, so the record stays immutable. */
        public Part {
            ports = List.copyOf(ports);
        }
    }

    /**
     * A link inside the device between two of its parts.
     *
     * @param from index into {@link #parts}
     * @param to   index into {@link #parts}
     * @param vlan the VLAN the link carries, 0 when none or several
     */
    public record Link(int from, int to, int vlan) {
    }

    /** A sketch; the part and link lists are copied, so the record stays immutable. */
    public Sketch {
        parts = List.copyOf(parts);
        links = List.copyOf(links);
    }

    /** One box holding every port of {@code device}. */
    public static Sketch whole(final Device device, final Shape shape, final String detail, final int vlan) {
        final String name = device.portCount() > 0 ? device.interfaceName(0) : device.host();
        return new Sketch(List.of(new Part(shape, name, detail, vlan, "", allPorts(device))),
                List.of(), "");
    }

    /** Every port of {@code device}, in order. */
    public static List<Integer> allPorts(final Device device) {
        return java.util.stream.IntStream.range(0, device.portCount()).boxed().toList();
    }
}

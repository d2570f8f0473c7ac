package vnetsim.draw;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a picture shows, with no geometry and no device classes: groups (a host, the switch, the router) holding
 * elements (an interface, a bridge, a workload), the links between elements, and the VLANs with their subnets.
 *
 * @param network  the network's name (and the node's, for one node's inside)
 * @param groups   in the order the topology defines them
 * @param links    every link once, in topology order
 * @param vlans    VID to subnet text ("172.16.4.0/24", or "" when no router interface names one), sorted
 * @param byPlace  "device\u0000interface" (as trace steps name them) to element id
 */
public record Diagram(String network, List<Group> groups, List<Link> links, SortedMap<Integer, String> vlans,
                      Map<String, String> byPlace) {
    public Diagram {
        groups = List.copyOf(groups);
        links = List.copyOf(links);
        byPlace = Map.copyOf(byPlace);
    }

    /** What a box in a group is; decides its place in the layered order and its shape. */
    public enum Role {
        ROUTER_SUBINTERFACE(0), ROUTER_PORT(1), SWITCH_PORT(2), NIC(3), SUBINTERFACE(4), BRIDGE(5), WORKLOAD(6),
        OTHER(3);

        private final int tier;

        Role(final int tier) {
            this.tier = tier;
        }

        /** Top-down order in the picture: routers above switches above hosts, workloads at the bottom. */
        public int tier() {
            return tier;
        }
    }

    /** What a group is. */
    public enum GroupRole { ROUTER, SWITCH, HOST, WORKLOAD }

    /**
     * One box inside a group.
     *
     * @param id     stable id, also used in SVG ids
     * @param name   the interface or workload name ("enp4s0f0.2003", "Virtual Machine 1")
     * @param detail one short line ("802.1Q VLAN 2003", "VM 172.16.4.208/24")
     * @param vlan   the one VLAN it belongs to, or 0 when none or several (a trunk)
     */
    public record Element(String id, String group, Role role, String name, String detail, int vlan) {
    }

    /** A host, the switch, the router, or a workload not on a host. */
    public record Group(String id, String name, GroupRole role, String detail, List<Element> elements) {
        public Group {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A link between two elements: a cable between groups, or an internal one (a subinterface on its NIC, a
     * bridge port, a veth) inside a group. {@code from} is the end nearer the top of the picture.
     *
     * @param vlan the one VLAN the link carries, or 0 (a trunk, or nothing known)
     */
    public record Link(String id, String from, String to, boolean cable, int vlan) {
        public boolean joins(final String a, final String b) {
            return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
        }
    }

    public Optional<Element> element(final String id) {
        for (final Group g : groups) {
            for (final Element e : g.elements()) {
                if (e.id().equals(id)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The element a trace step at this device and interface is drawn at. */
    public Optional<String> elementAt(final String device, final String iface) {
        return Optional.ofNullable(byPlace.get(place(device, iface)));
    }

    static String place(final String device, final String iface) {
        return device + "\u0000" + iface;
    }

    /**
     * The diagram without some groups, and without the boxes of other groups whose every link led into them (a
     * switch port cabled to a host left out); {@code note} says what was left out.
     */
    public Diagram without(final java.util.Set<String> groupIds, final String note) {
        final java.util.Set<String> gone = new java.util.HashSet<>();
        groups.stream().filter(g -> groupIds.contains(g.id())).forEach(g -> g.elements().forEach(e -> gone.add(e.id())));
        for (final Group g : groups) {
            for (final Element e : g.elements()) {
                final List<Link> own = links.stream().filter(l -> l.from().equals(e.id()) || l.to().equals(e.id()))
                        .toList();
                if (!own.isEmpty() && own.stream().allMatch(l -> gone.contains(l.from()) || gone.contains(l.to()))) {
                    gone.add(e.id());
                }
            }
        }
        final List<Group> kept = new java.util.ArrayList<>();
        for (final Group g : groups) {
            if (!groupIds.contains(g.id())) {
                kept.add(new Group(g.id(), g.name(), g.role(), g.detail(),
                        g.elements().stream().filter(e -> !gone.contains(e.id())).toList()));
            }
        }
        final Map<String, String> places = new java.util.HashMap<>();
        byPlace.forEach((k, v) -> {
            if (!gone.contains(v)) {
                places.put(k, v);
            }
        });
        return new Diagram(network + " (" + note + ")", kept, links.stream()
                .filter(l -> !gone.contains(l.from()) && !gone.contains(l.to())).toList(), vlans, places);
    }

    /** The group of one host only, with the links inside it (for {@code --node}). */
    public Diagram only(final String groupName) {
        final Group g = groups.stream().filter(x -> x.name().equalsIgnoreCase(groupName.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + groupName + "' in " + network
                        + "; nodes: " + String.join(", ", groups.stream().map(Group::name).toList())));
        final java.util.Set<String> ids = new java.util.HashSet<>();
        g.elements().forEach(e -> ids.add(e.id()));
        final List<Link> inside = links.stream().filter(l -> ids.contains(l.from()) && ids.contains(l.to())).toList();
        final Map<String, String> places = new java.util.HashMap<>();
        byPlace.forEach((k, v) -> {
            if (ids.contains(v)) {
                places.put(k, v);
            }
        });
        final SortedMap<Integer, String> used = new java.util.TreeMap<>();
        g.elements().forEach(e -> {
            if (vlans.containsKey(e.vlan())) {
                used.put(e.vlan(), vlans.get(e.vlan()));
            }
        });
        return new Diagram(network + " \u00b7 " + g.name(), List.of(g), inside, used, places);
    }
}

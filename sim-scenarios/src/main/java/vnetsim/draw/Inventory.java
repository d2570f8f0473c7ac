package vnetsim.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vnetsim.device.Device;
import vnetsim.device.Sketch;
import vnetsim.draw.Diagram.Element;
import vnetsim.draw.Diagram.Group;
import vnetsim.draw.Diagram.GroupRole;
import vnetsim.draw.Diagram.Link;
import vnetsim.draw.Diagram.Role;
import vnetsim.topology.Topology;

/**
 * Reads a topology into a {@link Diagram}. It knows no device kind: each device says how it is drawn ({@link
 * Device#sketch}): which box each of its ports is drawn as, what one line says about it, which VLAN it belongs
 * to. Everything else draws kind-free boxes and links.
 *
 * <p>Grouping: devices sharing a {@link Device#host()} form a group (a host, the switch, the firewall); a
 * workload is drawn inside the host whose bridge it is plugged into, as the documents' "single node" picture
 * does. A switch port is one box per port; a host's NIC, subinterface or bridge is one box whatever its number of
 * ports; the router shows its uplink and one box per routed subinterface. A bridge or workload with no VLAN of its
 * own takes the one VLAN of the boxes it is linked to (a VLAN-unaware bridge on a subinterface is that VLAN).
 */
public final class Inventory {
    private final Topology topology;
    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final Map<Long, String> elementOfPort = new HashMap<>();
    private final Map<String, Element> elements = new LinkedHashMap<>();
    private final Map<String, String> byPlace = new HashMap<>();
    private final SortedMap<Integer, String> vlans = new TreeMap<>();
    private final List<Link> links = new ArrayList<>();
    private int nextId;

    private Inventory(final Topology topology) {
        this.topology = topology;
    }

    /** The diagram of a whole network. */
    public static Diagram read(final String network, final Topology topology) {
        return new Inventory(topology).build(network);
    }

    private Diagram build(final String network) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            add(d, topology.device(d));
        }
        inferVlans();
        linkPorts();
        final List<Group> result = new ArrayList<>();
        for (final GroupBuilder g : groups.values()) {
            final List<Element> members = new ArrayList<>();
            for (final String id : g.elements) {
                members.add(elements.get(id));
            }
            result.add(new Group(g.id, g.name, g.role, g.detail, members));
        }
        return new Diagram(network, result, links, vlans, byPlace);
    }

    // ---- what each device says about its drawing ---------------------------------------------------------------

    private void add(final int d, final Device device) {
        final Sketch sketch = device.sketch();
        final GroupBuilder g = group(placement(d, sketch), groupRole(sketch));
        if (!sketch.detail().isEmpty()) {
            g.detail = sketch.detail();
        }
        final List<String> ids = new ArrayList<>();
        for (final Sketch.Part part : sketch.parts()) {
            if (part.vlan() > 0) {
                if (part.subnet().isEmpty()) {
                    vlans.putIfAbsent(part.vlan(), "");
                } else {
                    vlans.put(part.vlan(), part.subnet());
                }
            }
            final String id = element(g, role(part.shape()), part.name(), part.detail(), part.vlan());
            ids.add(id);
            for (final int p : part.ports()) {
                port(d, p, id);
            }
            if (!part.ports().isEmpty()) {
                byPlace.put(Diagram.place(device.host(), device.interfaceName(part.ports().get(0))), id);
            }
        }
        for (final Sketch.Link link : sketch.links()) {
            links.add(new Link("l" + links.size(), ids.get(link.from()), ids.get(link.to()), false, link.vlan()));
        }
    }

    private static Role role(final Sketch.Shape shape) {
        return switch (shape) {
            case NIC -> Role.NIC;
            case SUBINTERFACE -> Role.SUBINTERFACE;
            case BRIDGE -> Role.BRIDGE;
            case SWITCH_PORT -> Role.SWITCH_PORT;
            case ROUTER_PORT -> Role.ROUTER_PORT;
            case ROUTER_SUBINTERFACE -> Role.ROUTER_SUBINTERFACE;
            case WORKLOAD -> Role.WORKLOAD;
            case OTHER -> Role.OTHER;
        };
    }

    /** A device drawn with router ports is a router's group, with switch ports a switch's, a lone workload's own. */
    private static GroupRole groupRole(final Sketch sketch) {
        final List<Sketch.Shape> shapes = sketch.parts().stream().map(Sketch.Part::shape).toList();
        if (shapes.contains(Sketch.Shape.ROUTER_PORT)) {
            return GroupRole.ROUTER;
        }
        if (shapes.contains(Sketch.Shape.SWITCH_PORT)) {
            return GroupRole.SWITCH;
        }
        return !shapes.isEmpty() && shapes.stream().allMatch(s -> s == Sketch.Shape.WORKLOAD) ? GroupRole.WORKLOAD
                : GroupRole.HOST;
    }

    /**
     * The group a device is drawn in: its own host, except a workload (a host stack drawn as a workload), which is
     * drawn inside the host of what it plugs into, as the documents' "single node" picture does, unless that is
     * another host stack (two workloads cabled back to back) or nothing.
     */
    private String placement(final int d, final Sketch sketch) {
        final Device device = topology.device(d);
        if (device.role() != vnetsim.device.Role.HOST_STACK || device.portCount() == 0
                || sketch.parts().stream().anyMatch(p -> p.shape() != Sketch.Shape.WORKLOAD)) {
            return device.host();
        }
        final int peer = topology.peerDevice(d, 0);
        if (peer == Topology.NOT_CONNECTED || topology.device(peer).role() == vnetsim.device.Role.HOST_STACK) {
            return device.host();
        }
        return topology.device(peer).host();
    }

    // ---- kind-free bookkeeping ----------------------------------------------------------------------------------

    private static final class GroupBuilder {
        final String id;
        final String name;
        GroupRole role;
        String detail = "";
        final List<String> elements = new ArrayList<>();

        GroupBuilder(final String id, final String name, final GroupRole role) {
            this.id = id;
            this.name = name;
            this.role = role;
        }
    }

    private GroupBuilder group(final String host, final GroupRole role) {
        final GroupBuilder g = groups.computeIfAbsent(host, h -> new GroupBuilder("g" + groups.size(), h, role));
        if (g.role == GroupRole.WORKLOAD && role != GroupRole.WORKLOAD) {
            g.role = role;
        }
        return g;
    }

    /** One box for every port of device {@code d}. */
    private String whole(final int d, final GroupBuilder g, final Role role, final String name, final String detail,
                         final int vlan) {
        final String id = element(g, role, name, detail, vlan);
        final Device device = topology.device(d);
        for (int p = 0; p < device.portCount(); p++) {
            port(d, p, id);
        }
        byPlace.put(Diagram.place(device.host(), device.interfaceName(0)), id);
        return id;
    }

    private String element(final GroupBuilder g, final Role role, final String name, final String detail,
                           final int vlan) {
        final String id = "e" + nextId++;
        elements.put(id, new Element(id, g.id, role, name, detail, vlan));
        g.elements.add(id);
        return id;
    }

    private void port(final int d, final int p, final String id) {
        elementOfPort.put(((long) d << 32) | p, id);
    }

    private String elementOf(final int d, final int p) {
        return elementOfPort.get(((long) d << 32) | p);
    }

    /** Bridges and workloads take the single VLAN of their neighbours, until nothing changes. */
    private void inferVlans() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int d = 0; d < topology.deviceCount(); d++) {
                for (int p = 0; p < topology.device(d).portCount(); p++) {
                    final Element e = elements.get(elementOf(d, p));
                    if (e.vlan() != 0 || e.role() != Role.BRIDGE && e.role() != Role.WORKLOAD) {
                        continue;
                    }
                    final int vid = neighbourVlan(d);
                    if (vid > 0) {
                        elements.put(e.id(), new Element(e.id(), e.group(), e.role(), e.name(), e.detail(), vid));
                        changed = true;
                    }
                }
            }
        }
    }

    /** The one VLAN of the boxes linked to device {@code d}, 0 when none, -1 when several. */
    private int neighbourVlan(final int d) {
        int vid = 0;
        for (int p = 0; p < topology.device(d).portCount(); p++) {
            final int peer = topology.peerDevice(d, p);
            if (peer == Topology.NOT_CONNECTED) {
                continue;
            }
            final int v = elements.get(elementOf(peer, topology.peerPort(d, p))).vlan();
            if (v != 0 && vid != 0 && v != vid) {
                return -1;
            }
            vid = v == 0 ? vid : v;
        }
        return vid;
    }

    private void linkPorts() {
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (int p = 0; p < topology.device(d).portCount(); p++) {
                final int peer = topology.peerDevice(d, p);
                final int peerPort = topology.peerPort(d, p);
                if (peer == Topology.NOT_CONNECTED || peer < d || peer == d && peerPort < p) {
                    continue;
                }
                final Element a = elements.get(elementOf(d, p));
                final Element b = elements.get(elementOf(peer, peerPort));
                final boolean aFirst = a.role().tier() <= b.role().tier();
                final Element from = aFirst ? a : b;
                final Element to = aFirst ? b : a;
                final int vlan = a.vlan() == 0 ? b.vlan() : b.vlan() == 0 || b.vlan() == a.vlan() ? a.vlan() : 0;
                links.add(new Link("l" + links.size(), from.id(), to.id(), !a.group().equals(b.group()), vlan));
            }
        }
    }
}

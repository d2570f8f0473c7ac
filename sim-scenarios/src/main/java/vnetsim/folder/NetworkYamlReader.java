package vnetsim.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.NetworkYaml.InterfaceSpec;
import vnetsim.folder.NetworkYaml.NicSpec;
import vnetsim.folder.NetworkYaml.NodeSpec;
import vnetsim.folder.NetworkYaml.WorkloadSpec;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/** Reads {@code network.yaml} (format in src/networks/README.md). */
public final class NetworkYamlReader {
    private final Diagnostics diagnostics;

    public NetworkYamlReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public NetworkYaml readFile(final Path file, final String displayName, final String defaultName) {
        final List<Node> docs = new TreeReader(diagnostics).readYamlFile(file, displayName);
        if (docs.size() != 1) {
            if (docs.size() > 1) {
                diagnostics.error(docs.get(1).at(), "network.yaml holds one document");
            } else if (!diagnostics.hasErrors()) {
                diagnostics.error(Location.file(displayName), "empty: network.yaml needs at least 'nodes' (name and "
                        + "NICs of each node)");
            }
            return new NetworkYaml(defaultName, "", List.of(), List.of(), Location.file(displayName));
        }
        return read(docs.get(0), defaultName);
    }

    public NetworkYaml read(final Node doc, final String defaultName) {
        final Optional<Fields> f = Fields.of(doc, diagnostics, "network.yaml");
        if (f.isEmpty()) {
            return new NetworkYaml(defaultName, "", List.of(), List.of(), doc.at());
        }
        final Fields n = f.get();
        final String name = n.string("name").orElse(defaultName);
        final String description = n.string("description").orElse("");
        final List<NodeSpec> nodes = new ArrayList<>();
        n.list("nodes").ifPresent(list -> list.forEach(x -> node(x).ifPresent(nodes::add)));
        final List<WorkloadSpec> workloads = new ArrayList<>();
        n.list("workloads").ifPresent(list -> list.forEach(x -> workload(x).ifPresent(workloads::add)));
        n.finish();
        if (nodes.isEmpty()) {
            diagnostics.error(n.at(), "network.yaml lists no nodes; add 'nodes: [{name: node0, nics: [...]}]'");
        }
        final java.util.Set<String> names = new java.util.HashSet<>();
        nodes.forEach(x -> {
            if (!names.add(x.name())) {
                diagnostics.error(x.at(), "node '" + x.name() + "' is listed twice");
            }
        });
        // a second entry for the same VM or Pod would silently replace the first one's placement and addresses
        final java.util.Map<String, WorkloadSpec> seen = new java.util.HashMap<>();
        final java.util.Map<String, WorkloadSpec> ids = new java.util.HashMap<>();
        workloads.forEach(w -> {
            final WorkloadSpec first = seen.putIfAbsent(w.namespace() + "/" + w.name(), w);
            if (first != null) {
                diagnostics.error(w.at(), "workload " + w.namespace() + "/" + w.name() + " is listed twice (first at "
                        + first.at() + "); give each VM or Pod one entry");
                return;
            }
            final WorkloadSpec sameId = ids.putIfAbsent(w.id(), w);
            if (sameId != null) {
                diagnostics.error(w.at(), "id '" + w.id() + "' of workload " + w.namespace() + "/" + w.name()
                        + " is already the id of " + sameId.namespace() + "/" + sameId.name() + " (" + sameId.at()
                        + "); ids name endpoints on the command line, so give one with 'id:'");
            }
        });
        return new NetworkYaml(name, description, nodes, workloads, n.at());
    }

    private Optional<NodeSpec> node(final Node node) {
        return Fields.of(node, diagnostics, "node").flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final Map<String, String> labels = new LinkedHashMap<>();
            f.map("labels", "node labels").ifPresent(l -> {
                l.node().keys().forEach(k -> l.string(k).ifPresent(v -> labels.put(k, v)));
                l.finish();
            });
            name.ifPresent(x -> labels.putIfAbsent("kubernetes.io/hostname", x));
            final List<NicSpec> nics = new ArrayList<>();
            f.list("nics").ifPresent(list -> list.forEach(x -> nic(x, name.orElse("?")).ifPresent(nics::add)));
            final String podSubnet = f.string("podSubnet").filter(a -> validCidr(a, f.at("podSubnet"))).orElse(null);
            f.finish();
            return name.map(x -> new NodeSpec(x, labels, nics, f.at(), podSubnet));
        });
    }

    private Optional<NicSpec> nic(final Node node, final String host) {
        return Fields.of(node, diagnostics, "NIC of node " + host).flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final Optional<Long> mac = f.requiredString("mac").flatMap(m -> mac(m, f.at("mac")));
            final int mtu = f.integer("mtu", 68, 65535, "valid MTUs are 68-65535").orElse(1500);
            final String address = f.string("address").orElse(null);
            f.finish();
            return name.isPresent() && mac.isPresent()
                    ? Optional.of(new NicSpec(name.get(), mac.get(), mtu, address, f.at())) : Optional.empty();
        });
    }

    private Optional<Long> mac(final String text, final Location at) {
        try {
            return Optional.of(MacAddress.parse(text));
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, "mac '" + text + "' is not a MAC address (six hex bytes separated by ':')");
            return Optional.empty();
        }
    }

    private Optional<WorkloadSpec> workload(final Node node) {
        return Fields.of(node, diagnostics, "workload").flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final String namespace = f.string("namespace").orElse("default");
            final String id = f.string("id").orElse(name.orElse(""));
            final String display = f.string("display").orElse(name.orElse(""));
            final String host = f.string("node").orElse(null);
            final List<InterfaceSpec> ifaces = new ArrayList<>();
            f.list("interfaces").ifPresent(list -> list.forEach(x -> iface(x).ifPresent(ifaces::add)));
            f.finish();
            return name.map(x -> new WorkloadSpec(namespace, x, id, display, host, ifaces, f.at()));
        });
    }

    /** {@code address: dhcp}: the guest asks a DHCP server for its address (no static address). */
    public static final String DHCP = "dhcp";

    private Optional<InterfaceSpec> iface(final Node node) {
        return Fields.of(node, diagnostics, "workload interface").flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final String address = f.string("address")                         // "dhcp": a DHCP client
                    .filter(a -> a.equals(DHCP) || validCidr(a, f.at("address"))).orElse(null);
            final String gateway = f.string("gateway").filter(g -> validIp(g, f.at("gateway"))).orElse(null);
            final String mac = f.string("mac").filter(m -> mac(m, f.at("mac")).isPresent()).orElse(null);
            f.finish();
            return name.map(x -> new InterfaceSpec(x, address, gateway, mac, f.at()));
        });
    }

    private boolean validCidr(final String text, final Location at) {
        final int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no /prefix-length");
            }
            Ipv4Address.parse(text.substring(0, slash));
            final int len = Integer.parseInt(text.substring(slash + 1));
            if (len < 1 || len > 31) {
                throw new IllegalArgumentException("prefix length " + len + " is not 1-31");
            }
            return true;
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, "address '" + text + "' is not valid (" + e.getMessage() + "); write "
                    + "A.B.C.D/LEN with LEN 1-31");
            return false;
        }
    }

    private boolean validIp(final String text, final Location at) {
        try {
            Ipv4Address.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, "gateway '" + text + "' is not an IPv4 address");
            return false;
        }
    }
}

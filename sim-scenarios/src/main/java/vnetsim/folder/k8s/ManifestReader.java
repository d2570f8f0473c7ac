package vnetsim.folder.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.k8s.Manifests.Binding;
import vnetsim.folder.k8s.Manifests.Nad;
import vnetsim.folder.k8s.Manifests.Namespace;
import vnetsim.folder.k8s.Manifests.Pod;
import vnetsim.folder.k8s.Manifests.PodNetwork;
import vnetsim.folder.k8s.Manifests.StaticAddress;
import vnetsim.folder.k8s.Manifests.VirtualMachine;
import vnetsim.folder.k8s.Manifests.VmInterface;
import vnetsim.folder.k8s.Manifests.VmNetwork;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.ScalarNode;
import vnetsim.folder.yaml.TreeReader;

/**
 * Reads {@code manifests/*.yaml} (multi-document YAML or {@code kind: List}): Namespace; NetworkAttachmentDefinition
 * whose CNI config (one plugin or a {@code plugins} list) uses {@code cnv-bridge}/{@code bridge}
 * (containernetworking/plugins plugins/main/bridge/bridge.go NetConf: bridge, vlan, macspoofchk,
 * preserveDefaultVlan, hairpinMode, ipam incl. {@code static}) with {@code cnv-tuning}/{@code tuning}; KubeVirt
 * VirtualMachine (kubevirt.io/v1: interfaces with bridge or masquerade binding and macAddress, networks with
 * multus.networkName or pod); Pod with the {@code k8s.v1.cni.cncf.io/networks} annotation. Other kinds are warned
 * about and ignored.
 */
public final class ManifestReader {
    static final String NETWORKS_ANNOTATION = "k8s.v1.cni.cncf.io/networks";
    private final Diagnostics diagnostics;
    private final TreeReader trees;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Nad> nads = new ArrayList<>();
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final List<Pod> pods = new ArrayList<>();
    private final UdnReader udnReader;

    public ManifestReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.trees = new TreeReader(diagnostics);
        this.udnReader = new UdnReader(diagnostics);
    }

    public void readFile(final Path file, final String displayName) {
        read(trees.readYamlFile(file, displayName));
    }

    public void read(final List<Node> documents) {
        documents.forEach(this::document);
    }

    public Manifests result() {
        return new Manifests(namespaces, nads, vms, pods, udnReader.result());
    }

    private void document(final Node doc) {
        final Optional<Fields> f = Fields.of(doc, diagnostics, "manifest");
        if (f.isEmpty() || f.get().node().isEmpty()) {
            return;
        }
        final Fields d = f.get();
        final String kind = d.string("kind").orElse("");
        d.ignore("apiVersion", "status");
        switch (kind) {
            case "List" -> d.list("items").ifPresent(items -> items.forEach(this::document));
            case "Namespace" -> {
                final Meta meta = metadata(d);
                final Map<String, String> labels = new LinkedHashMap<>(meta.labels);
                labels.put("kubernetes.io/metadata.name", meta.name);      // set by the API server on every namespace
                namespaces.add(new Namespace(meta.name, labels, d.at()));
            }
            case "UserDefinedNetwork" -> {
                final Meta meta = metadata(d);
                udnReader.userDefinedNetwork(d, meta.name, meta.namespace);
            }
            case "ClusterUserDefinedNetwork" -> udnReader.clusterUserDefinedNetwork(d, metadata(d).name);
            case "NetworkAttachmentDefinition" -> nad(d);
            case "VirtualMachine" -> vm(d);
            case "Pod" -> pod(d);
            case "" -> {
                diagnostics.error(d.at(), "manifest has no 'kind'; valid: Namespace, NetworkAttachmentDefinition, "
                        + "VirtualMachine, Pod, UserDefinedNetwork, ClusterUserDefinedNetwork, List");
                return;
            }
            default -> {
                diagnostics.warn(d.at("kind"), "kind '" + kind + "' is not simulated; ignored (Namespace, "
                        + "NetworkAttachmentDefinition, VirtualMachine, Pod, UserDefinedNetwork and "
                        + "ClusterUserDefinedNetwork are)");
                return;
            }
        }
        d.ignore("spec", "metadata");
        d.finish();
    }

    /** metadata.name / namespace / annotations. */
    private static final class Meta {
        String name = "";
        String namespace = "default";
        final Map<String, String> annotations = new LinkedHashMap<>();
        final Map<String, Location> annotationAt = new LinkedHashMap<>();
        final Map<String, String> labels = new LinkedHashMap<>();
    }

    private Meta metadata(final Fields d) {
        final Meta meta = new Meta();
        d.map("metadata", "metadata").ifPresentOrElse(m -> {
            meta.name = m.requiredString("name").orElse("");
            meta.namespace = m.string("namespace").orElse("default");
            m.map("annotations", "annotations").ifPresent(a -> {
                for (final String key : a.node().keys()) {
                    a.string(key).ifPresent(v -> meta.annotations.put(key, v));
                    meta.annotationAt.put(key, a.node().get(key).at());
                }
            });
            m.map("labels", "labels").ifPresent(l -> {
                for (final String key : l.node().keys()) {
                    meta.labels.put(key, l.string(key).orElse(""));
                }
                l.finish();
            });
            m.ignore("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
                    "selfLink", "finalizers", "ownerReferences", "generateName");
            m.finish();
        }, () -> diagnostics.error(d.at(), "manifest has no metadata.name"));
        return meta;
    }

    private void nad(final Fields d) {
        final Meta meta = metadata(d);
        final String ctx = "NetworkAttachmentDefinition " + meta.namespace + "/" + meta.name;
        d.map("spec", ctx + " spec").ifPresentOrElse(spec -> {
            final Optional<Node> configNode = spec.node("config");
            spec.finish();
            if (configNode.isEmpty() || !(configNode.get() instanceof ScalarNode s) || s.isNull()) {
                diagnostics.error(spec.at(), ctx + " has no spec.config (the CNI configuration as a JSON string)");
                return;
            }
            final String json = s.text();
            final int offset = json.strip().contains("\n") ? s.at().line() : s.at().line() - 1;
            final Node config = trees.readJson(json, s.at().file(), offset);
            if (config != null) {
                cniConfig(config, meta, ctx, spec.at());
            }
        }, () -> diagnostics.error(d.at(), ctx + " has no spec"));
    }

    private void cniConfig(final Node config, final Meta meta, final String ctx, final Location at) {
        final Optional<Fields> cf = Fields.of(config, diagnostics, ctx + " CNI config");
        if (cf.isEmpty()) {
            return;
        }
        final Fields c = cf.get();
        c.ignore("cniVersion", "name", "disableCheck", "disableGC");
        final List<Fields> plugins = new ArrayList<>();
        if (c.has("plugins")) {
            c.list("plugins").ifPresent(list -> list.forEach(p ->
                    Fields.of(p, diagnostics, ctx + " plugin").ifPresent(plugins::add)));
        } else {
            plugins.add(c);
        }
        Nad nad = null;
        boolean tuning = false;
        String tuningMac = null;
        int tuningMtu = 0;
        boolean promisc = false;
        for (final Fields p : plugins) {
            final String type = p.string("type").orElse("");
            switch (type) {
                case "cnv-bridge", "bridge", "macvlan", "host-device" -> {
                    if (nad != null) {
                        diagnostics.error(p.at(), ctx + " has two interface-creating plugins; a network attachment "
                                + "has one");
                    }
                    nad = switch (type) {
                        case "macvlan" -> macvlanPlugin(p, meta, ctx);
                        case "host-device" -> hostDevicePlugin(p, meta, ctx);
                        default -> bridgePlugin(p, type, meta, ctx);
                    };
                }
                case "cnv-tuning", "tuning" -> {          // plugins/meta/tuning/tuning.go TuningConf
                    tuning = true;
                    tuningMac = p.string("mac").filter(m -> validMac(m, p.at("mac"), ctx + ": tuning")).orElse(null);
                    tuningMtu = p.integer("mtu", 68, 65535, "valid MTUs are 68-65535").orElse(0);
                    promisc = p.bool("promisc").orElse(false);
                    p.ignore("sysctl", "allmulti", "txQLen", "capabilities", "name", "cniVersion");
                    if (p != c) {
                        p.finish();
                    }
                }
                case "" -> diagnostics.error(p.at(), ctx + ": a CNI plugin without 'type'");
                default -> diagnostics.warn(p.at("type"), ctx + ": CNI plugin '" + type + "' is not simulated "
                        + "(bridge, macvlan, host-device and tuning are); workloads cannot attach through it");
            }
        }
        if (p0(plugins) != c) {
            c.finish();
        }
        if (nad != null) {
            final Manifests.Cni cni = nad.cni();
            nads.add(new Nad(nad.namespace(), nad.name(), nad.cniType(), nad.bridge(), nad.vlan(), nad.macspoofchk(),
                    nad.preserveDefaultVlan(), nad.hairpin(), nad.addresses(), nad.ipamType(), tuning, at,
                    new Manifests.Cni(cni.master(), cni.mode(), cni.device(), cni.isGateway(), cni.ipMasq(),
                            cni.hostLocal(), tuningMac, tuningMtu, promisc)));
        }
    }

    private boolean validMac(final String text, final Location at, final String what) {
        try {
            vnetsim.frame.MacAddress.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, what + " mac '" + text + "' is not a MAC address (six hex bytes separated by ':')");
            return false;
        }
    }

    /** plugins/main/macvlan/macvlan.go NetConf: master, mode (modeFromString()), mtu, ipam. */
    private Nad macvlanPlugin(final Fields p, final Meta meta, final String ctx) {
        final String master = p.string("master").orElse(null);
        final String mode = p.string("mode").orElse("");
        try {
            vnetsim.device.Macvlan.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            diagnostics.error(p.at("mode"), ctx + ": macvlan mode '" + mode + "' is not simulated; valid: bridge "
                    + "(the default), private, vepa");
        }
        p.ignore("name", "cniVersion", "mtu", "capabilities", "linkInContainer", "bridge");
        final Ipam ipam = ipam(p, ctx);
        p.finish();
        return new Nad(meta.namespace, meta.name, "macvlan", "", 0, false, null, false, ipam.addresses,
                ipam.type, false, p.at(), new Manifests.Cni(master, mode, null, false, false, ipam.hostLocal, null, 0,
                false));
    }

    /** plugins/main/host-device/host-device.go NetConf: device (by name; hwaddr, kernelpath, pciBusID not simulated). */
    private Nad hostDevicePlugin(final Fields p, final Meta meta, final String ctx) {
        final String device = p.string("device").orElse(null);
        for (final String other : List.of("hwaddr", "kernelpath", "pciBusID", "deviceID")) {
            if (p.has(other)) {
                diagnostics.error(p.at(other), ctx + ": host-device '" + other + "' is not simulated; name the NIC "
                        + "with 'device'");
                p.ignore(other);
            }
        }
        if (device == null) {
            diagnostics.error(p.at(), ctx + ": host-device needs 'device' (the node NIC moved into the pod)");
        }
        p.ignore("name", "cniVersion", "capabilities");
        final Ipam ipam = ipam(p, ctx);
        p.finish();
        return new Nad(meta.namespace, meta.name, "host-device", "", 0, false, null, false, ipam.addresses,
                ipam.type, false, p.at(), new Manifests.Cni(null, "", device, false, false, ipam.hostLocal, null, 0,
                false));
    }

    /** A plugin's {@code ipam}: static addresses or a host-local range. */
    private static final class Ipam {
        String type = "";
        final List<StaticAddress> addresses = new ArrayList<>();
        Manifests.HostLocalRange hostLocal;
    }

    private Ipam ipam(final Fields p, final String ctx) {
        final Ipam result = new Ipam();
        p.map("ipam", ctx + " ipam").ifPresent(ipam -> {
            result.type = ipam.string("type").orElse("");
            switch (result.type) {
                case "static" -> {
                    ipam.list("addresses").ifPresent(list -> list.forEach(a ->
                            Fields.of(a, diagnostics, ctx + " ipam address").ifPresent(af -> {
                                final Optional<String> addr = af.requiredString("address");
                                final String gw = af.string("gateway").orElse(null);
                                af.finish();
                                addr.ifPresent(x -> result.addresses.add(new StaticAddress(x, gw, af.at())));
                            })));
                    ipam.ignore("routes", "dns");
                    ipam.finish();
                }
                case "host-local" -> {
                    result.hostLocal = hostLocal(ipam, ctx);
                    ipam.ignore("routes", "dns", "dataDir", "resolvConf");
                    ipam.finish();
                }
                case "" -> ipam.finish();
                default -> {
                    diagnostics.warn(ipam.at(), ctx + ": IPAM type '" + result.type + "' hands out addresses at run "
                            + "time; give each workload's address in network.yaml");
                    ipam.ignore(ipam.node().keys().toArray(String[]::new));
                }
            }
        });
        return result;
    }

    /**
     * host-local's first range ({@code ranges[0][0]}, or the deprecated top-level subnet/rangeStart/rangeEnd/gateway),
     * canonicalized as {@code plugins/ipam/host-local/backend/allocator/range.go Range.Canonicalize()} does; its
     * errors are the plugin's, with file and line.
     */
    private Manifests.HostLocalRange hostLocal(final Fields ipam, final String ctx) {
        Fields range = ipam;
        if (ipam.has("ranges")) {
            final List<Node> sets = ipam.list("ranges").orElse(List.of());
            if (sets.isEmpty() || !(sets.get(0) instanceof vnetsim.folder.yaml.ListNode set) || set.items().isEmpty()) {
                diagnostics.error(ipam.at("ranges"), ctx + ": host-local 'ranges' must be a list of range sets, e.g. "
                        + "[[{\"subnet\": \"10.10.0.0/24\"}]]");
                return null;
            }
            if (sets.size() > 1 || set.items().size() > 1) {
                diagnostics.warn(ipam.at("ranges"), ctx + ": only the first host-local range is simulated");
            }
            final Optional<Fields> first = Fields.of(set.items().get(0), diagnostics, ctx + " host-local range");
            if (first.isEmpty()) {
                return null;
            }
            range = first.get();
        }
        final Fields r = range;
        final Optional<String> subnetText = r.requiredString("subnet");
        final Optional<String> start = r.string("rangeStart");
        final Optional<String> end = r.string("rangeEnd");
        final Optional<String> gw = r.string("gateway");
        if (r != ipam) {
            r.finish();
        }
        if (subnetText.isEmpty()) {
            return null;
        }
        final vnetsim.network.Cidr subnet;
        try {
            subnet = vnetsim.network.Cidr.parse(subnetText.get());
        } catch (IllegalArgumentException e) {
            diagnostics.error(r.at("subnet"), ctx + ": host-local subnet " + e.getMessage());
            return null;
        }
        if (subnet.prefixLength() > 30) {
            diagnostics.error(r.at("subnet"), ctx + ": host-local: Network " + subnetText.get()
                    + " too small to allocate from");
            return null;
        }
        if (subnet.ip() != subnet.network()) {
            diagnostics.error(r.at("subnet"), ctx + ": host-local: Network has host bits set. For a subnet mask of "
                    + "length " + subnet.prefixLength() + " the network address is "
                    + vnetsim.frame.Ipv4Address.format(subnet.network()));
            return null;
        }
        final int broadcast = subnet.network() | ~vnetsim.frame.Ipv4Address.mask(subnet.prefixLength());
        final Integer rangeStart = rangeAddress(r, "rangeStart", start, subnet, ctx);
        final Integer rangeEnd = rangeAddress(r, "rangeEnd", end, subnet, ctx);
        final Integer gateway = rangeAddress(r, "gateway", gw, null, ctx);
        if (rangeStart == null || rangeEnd == null || gateway == null) {
            return null;
        }
        return new Manifests.HostLocalRange(subnet.network(), subnet.prefixLength(),
                start.isPresent() ? rangeStart : subnet.network() + 1, end.isPresent() ? rangeEnd : broadcast - 1,
                gw.isPresent() ? gateway : subnet.network() + 1, r.at());
    }

    /** An address of a range: 0 when absent, null (reported) when not an address or outside the subnet. */
    private Integer rangeAddress(final Fields r, final String key, final Optional<String> text,
                                 final vnetsim.network.Cidr subnet, final String ctx) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            final int address = vnetsim.frame.Ipv4Address.parse(text.get());
            if (subnet != null && !subnet.contains(address)) {
                diagnostics.error(r.at(key), ctx + ": host-local: " + (key.equals("rangeStart") ? "RangeStart"
                        : "RangeEnd") + " " + text.get() + " not in network " + subnet.subnet());
                return null;
            }
            return address;
        } catch (IllegalArgumentException e) {
            diagnostics.error(r.at(key), ctx + ": host-local " + key + " '" + text.get() + "' is not an IPv4 address");
            return null;
        }
    }

    private static Fields p0(final List<Fields> plugins) {
        return plugins.isEmpty() ? null : plugins.get(0);
    }

    private Nad bridgePlugin(final Fields p, final String type, final Meta meta, final String ctx) {
        final String bridge = p.string("bridge").orElse("cni0");
        final int vlan = p.integer("vlan", 0, 4094, "valid: 0 (none) or 1-4094").orElse(0);
        final boolean spoof = p.bool("macspoofchk").orElse(false);
        final Boolean preserve = p.bool("preserveDefaultVlan").orElse(null);
        final boolean hairpin = p.bool("hairpinMode").orElse(false);
        final boolean isGateway = p.bool("isGateway").orElse(false) | p.bool("isDefaultGateway").orElse(false);
        final boolean ipMasq = p.bool("ipMasq").orElse(false);
        p.ignore("name", "cniVersion", "mtu", "capabilities", "forceAddress", "promiscMode",
                "disableContainerInterface", "portIsolation", "enabledad", "ipMasqBackend");
        for (final String unsupported : List.of("vlanTrunk", "promiscMode", "portIsolation")) {
            if (p.has(unsupported) && !"false".equals(p.node().get(unsupported) instanceof ScalarNode s
                    ? s.text() : "")) {
                diagnostics.warn(p.at(unsupported), ctx + ": '" + unsupported + "' is not simulated yet; ignored");
                p.ignore(unsupported);
            }
        }
        final Ipam ipam = ipam(p, ctx);
        p.finish();
        return new Nad(meta.namespace, meta.name, type, bridge, vlan, spoof, preserve, hairpin, ipam.addresses,
                ipam.type, false, p.at(), new Manifests.Cni(null, "", null, isGateway, ipMasq, ipam.hostLocal, null,
                0, false));
    }

    private void vm(final Fields d) {
        final Meta meta = metadata(d);
        final String ctx = "VirtualMachine " + meta.namespace + "/" + meta.name;
        final List<VmInterface> interfaces = new ArrayList<>();
        final List<VmNetwork> networks = new ArrayList<>();
        final Map<String, String> selector = new LinkedHashMap<>();
        final Optional<Fields> spec = d.map("spec", ctx + " spec");
        final Optional<Fields> template = spec.flatMap(s -> s.map("template", ctx + " template"));
        final Optional<Fields> tspec = template.flatMap(t -> t.map("spec", ctx + " template spec"));
        if (tspec.isEmpty()) {
            diagnostics.error(d.at(), ctx + " has no spec.template.spec");
        }
        tspec.ifPresent(ts -> {
            ts.map("domain", ctx + " domain").ifPresent(domain -> {
                domain.map("devices", ctx + " devices").ifPresent(devices -> {
                    devices.list("interfaces").ifPresent(list -> list.forEach(i -> vmInterface(i, ctx)
                            .ifPresent(interfaces::add)));
                    devices.ignore(devices.node().keys().stream().filter(k -> !k.equals("interfaces"))
                            .toArray(String[]::new));
                    devices.finish();
                });
                domain.ignore(domain.node().keys().stream().filter(k -> !k.equals("devices")).toArray(String[]::new));
                domain.finish();
            });
            ts.list("networks").ifPresent(list -> list.forEach(n -> vmNetwork(n, ctx).ifPresent(networks::add)));
            ts.map("nodeSelector", ctx + " nodeSelector").ifPresent(sel -> {
                sel.node().keys().forEach(k -> sel.string(k).ifPresent(v -> selector.put(k, v)));
                sel.finish();
            });
            ts.ignore(ts.node().keys().stream().filter(k -> !k.equals("domain") && !k.equals("networks")
                    && !k.equals("nodeSelector")).toArray(String[]::new));
            ts.finish();
        });
        template.ifPresent(t -> {
            t.ignore("metadata");
            t.finish();
        });
        spec.ifPresent(s -> {
            s.ignore("running", "runStrategy", "dataVolumeTemplates", "instancetype", "preference");
            s.finish();
        });
        for (final VmInterface i : interfaces) {
            if (networks.stream().noneMatch(n -> n.name().equals(i.name()))) {
                diagnostics.error(i.at(), ctx + ": interface '" + i.name() + "' has no network of the same name; "
                        + "valid: " + networks.stream().map(VmNetwork::name).toList());
            }
        }
        vms.add(new VirtualMachine(meta.namespace, meta.name, interfaces, networks, selector, d.at()));
    }

    private Optional<VmInterface> vmInterface(final Node node, final String ctx) {
        return Fields.of(node, diagnostics, ctx + " interface").flatMap(i -> {
            final Optional<String> name = i.requiredString("name");
            Binding binding = Binding.OTHER;
            if (i.has("bridge")) {
                binding = Binding.BRIDGE;
            } else if (i.has("masquerade")) {
                binding = Binding.MASQUERADE;
            } else {
                final List<String> other = i.node().keys().stream().filter(k -> List.of("sriov", "slirp",
                        "passt", "binding", "macvtap").contains(k)).toList();
                diagnostics.warn(i.at(), ctx + ": interface '" + name.orElse("?") + "' binding "
                        + (other.isEmpty() ? "(none given)" : other) + " is not simulated (bridge and masquerade are)");
                i.ignore("sriov", "slirp", "passt", "binding", "macvtap");
            }
            final List<Manifests.VmPort> ports = new ArrayList<>();
            i.list("ports").ifPresent(list -> list.forEach(x -> vmPort(x, ctx).ifPresent(ports::add)));
            i.ignore("bridge", "masquerade", "model", "bootOrder", "pciAddress", "state", "tag",
                    "dhcpOptions", "acpiIndex");
            final String mac = i.string("macAddress").map(m -> {
                try {
                    vnetsim.frame.MacAddress.parse(m);
                    return m.toLowerCase(java.util.Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    diagnostics.error(i.at("macAddress"), ctx + ": macAddress '" + m + "' is not a MAC address "
                            + "(six hex bytes separated by ':')");
                    return null;
                }
            }).orElse(null);
            i.finish();
            final Binding b = binding;
            return name.map(n -> new VmInterface(n, b, mac, i.at(), ports));
        });
    }

    /** kubevirt.io/v1 Port: name, protocol (TCP or UDP, default TCP), port (required, 1-65535). */
    private Optional<Manifests.VmPort> vmPort(final Node node, final String ctx) {
        return Fields.of(node, diagnostics, ctx + " port").flatMap(f -> {
            final String protocol = f.string("protocol").orElse("TCP");
            final boolean known = protocol.equals("TCP") || protocol.equals("UDP");
            if (!known) {
                diagnostics.error(f.at("protocol"), ctx + ": port protocol '" + protocol + "' is not valid; valid: TCP, "
                        + "UDP");
            }
            if (!f.has("port")) {
                diagnostics.error(f.at(), ctx + ": a ports entry needs 'port' (1-65535)");
            }
            final Optional<Integer> port = f.integer("port", 1, 65535, "valid ports are 1-65535");
            f.ignore("name");
            f.finish();
            return known ? port.map(x -> new Manifests.VmPort(protocol.equals("UDP"), x, f.at())) : Optional.empty();
        });
    }

    private Optional<VmNetwork> vmNetwork(final Node node, final String ctx) {
        return Fields.of(node, diagnostics, ctx + " network").flatMap(n -> {
            final Optional<String> name = n.requiredString("name");
            String multus = null;
            final boolean pod = n.has("pod");
            n.ignore("pod");
            final Optional<Fields> m = n.map("multus", ctx + " multus");
            if (m.isPresent()) {
                multus = m.get().requiredString("networkName").orElse(null);
                m.get().ignore("default");
                m.get().finish();
            } else if (!pod) {
                diagnostics.warn(n.at(), ctx + ": network '" + name.orElse("?") + "' is neither multus nor pod; "
                        + "not simulated");
            }
            n.finish();
            final String mm = multus;
            return name.map(x -> new VmNetwork(x, mm, pod, n.at()));
        });
    }

    private void pod(final Fields d) {
        final Meta meta = metadata(d);
        final String ctx = "Pod " + meta.namespace + "/" + meta.name;
        final String[] nodeName = {null};
        d.map("spec", ctx + " spec").ifPresent(spec -> {
            nodeName[0] = spec.string("nodeName").orElse(null);
            spec.ignore(spec.node().keys().toArray(String[]::new));
        });
        final List<PodNetwork> networks = new ArrayList<>();
        final String annotation = meta.annotations.get(NETWORKS_ANNOTATION);
        if (annotation != null) {
            final Location at = meta.annotationAt.get(NETWORKS_ANNOTATION);
            networks.addAll(podNetworks(annotation, at, meta.namespace, ctx));
        }
        pods.add(new Pod(meta.namespace, meta.name, nodeName[0], networks, d.at()));
    }

    /** Multus network selection: "a, ns/b@eth1" or a JSON list of {name, namespace, interface, mac, ips}. */
    private List<PodNetwork> podNetworks(final String text, final Location at, final String podNamespace,
                                         final String ctx) {
        final List<PodNetwork> out = new ArrayList<>();
        final String t = text.strip();
        if (t.startsWith("[")) {
            final Node json = trees.readJson(t, at.file(), at.line() - 1);
            if (json == null) {
                return out;
            }
            if (!(json instanceof vnetsim.folder.yaml.ListNode list)) {
                diagnostics.error(at, ctx + ": " + NETWORKS_ANNOTATION + " must be a JSON list");
                return out;
            }
            for (final Node e : list.items()) {
                Fields.of(e, diagnostics, ctx + " network selection").ifPresent(f -> {
                    final Optional<String> name = f.requiredString("name");
                    final String ns = f.string("namespace").orElse(podNamespace);
                    final String iface = f.string("interface").orElse(null);
                    final String mac = f.string("mac").orElse(null);
                    final List<String> ips = new ArrayList<>();
                    f.list("ips").ifPresent(l -> l.forEach(ip -> {
                        if (ip instanceof ScalarNode s && !s.isNull()) {
                            ips.add(s.text());
                        }
                    }));
                    f.ignore("default-route", "cni-args", "portMappings", "bandwidth", "infiniband-guid",
                            "deviceID");
                    f.finish();
                    name.ifPresent(n -> out.add(new PodNetwork(ns, n, iface, mac, ips, at)));
                });
            }
            return out;
        }
        for (final String part : t.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String iface = null;
            final int atSign = p.indexOf('@');
            if (atSign >= 0) {
                iface = p.substring(atSign + 1);
                p = p.substring(0, atSign);
            }
            final int slash = p.indexOf('/');
            final String ns = slash >= 0 ? p.substring(0, slash) : podNamespace;
            final String name = slash >= 0 ? p.substring(slash + 1) : p;
            if (name.isEmpty() || ns.isEmpty() || iface != null && iface.isEmpty()) {
                diagnostics.error(at, ctx + ": network selection '" + part.strip() + "' is not valid; write "
                        + "[namespace/]name[@interface]");
                continue;
            }
            out.add(new PodNetwork(ns, name, iface, null, List.of(), at));
        }
        return out;
    }
}

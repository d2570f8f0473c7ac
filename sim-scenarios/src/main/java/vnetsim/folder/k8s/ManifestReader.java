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
        for (final Fields p : plugins) {
            final String type = p.string("type").orElse("");
            switch (type) {
                case "cnv-bridge", "bridge" -> {
                    if (nad != null) {
                        diagnostics.error(p.at(), ctx + " has two bridge plugins; a network attachment has one "
                                + "interface-creating plugin");
                    }
                    nad = bridgePlugin(p, type, meta, ctx);
                }
                case "cnv-tuning", "tuning" -> {
                    tuning = true;
                    p.ignore("mac", "mtu", "sysctl", "promisc", "allmulti", "txQLen", "capabilities");
                    if (p != c) {
                        p.finish();
                    }
                }
                case "" -> diagnostics.error(p.at(), ctx + ": a CNI plugin without 'type'");
                default -> diagnostics.warn(p.at("type"), ctx + ": CNI plugin '" + type + "' is not simulated "
                        + "(cnv-bridge/bridge and cnv-tuning/tuning are); workloads cannot attach through it");
            }
        }
        if (p0(plugins) != c) {
            c.finish();
        }
        if (nad != null) {
            nads.add(new Nad(nad.namespace(), nad.name(), nad.cniType(), nad.bridge(), nad.vlan(), nad.macspoofchk(),
                    nad.preserveDefaultVlan(), nad.hairpin(), nad.addresses(), nad.ipamType(), tuning, at));
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
        p.ignore("name", "cniVersion", "mtu", "capabilities", "isGateway", "isDefaultGateway", "ipMasq",
                "forceAddress", "promiscMode", "disableContainerInterface", "portIsolation", "enabledad");
        for (final String unsupported : List.of("isGateway", "isDefaultGateway", "ipMasq", "vlanTrunk",
                "promiscMode", "portIsolation")) {
            if (p.has(unsupported) && !"false".equals(p.node().get(unsupported) instanceof ScalarNode s
                    ? s.text() : "")) {
                diagnostics.warn(p.at(unsupported), ctx + ": '" + unsupported + "' is not simulated yet; ignored");
                p.ignore(unsupported);
            }
        }
        final List<StaticAddress> addresses = new ArrayList<>();
        final String[] ipamType = {""};
        p.map("ipam", ctx + " ipam").ifPresent(ipam -> {
            ipamType[0] = ipam.string("type").orElse("");
            if (ipamType[0].equals("static")) {
                ipam.list("addresses").ifPresent(list -> list.forEach(a ->
                        Fields.of(a, diagnostics, ctx + " ipam address").ifPresent(af -> {
                            final Optional<String> addr = af.requiredString("address");
                            final String gw = af.string("gateway").orElse(null);
                            af.finish();
                            addr.ifPresent(x -> addresses.add(new StaticAddress(x, gw, af.at())));
                        })));
                ipam.ignore("routes", "dns");
                ipam.finish();
            } else if (!ipamType[0].isEmpty()) {
                diagnostics.warn(ipam.at(), ctx + ": IPAM type '" + ipamType[0] + "' hands out addresses at run "
                        + "time; give each workload's address in network.yaml");
                ipam.ignore(ipam.node().keys().toArray(String[]::new));
            } else {
                ipam.finish();
            }
        });
        p.finish();
        return new Nad(meta.namespace, meta.name, type, bridge, vlan, spoof, preserve, hairpin, addresses,
                ipamType[0], false, p.at());
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
            i.ignore("bridge", "masquerade", "model", "ports", "bootOrder", "pciAddress", "state", "tag",
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
            return name.map(n -> new VmInterface(n, b, mac, i.at()));
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

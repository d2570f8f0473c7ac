package vnetsim.vsphere;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.SecurityPolicy;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.MacAddress;
import vnetsim.network.VsphereSpec;

/**
 * Reads one ESXi host's networking from YAML written with the vSphere API's field names, as {@code govc
 * host.vswitch.info -json}, {@code govc host.portgroup.info -json} and {@code govc device.info -json} print them
 * (lower camel case):
 *
 * <pre>
 * host: esxi-01
 * vswitch:
 *   - name: vSwitch0
 *     pnic: [vmnic0]                       # HostVirtualSwitch.pnic, by device name
 * portgroup:
 *   - spec:                                # HostPortGroupSpec
 *       name: Trunk
 *       vlanId: 4095                       # 0 none, 1-4094 tag, 4095 all
 *       vswitchName: vSwitch0
 *       policy:
 *         security: {allowPromiscuous: false, macChanges: true, forgedTransmits: true}
 *   - spec:                                # a distributed port group (DVPortgroupConfigSpec) on this host
 *       name: dv-trunk
 *       vswitchName: dvs-lab
 *       defaultPortConfig:
 *         vlan: {vlanId: [{start: 0, end: 4094}]}           # VmwareDistributedVirtualSwitchTrunkVlanSpec
 *         macManagementPolicy: {allowPromiscuous: false, macChanges: false, forgedTransmits: true,
 *                               macLearningPolicy: {enabled: true}}
 * vm:                                      # the VMs on this host and their network adapters
 *   - name: hub-7vxwj-cnv-drhkz
 *     nics:
 *       - {name: ens224, network: Trunk, macAddress: "00:50:56:8a:19:24"}
 * </pre>
 * A security setting left out takes the standard-switch default (Promiscuous mode Reject, MAC address changes
 * Accept, Forged transmits Accept). Loading is safe (SnakeYAML's SafeConstructor: no types, aliases bounded);
 * every error names the file, the line and what would be valid. One vSwitch per host is supported.
 */
public final class VsphereYamlReader {
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    private final String file;
    /** The line of each vNIC ("vm/nic"), as read. */
    private final Map<String, Integer> vnicLines = new java.util.LinkedHashMap<>();

    private VsphereYamlReader(final String file) {
        this.file = file;
    }

    /**
     * An ESXi host as read from one file, with the line of each vNIC, so that a network folder can name the line
     * of a vNIC that does not fit the rest of the folder.
     *
     * @param host      the host
     * @param file      the file as the user named it
     * @param vnicLines the 1-based line of each vNIC, by "vm/nic"
     */
    public record HostFile(VsphereSpec.EsxiHost host, String file, Map<String, Integer> vnicLines) {
        public HostFile {
            vnicLines = Map.copyOf(vnicLines);
        }

        /** The line of the vNIC, or 1 when unknown. */
        public int line(final String vm, final String nic) {
            return vnicLines.getOrDefault(vm + "/" + nic, 1);
        }
    }

    /** The ESXi host described by {@code reader}; {@code file} names it in errors. */
    public static VsphereSpec.EsxiHost read(final String file, final Reader reader) {
        return new VsphereYamlReader(file).read(reader);
    }

    /**
     * The ESXi host described by {@code reader}, with its vNICs' lines.
     *
     * @throws VsphereYamlException naming file and line
     */
    public static HostFile readFile(final String file, final Reader reader) {
        final VsphereYamlReader r = new VsphereYamlReader(file);
        return new HostFile(r.read(reader), file, r.vnicLines);
    }

    public static VsphereSpec.EsxiHost read(final String file, final String text) {
        return read(file, new StringReader(text));
    }

    private VsphereSpec.EsxiHost read(final Reader reader) {
        final Node root;
        try {
            final LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setCodePointLimit(MAX_CHARS);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new VsphereYamlException(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new VsphereYamlException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new VsphereYamlException(file, 0, "empty; expected host, vswitch, portgroup and vm");
        }
        final Map<String, Node> top = mapping(root, "the file", "host", "vswitch", "portgroup", "vm");
        final String host = string(require(top, "host", root), "host");
        final Node vswitchList = require(top, "vswitch", root);
        final List<Node> vswitches = sequence(vswitchList, "vswitch");
        if (vswitches.size() != 1) {
            throw error(vswitchList, "expected exactly one vSwitch under 'vswitch', found " + vswitches.size());
        }
        final Map<String, Node> vswitch = mapping(vswitches.get(0), "a vswitch", "name", "pnic");
        final String vswitchName = string(require(vswitch, "name", vswitches.get(0)), "vswitch name");
        final List<String> uplinks = new ArrayList<>();
        for (final Node n : sequence(require(vswitch, "pnic", vswitches.get(0)), "pnic")) {
            final String pnic = string(n, "pnic");
            uplinks.add(pnic.startsWith("key-vim.host.PhysicalNic-")
                    ? pnic.substring("key-vim.host.PhysicalNic-".length()) : pnic);
        }
        final List<PortGroup> groups = new ArrayList<>();
        final Map<String, Node> groupNodes = new HashMap<>();
        final Node portgroups = top.get("portgroup");
        for (final Node n : portgroups == null ? List.<Node>of() : sequence(portgroups, "portgroup")) {
            final Map<String, Node> entry = mapping(n, "a portgroup", "spec", "port", "key", "vswitch");
            final Node specNode = require(entry, "spec", n);
            final PortGroup group = portGroup(specNode, vswitchName);
            if (groupNodes.put(group.name(), specNode) != null) {
                throw error(specNode, "port group '" + group.name() + "' is defined twice");
            }
            groups.add(group);
        }
        final List<VsphereSpec.Vnic> vnics = new ArrayList<>();
        final Node vms = top.get("vm");
        for (final Node n : vms == null ? List.<Node>of() : sequence(vms, "vm")) {
            final Map<String, Node> vm = mapping(n, "a vm", "name", "nics");
            final String vmName = string(require(vm, "name", n), "vm name");
            for (final Node nicNode : sequence(require(vm, "nics", n), "nics")) {
                final Map<String, Node> nic = mapping(nicNode, "a nic", "name", "network", "macAddress");
                final String network = string(require(nic, "network", nicNode), "network");
                if (!groupNodes.containsKey(network)) {
                    throw error(nic.get("network"), "network '" + network + "' is no port group of " + host
                            + " (port groups: " + String.join(", ", groupNodes.keySet()) + ")");
                }
                final Node macNode = require(nic, "macAddress", nicNode);
                final long mac;
                try {
                    mac = MacAddress.parse(string(macNode, "macAddress"));
                } catch (IllegalArgumentException e) {
                    throw error(macNode, "macAddress: " + e.getMessage());
                }
                final String nicName = string(require(nic, "name", nicNode), "nic name");
                if (vnicLines.put(vmName + "/" + nicName, nicNode.getStartMark().getLine() + 1) != null) {
                    throw error(nicNode, "vNIC " + vmName + "/" + nicName + " is listed twice");
                }
                vnics.add(new VsphereSpec.Vnic(vmName, nicName, network, mac, mac));
            }
        }
        return new VsphereSpec.EsxiHost(host, vswitchName, uplinks, groups, vnics);
    }

    private PortGroup portGroup(final Node specNode, final String vswitchName) {
        final Map<String, Node> spec = mapping(specNode, "a port group spec", "name", "vlanId", "vswitchName",
                "policy", "defaultPortConfig");
        final String name = string(require(spec, "name", specNode), "port group name");
        final Node switchNode = spec.get("vswitchName");
        if (switchNode != null && !string(switchNode, "vswitchName").equals(vswitchName)) {
            throw error(switchNode, "vswitchName '" + string(switchNode, "vswitchName") + "' is not this host's "
                    + "vSwitch '" + vswitchName + "'");
        }
        final Node vlanId = spec.get("vlanId");
        final Node dvConfig = spec.get("defaultPortConfig");
        if ((vlanId == null) == (dvConfig == null)) {
            throw error(specNode, "port group '" + name + "' needs either vlanId (standard) or defaultPortConfig "
                    + "(distributed)");
        }
        if (vlanId != null) {
            final int id = integer(vlanId, "vlanId");
            final VlanPolicy vlan;
            try {
                vlan = VlanPolicy.ofVlanId(id);
            } catch (IllegalArgumentException e) {
                throw error(vlanId, e.getMessage());
            }
            SecurityPolicy security = SecurityPolicy.STANDARD_DEFAULT;
            final Node policy = spec.get("policy");
            if (policy != null) {
                final Node sec = mapping(policy, "policy", "security", "nicTeaming", "offloadPolicy", "shapingPolicy")
                        .get("security");
                if (sec != null) {
                    security = security(sec, mapping(sec, "policy.security", "allowPromiscuous", "macChanges",
                            "forgedTransmits"));
                }
            }
            return new PortGroup(name, vlan, security, false);
        }
        final Map<String, Node> config = mapping(dvConfig, "defaultPortConfig", "vlan", "macManagementPolicy");
        final Node vlanNode = require(config, "vlan", dvConfig);
        final Map<String, Node> vlan = mapping(vlanNode, "vlan", "vlanId");
        final Node ids = require(vlan, "vlanId", vlanNode);
        final VlanPolicy policy;
        if (ids instanceof ScalarNode) {
            policy = VlanPolicy.ofVlanId(integer(ids, "vlanId"));
        } else {
            final StringBuilder ranges = new StringBuilder();
            for (final Node r : sequence(ids, "vlanId")) {
                final Map<String, Node> range = mapping(r, "a VLAN range", "start", "end");
                final int start = integer(require(range, "start", r), "start");
                final int end = integer(require(range, "end", r), "end");
                if (start < 0 || end > 4094 || start > end) {
                    throw error(r, "VLAN range " + start + "-" + end + " is not within 0-4094");
                }
                ranges.append(ranges.length() == 0 ? "" : ",").append(start).append('-').append(end);
            }
            policy = VlanPolicy.Trunk.parse(ranges.toString());
        }
        SecurityPolicy security = SecurityPolicy.ALL_REJECT;
        boolean learning = false;
        final Node mac = config.get("macManagementPolicy");
        if (mac != null) {
            final Map<String, Node> m = mapping(mac, "macManagementPolicy", "allowPromiscuous", "macChanges",
                    "forgedTransmits", "macLearningPolicy");
            security = security(mac, m);
            final Node learningNode = m.get("macLearningPolicy");
            if (learningNode != null) {
                final Node enabled = mapping(learningNode, "macLearningPolicy", "enabled", "allowUnicastFlooding",
                        "limit", "limitPolicy").get("enabled");
                learning = enabled != null && bool(enabled, "enabled");
            }
        }
        return new PortGroup(name, policy, security, learning);
    }

    private SecurityPolicy security(final Node at, final Map<String, Node> fields) {
        final SecurityPolicy d = SecurityPolicy.STANDARD_DEFAULT;
        return new SecurityPolicy(
                fields.containsKey("allowPromiscuous") ? bool(fields.get("allowPromiscuous"), "allowPromiscuous")
                        : d.allowPromiscuous(),
                fields.containsKey("macChanges") ? bool(fields.get("macChanges"), "macChanges") : d.macChanges(),
                fields.containsKey("forgedTransmits") ? bool(fields.get("forgedTransmits"), "forgedTransmits")
                        : d.forgedTransmits());
    }

    // ---- node helpers: every error names file and line --------------------------------------------------------

    private Map<String, Node> mapping(final Node node, final String what, final String... allowed) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping with keys " + String.join(", ", allowed));
        }
        final Map<String, Node> result = new HashMap<>();
        for (final NodeTuple t : m.getValue()) {
            final String key = string(t.getKeyNode(), "a key");
            if (!List.of(allowed).contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected "
                        + String.join(", ", allowed));
            }
            result.put(key, t.getValueNode());
        }
        return result;
    }

    private List<Node> sequence(final Node node, final String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error(node, what + " must be a list");
        }
        return s.getValue();
    }

    private String string(final Node node, final String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, what + " must be a non-empty text value");
        }
        return s.getValue().trim();
    }

    private int integer(final Node node, final String what) {
        try {
            return Integer.parseInt(string(node, what));
        } catch (NumberFormatException e) {
            throw error(node, what + " must be a whole number, not '" + ((ScalarNode) node).getValue() + "'");
        }
    }

    private boolean bool(final Node node, final String what) {
        final String v = string(node, what);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw error(node, what + " must be true (Accept) or false (Reject), not '" + v + "'");
    }

    private Node require(final Map<String, Node> map, final String key, final Node parent) {
        final Node n = map.get(key);
        if (n == null) {
            throw error(parent, "missing '" + key + "'");
        }
        return n;
    }

    private VsphereYamlException error(final Node node, final String message) {
        return new VsphereYamlException(file, node.getStartMark().getLine() + 1, message);
    }
}

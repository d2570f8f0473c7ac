package vnetsim.folder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.folder.compile.CablePlan;
import vnetsim.folder.compile.NetworkPlan;
import vnetsim.folder.compile.NodePlan;
import vnetsim.folder.compile.NodePlan.BridgePlan;
import vnetsim.folder.compile.NodePlan.NicPlan;
import vnetsim.folder.compile.NodePlan.PortPlan;
import vnetsim.folder.compile.NodePlan.VlanPlan;
import vnetsim.folder.compile.SwitchPlan;
import vnetsim.folder.compile.WorkloadPlan;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * {@code vnetsim describe FOLDER}: what was read and what it became. Per node its interfaces and bridges
 * (vlan_filtering on or off and why, STP, each port's VLAN membership), per switch each cabled port's mode and
 * VLANs, per firewall its routed subinterfaces, per workload where it is plugged and how its frames leave the node,
 * then the warnings. The JSON form holds the same as data; both come from one model ({@link #model()}).
 */
public final class FolderDescription {
    private final FolderScenario scenario;
    private final NetworkPlan plan;

    public FolderDescription(final FolderScenario scenario) {
        this.scenario = scenario;
        this.plan = scenario.plan();
    }

    /** The description as a tree of maps and lists (what {@code --format json} prints). */
    public Map<String, Object> model() {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", plan.name());
        root.put("description", scenario.description());
        root.put("folder", scenario.folder().root());
        root.put("read", read());
        final List<Object> nodes = new ArrayList<>();
        plan.nodes().forEach(n -> nodes.add(node(n)));
        root.put("nodes", nodes);
        final List<Object> switches = new ArrayList<>();
        plan.switches().forEach(s -> switches.add(switchModel(s)));
        root.put("switches", switches);
        final List<Object> firewalls = new ArrayList<>();
        plan.firewalls().forEach(f -> firewalls.add(firewall(f)));
        root.put("firewalls", firewalls);
        final List<Object> workloads = new ArrayList<>();
        plan.workloads().forEach(w -> workloads.add(workload(w)));
        root.put("workloads", workloads);
        final List<Object> warnings = new ArrayList<>();
        plan.warnings().forEach(w -> warnings.add(Map.of("at", w.at().toString(), "message", w.message())));
        root.put("warnings", warnings);
        return root;
    }

    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(model()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read() {
        final NetworkFolder f = scenario.folder();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("policies", f.policies().stream().map(p -> p.name() + " (" + p.at() + ")").toList());
        m.put("switchConfigs", f.switches().stream().map(s -> s.hostname() + " (" + s.at().file() + ")").toList());
        m.put("firewalls", f.firewalls().stream().map(x -> x.name() + " (" + x.at().file() + ")").toList());
        m.put("networkAttachmentDefinitions", f.manifests().nads().stream().map(n -> n.qualifiedName() + " ("
                + n.at() + ")").toList());
        m.put("virtualMachines", f.manifests().vms().stream().map(v -> v.namespace() + "/" + v.name()).toList());
        m.put("pods", f.manifests().pods().stream().map(p -> p.namespace() + "/" + p.name()).toList());
        m.put("cables", f.layer1().edges().size());
        return m;
    }

    private String cableOf(final String host, final String iface) {
        for (final vnetsim.network.VsphereSpec.EsxiHost h : plan.esxiHosts()) {
            for (final vnetsim.network.VsphereSpec.Vnic v : h.vnics()) {
                if (v.vm().equals(host) && v.nic().equals(iface)) {
                    return h.name() + " port group " + v.portGroup() + " (a vNIC of " + h.vswitch() + ")";
                }
            }
        }
        for (final CablePlan c : plan.cables()) {
            if (c.hostA().equals(host) && c.interfaceA().equals(iface)) {
                return c.hostB() + "/" + c.interfaceB();
            }
            if (c.hostB().equals(host) && c.interfaceB().equals(iface)) {
                return c.hostA() + "/" + c.interfaceA();
            }
        }
        return null;
    }

    private Map<String, Object> node(final NodePlan n) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        final List<Object> nics = new ArrayList<>();
        for (final NicPlan nic : n.nics()) {
            final Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", nic.name());
            x.put("mac", MacAddress.format(nic.mac()));
            x.put("mtu", nic.mtu());
            x.put("up", nic.up());
            x.put("addresses", nic.addresses());
            x.put("master", nic.master());
            x.put("cabledTo", cableOf(n.name(), nic.name()));
            x.put("at", nic.at().toString());
            nics.add(x);
        }
        m.put("nics", nics);
        final List<Object> vlans = new ArrayList<>();
        for (final VlanPlan v : n.vlans()) {
            final Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", v.name());
            x.put("vid", v.vid());
            x.put("parent", v.parent());
            x.put("mtu", v.mtu());
            x.put("up", v.up());
            x.put("reorderHeaders", v.reorderHeaders());
            x.put("addresses", v.addresses());
            x.put("master", v.master());
            x.put("at", v.at().toString());
            vlans.add(x);
        }
        m.put("vlanInterfaces", vlans);
        if (!n.bonds().isEmpty()) {
            final List<Object> bonds = new ArrayList<>();
            for (final NodePlan.BondPlan b : n.bonds()) {
                final Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", b.name());
                x.put("mode", b.mode());
                x.put("ports", b.ports());
                x.put("primary", b.primary());
                x.put("xmitHashPolicy", b.hashPolicy());
                x.put("mtu", b.mtu());
                x.put("master", b.master());
                x.put("portChoice", b.choice());
                x.put("at", b.at().toString());
                bonds.add(x);
            }
            m.put("bonds", bonds);
        }
        final List<Object> bridges = new ArrayList<>();
        for (final BridgePlan b : n.bridges()) {
            final Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", b.name());
            x.put("vlanFiltering", b.vlanFiltering());
            x.put("vlanFilteringReason", b.filteringReason());
            x.put("stp", b.stp());
            x.put("stpForwardDelaySeconds", b.stp() ? b.forwardDelaySeconds() : null);
            x.put("mtu", b.mtu());
            x.put("up", b.up());
            x.put("addresses", b.addresses());
            x.put("hostPortSimulated", false);
            final List<Object> ports = new ArrayList<>();
            for (final PortPlan p : b.ports()) {
                final Map<String, Object> y = new LinkedHashMap<>();
                y.put("name", p.name());
                y.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
                y.put("pvid", p.pvid() < 0 ? null : p.pvid());
                y.put("untagged", p.untagged().toString());
                y.put("tagged", p.vids().minus(p.untagged()).toString());
                y.put("from", p.origin());
                ports.add(y);
            }
            x.put("ports", ports);
            x.put("at", b.at().toString());
            bridges.add(x);
        }
        m.put("bridges", bridges);
        m.put("notes", n.notes());
        return m;
    }

    private Map<String, Object> switchModel(final SwitchPlan s) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", s.hostname());
        m.put("vlans", s.createdVlans().toString());
        final List<Object> ports = new ArrayList<>();
        for (final SwitchPlan.Port p : s.ports()) {
            final Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", p.name());
            if (p.mode() instanceof SwitchportMode.Trunk t) {
                x.put("mode", "trunk");
                x.put("allowed", t.allowed().toString());
                x.put("native", t.nativeVlan());
            } else {
                x.put("mode", "access");
                x.put("vlan", ((SwitchportMode.Access) p.mode()).vlan());
            }
            x.put("up", p.up());
            x.put("description", p.description());
            x.put("cabledTo", cableOf(s.hostname(), p.name()));
            x.put("at", p.at().toString());
            ports.add(x);
        }
        m.put("ports", ports);
        m.put("notCabled", s.uncabled());
        m.put("at", s.at().toString());
        return m;
    }

    private Map<String, Object> firewall(final FirewallConfig f) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("uplink", f.uplink());
        m.put("mac", MacAddress.format(f.mac()));
        m.put("cabledTo", cableOf(f.name(), f.uplink()));
        final List<Object> subs = new ArrayList<>();
        for (final FirewallConfig.Subinterface s : f.subinterfaces()) {
            subs.add(Map.of("name", s.name(), "vlan", s.vlan(), "address", Ipv4Address.format(s.ip()) + "/"
                    + s.prefixLength(), "mtu", s.mtu()));
        }
        m.put("interfaces", subs);
        m.put("acl", f.acl().stream().map(r -> r.text()).toList());
        m.put("at", f.at().toString());
        return m;
    }

    private static Map<String, Object> workload(final WorkloadPlan w) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("display", w.display());
        m.put("kind", w.kind().name());
        m.put("manifest", w.manifestName());
        m.put("interface", w.iface());
        m.put("address", Ipv4Address.format(w.ip()) + "/" + w.prefixLength());
        m.put("gateway", Ipv4Address.format(w.gateway()));
        m.put("mac", MacAddress.format(w.mac()));
        m.put("node", w.node());
        m.put("bridge", w.bridge());
        m.put("port", w.vethName());
        m.put("networkAttachment", w.nad());
        m.put("portVlans", w.port().membership());
        m.put("leavesNode", w.egress());
        m.put("notes", w.notes());
        m.put("at", w.at().toString());
        return m;
    }

    /** The human-readable form. */
    public String text() {
        final StringBuilder sb = new StringBuilder();
        sb.append(plan.name()).append(": ").append(scenario.description()).append('\n');
        final NetworkFolder f = scenario.folder();
        sb.append("Read from ").append(f.root()).append(": ").append(f.policies().size()).append(" node policies, ")
                .append(f.switches().size()).append(" switch configs, ").append(f.firewalls().size())
                .append(" firewalls, ").append(f.manifests().nads().size()).append(" network attachments, ")
                .append(f.manifests().vms().size()).append(" virtual machines, ").append(f.manifests().pods().size())
                .append(" pods, ").append(plan.cables().size()).append(" cables\n");
        sb.append("\nNodes:\n");
        for (final NodePlan n : plan.nodes()) {
            sb.append("  ").append(n.name()).append('\n');
            for (final NicPlan nic : n.nics()) {
                sb.append("    ").append(nic.name()).append("  physical NIC, mac ").append(MacAddress.format(nic.mac()))
                        .append(", mtu ").append(nic.mtu()).append(nic.up() ? "" : ", DOWN")
                        .append(", cabled to ").append(orNothing(cableOf(n.name(), nic.name())))
                        .append(addresses(nic.addresses())).append("  [").append(nic.at()).append("]\n");
            }
            for (final NodePlan.BondPlan b : n.bonds()) {
                sb.append("    ").append(b.name()).append("  bond, mode ").append(b.mode()).append(", ports ")
                        .append(String.join(", ", b.ports())).append(", mtu ").append(b.mtu())
                        .append(b.master() == null ? "" : ", port of " + b.master()).append("  [").append(b.at())
                        .append("]\n      ").append(b.choice()).append('\n');
            }
            for (final VlanPlan v : n.vlans()) {
                sb.append("    ").append(v.name()).append("  802.1Q VLAN ").append(v.vid()).append(" on ")
                        .append(v.parent()).append(", mtu ").append(v.mtu()).append(v.up() ? "" : ", DOWN")
                        .append(v.reorderHeaders() ? "" : ", reorder-headers off")
                        .append(v.master() == null ? "" : ", port of " + v.master())
                        .append(addresses(v.addresses())).append("  [").append(v.at()).append("]\n");
            }
            for (final BridgePlan b : n.bridges()) {
                sb.append("    ").append(b.name()).append("  Linux bridge, vlan_filtering ")
                        .append(b.vlanFiltering() ? 1 : 0).append(" (").append(b.filteringReason()).append("), STP ")
                        .append(b.stp() ? "ON (forward_delay " + b.forwardDelaySeconds() + " s: ports forward "
                                + 2 * b.forwardDelaySeconds() + " s after they come up, see warnings)" : "off").append(", mtu ").append(b.mtu())
                        .append(b.up() ? "" : ", DOWN").append("  [").append(b.at()).append("]\n");
                if (!b.addresses().isEmpty()) {
                    sb.append("      address ").append(b.addresses()).append(": the bridge's host port that answers "
                            + "on it is not simulated yet\n");
                }
                for (final PortPlan p : b.ports()) {
                    sb.append("      port ").append(p.name()).append(": ").append(b.vlanFiltering() ? p.membership()
                            : "VLAN-unaware, frames pass with their tags unchanged").append("  (")
                            .append(p.origin()).append(")\n");
                }
            }
            n.notes().forEach(x -> sb.append("    note: ").append(x).append('\n'));
        }
        sb.append("\nSwitches:\n");
        for (final SwitchPlan s : plan.switches()) {
            sb.append("  ").append(s.hostname()).append("  VLANs ").append(s.createdVlans()).append("  [")
                    .append(s.at()).append("]\n");
            for (final SwitchPlan.Port p : s.ports()) {
                sb.append("    ").append(p.name()).append("  switchport mode ").append(p.modeText())
                        .append(p.up() ? "" : ", DOWN").append(", to ").append(orNothing(cableOf(s.hostname(),
                                p.name()))).append(p.description() == null ? "" : ", \"" + p.description() + "\"")
                        .append("  [").append(p.at()).append("]\n");
            }
            if (!s.uncabled().isEmpty()) {
                sb.append("    not cabled (not simulated): ").append(String.join(", ", s.uncabled())).append('\n');
            }
        }
        if (!plan.firewalls().isEmpty()) {
            sb.append("\nFirewalls:\n");
            for (final FirewallConfig fw : plan.firewalls()) {
                sb.append("  ").append(fw.name()).append("  ").append(fw.uplink()).append(" trunk uplink, mac ")
                        .append(MacAddress.format(fw.mac())).append(", to ")
                        .append(orNothing(cableOf(fw.name(), fw.uplink()))).append("  [").append(fw.at()).append("]\n");
                for (final FirewallConfig.Subinterface s : fw.subinterfaces()) {
                    sb.append("    ").append(s.name()).append("  VLAN ").append(s.vlan()).append("  ")
                            .append(Ipv4Address.format(s.ip())).append('/').append(s.prefixLength()).append('\n');
                }
                sb.append("    ACL: ").append(fw.acl().isEmpty() ? "no rules (default permit)"
                        : fw.acl().stream().map(r -> r.text()).toList()).append('\n');
            }
        }
        if (!plan.esxiHosts().isEmpty()) {
            sb.append("\nESXi hosts:\n");
            for (final vnetsim.network.VsphereSpec.EsxiHost h : plan.esxiHosts()) {
                sb.append("  ").append(h.name()).append("  ").append(h.vswitch()).append(", uplinks ");
                sb.append(String.join(", ", h.uplinks().stream().map(u -> u + " to " + orNothing(cableOf(h.name(), u)))
                        .toList())).append('\n');
                h.portGroups().forEach(g -> sb.append("    port group ").append(g.describe()).append('\n'));
                h.vnics().forEach(v -> sb.append("    vNIC ").append(v.vm()).append('/').append(v.nic()).append(" on ")
                        .append(v.portGroup()).append(", mac ").append(MacAddress.format(v.mac())).append('\n'));
            }
        }
        if (!plan.dhcpServers().isEmpty()) {
            sb.append("\nDHCP servers:\n");
            for (final vnetsim.network.VsphereSpec.DhcpServerSpec d : plan.dhcpServers()) {
                sb.append("  ").append(d.name()).append("  ").append(d.iface()).append(' ').append(d.address())
                        .append(", mac ").append(MacAddress.format(d.mac())).append(", to ")
                        .append(orNothing(cableOf(d.name(), d.iface()))).append("\n    pool ")
                        .append(Ipv4Address.format(d.poolFirst())).append('-').append(Ipv4Address.format(d.poolLast()))
                        .append(", router ").append(d.router() == 0 ? "none" : Ipv4Address.format(d.router()))
                        .append(", mask /").append(d.address().prefixLength()).append(", lease ")
                        .append(d.leaseSeconds()).append(" s\n");
            }
        }
        sb.append("\nWorkloads:\n");
        for (final WorkloadPlan w : plan.workloads()) {
            sb.append(String.format("  %-6s %-18s %-7s %s/%d  gw %s  mac %s%n", w.id(), w.display(), w.iface(),
                    Ipv4Address.format(w.ip()), w.prefixLength(), Ipv4Address.format(w.gateway()),
                    MacAddress.format(w.mac())));
            sb.append("         ").append(switch (w.kind()) {
                case VM -> "VirtualMachine ";
                case POD -> "Pod ";
                case NODE -> "";
            })
                    .append(w.manifestName()).append(" on ").append(w.node()).append(", ").append(w.bridge())
                    .append(" port ").append(w.vethName()).append(" (").append(w.nad()).append("): ")
                    .append(w.egress()).append('\n');
            w.notes().forEach(x -> sb.append("         - ").append(x).append('\n'));
        }
        sb.append("\nWarnings:").append(plan.warnings().isEmpty() ? " none\n" : "\n");
        plan.warnings().forEach(p -> sb.append("  ").append(p.at()).append(": ").append(p.message()).append('\n'));
        return sb.toString();
    }

    private static String orNothing(final String s) {
        return s == null ? "nothing" : s;
    }

    private static String addresses(final List<String> addresses) {
        return addresses.isEmpty() ? "" : ", addresses " + addresses + " (host stack not simulated)";
    }
}

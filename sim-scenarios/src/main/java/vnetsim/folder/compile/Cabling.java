package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.folder.layer1.Layer1Topology;
import vnetsim.folder.layer1.Layer1Topology.End;
import vnetsim.folder.nxos.SwitchConfig;

/**
 * Resolves layer1_topology.json ends to interfaces that exist: a node's NIC (network.yaml), a switch's Ethernet
 * interface (its running-config, any abbreviation), a firewall's uplink, an ESXi host's vSwitch uplink
 * ({@code vsphere/*.yaml}), a DHCP server's interface ({@code dhcp/*.yaml}). A cable to anything else, or a second
 * cable on one port, is an error naming the line.
 */
final class Cabling {
    private final Diagnostics diagnostics;
    private final Map<String, NodeCompiler> nodes;
    private final Map<String, SwitchConfig> switches;
    private final Map<String, FirewallConfig> firewalls;
    /** ESXi hosts (their uplinks) and DHCP servers (their interface), by name. */
    private final Map<String, List<String>> appliances;

    Cabling(final Diagnostics diagnostics, final Map<String, NodeCompiler> nodes,
            final Map<String, SwitchConfig> switches, final Map<String, FirewallConfig> firewalls,
            final Map<String, List<String>> appliances) {
        this.diagnostics = diagnostics;
        this.nodes = nodes;
        this.switches = switches;
        this.firewalls = firewalls;
        this.appliances = appliances;
    }

    List<CablePlan> resolve(final Layer1Topology layer1) {
        final List<CablePlan> cables = new ArrayList<>();
        final Map<String, Location> used = new HashMap<>();
        for (final Layer1Topology.Edge e : layer1.edges()) {
            final Optional<String> a = end(e.node1(), e.at());
            final Optional<String> b = end(e.node2(), e.at());
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            boolean ok = true;
            for (final String key : List.of(e.node1().hostname() + "/" + a.get(), e.node2().hostname() + "/" + b.get())) {
                final Location earlier = used.putIfAbsent(key, e.at());
                if (earlier != null) {
                    diagnostics.error(e.at(), key + " already has a cable (" + earlier + "); one cable per port");
                    ok = false;
                }
            }
            if (ok) {
                cables.add(new CablePlan(e.node1().hostname(), a.get(), e.node2().hostname(), b.get(), e.at()));
            }
        }
        return cables;
    }

    /** The interface's name as the device spells it, or empty (error reported). */
    private Optional<String> end(final End end, final Location at) {
        final String host = end.hostname();
        final String iface = end.interfaceName();
        if (nodes.containsKey(host)) {
            if (nodes.get(host).hasNic(iface)) {
                return Optional.of(iface);
            }
            diagnostics.error(at, "cable to " + end + ": node " + host + " has no NIC '" + iface + "'; valid: "
                    + nodes.get(host).nicNames());
            return Optional.empty();
        }
        if (switches.containsKey(host)) {
            final Optional<SwitchConfig.SwitchInterface> i = switches.get(host).find(iface);
            if (i.isPresent()) {
                return Optional.of(i.get().name());
            }
            diagnostics.error(at, "cable to " + end + ": switch " + host + "'s config defines no interface '" + iface
                    + "'; valid: " + switches.get(host).interfaces().stream().map(SwitchConfig.SwitchInterface::name)
                    .toList());
            return Optional.empty();
        }
        if (firewalls.containsKey(host)) {
            if (firewalls.get(host).uplink().equals(iface)) {
                return Optional.of(iface);
            }
            diagnostics.error(at, "cable to " + end + ": firewall " + host + " has one uplink, '"
                    + firewalls.get(host).uplink() + "'");
            return Optional.empty();
        }
        if (appliances.containsKey(host)) {
            if (appliances.get(host).contains(iface)) {
                return Optional.of(iface);
            }
            diagnostics.error(at, "cable to " + end + ": " + host + " has no port '" + iface + "'; valid: "
                    + appliances.get(host) + " (an ESXi host's vSwitch uplinks, a DHCP server's interface)");
            return Optional.empty();
        }
        final Set<String> valid = new LinkedHashSet<>(nodes.keySet());
        valid.addAll(switches.keySet());
        valid.addAll(firewalls.keySet());
        valid.addAll(appliances.keySet());
        diagnostics.error(at, "cable to " + end + ": no node, switch, firewall, ESXi host or DHCP server is named '"
                + host + "'; valid: " + valid);
        return Optional.empty();
    }
}

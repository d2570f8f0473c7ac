package vnetsim.folder.udn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.NetworkFolder;
import vnetsim.folder.NetworkYaml;
import vnetsim.folder.k8s.Manifests;
import vnetsim.folder.k8s.UdnManifest;
import vnetsim.frame.Ipv4Address;
import vnetsim.network.Cidr;
import vnetsim.ovn.OvnNode;
import vnetsim.ovn.UdnCluster;
import vnetsim.ovn.UdnTopology;
import vnetsim.ovn.UdnWorkload;
import vnetsim.ovn.UserDefinedNetwork;

/**
 * A network folder with UserDefinedNetwork / ClusterUserDefinedNetwork manifests becomes a {@link UdnCluster}:
 * nodes and their underlay NIC (the first NIC with an {@code address}) from network.yaml, networks from the
 * manifests with the namespaces they select, workloads from network.yaml's placement (a VirtualMachine manifest of
 * the same namespace and name makes it a VM; an interface address is the address it holds).
 *
 * <p>Namespace selection as ovn-kubernetes' UDN controller does it ({@code pkg/clustermanager/userdefinednetwork/
 * controller.go}): a UDN serves its own namespace; a CUDN every declared namespace its selector matches. A primary
 * network needs the namespace label {@code k8s.ovn.org/primary-user-defined-network} (the controller refuses
 * otherwise); a namespace with two primary networks is an error. Network IDs follow manifest order from 1.
 */
public final class UdnFolderCompiler {
    static final String PRIMARY_LABEL = "k8s.ovn.org/primary-user-defined-network";

    private UdnFolderCompiler() {
    }

    public static boolean applies(final NetworkFolder folder) {
        return !folder.manifests().udns().isEmpty();
    }

    /** The cluster, or null with the problems reported. */
    public static UdnCluster compile(final NetworkFolder folder, final Diagnostics diagnostics) {
        final List<OvnNode> nodes = new ArrayList<>();
        for (final NetworkYaml.NodeSpec n : folder.network().nodes()) {
            final NetworkYaml.NicSpec nic = n.nics().stream().filter(x -> x.address() != null).findFirst()
                    .orElse(null);
            if (nic == null) {
                diagnostics.error(n.at(), "node " + n.name() + ": give the NIC Geneve leaves by an address "
                        + "(nics: [{name: br-ex, mac: ..., mtu: ..., address: 192.168.10.11/24}])");
                continue;
            }
            try {
                nodes.add(new OvnNode(n.name(), nic.name(), Cidr.parse(nic.address()).ip(), nic.mac(), nic.mtu()));
            } catch (IllegalArgumentException e) {
                diagnostics.error(nic.at(), "node " + n.name() + " NIC " + nic.name() + ": " + e.getMessage());
            }
        }
        final Manifests m = folder.manifests();
        final List<UserDefinedNetwork> networks = new ArrayList<>();
        final Map<String, String> primaryOf = new LinkedHashMap<>();
        int id = 1;
        for (final UdnManifest u : m.udns()) {
            final List<String> namespaces = new ArrayList<>();
            final boolean primary = u.role().equals("Primary");
            for (final Manifests.Namespace ns : m.namespaces()) {
                if (!u.selects(ns)) {
                    continue;
                }
                if (primary && !ns.labels().containsKey(PRIMARY_LABEL)) {
                    diagnostics.warn(ns.at(), "namespace " + ns.name() + " lacks the label " + PRIMARY_LABEL
                            + ", so " + u.name() + " is not its primary network (the UDN controller refuses it)");
                    continue;
                }
                if (primary && primaryOf.containsKey(ns.name())) {
                    diagnostics.error(u.at(), "namespace " + ns.name() + " already has primary network "
                            + primaryOf.get(ns.name()) + "; only one primary user-defined network per namespace");
                    continue;
                }
                if (primary) {
                    primaryOf.put(ns.name(), u.name());
                }
                namespaces.add(ns.name());
            }
            if (!u.cluster() && m.namespaces().stream().noneMatch(ns -> ns.name().equals(u.namespace()))) {
                diagnostics.warn(u.at(), "UserDefinedNetwork " + u.name() + ": namespace " + u.namespace()
                        + " is not declared in manifests/; its workloads have no network");
            }
            if (!primary) {
                diagnostics.warn(u.at(), u.name() + ": role Secondary is read but not simulated yet (workloads "
                        + "attach to it through their multus interfaces)");
            }
            final Cidr subnet = subnet(u, diagnostics);
            final UdnTopology topology = u.topology().equals("Layer3") ? UdnTopology.LAYER3 : UdnTopology.LAYER2;
            if (topology == UdnTopology.LAYER3 && subnet == null) {
                continue;
            }
            try {
                networks.add(new UserDefinedNetwork(u.name(), topology, primary, subnet,
                        u.hostSubnet() == 0 ? UserDefinedNetwork.DEFAULT_HOST_SUBNET : u.hostSubnet(), u.mtu(),
                        u.persistent(), id++, namespaces));
            } catch (IllegalArgumentException e) {
                diagnostics.error(u.at(), e.getMessage());
            }
        }
        final List<UdnWorkload> workloads = new ArrayList<>();
        for (final NetworkYaml.WorkloadSpec w : folder.network().workloads()) {
            final boolean vm = m.vms().stream().anyMatch(v -> v.name().equals(w.name())
                    && v.namespace().equals(w.namespace()));
            int requested = 0;
            if (!w.interfaces().isEmpty() && w.interfaces().get(0).address() != null) {
                try {
                    requested = Cidr.parse(w.interfaces().get(0).address()).ip();
                } catch (IllegalArgumentException e) {
                    diagnostics.error(w.interfaces().get(0).at(), e.getMessage());
                }
            }
            if (!primaryOf.containsKey(w.namespace())) {
                diagnostics.error(w.at(), "workload " + w.name() + ": namespace " + w.namespace()
                        + " has no primary user-defined network");
                continue;
            }
            workloads.add(new UdnWorkload(w.name(), w.namespace(), w.node(), requested, vm));
        }
        if (diagnostics.hasErrors()) {
            return null;
        }
        try {
            final UdnCluster cluster = new UdnCluster(folder.network().name(), nodes, networks, workloads);
            for (final UserDefinedNetwork n : networks) {
                cluster.addressing(n);                       // address exhaustion and host subnet count, up front
            }
            return cluster;
        } catch (IllegalArgumentException e) {
            diagnostics.error(folder.network().at(), e.getMessage());
            return null;
        }
    }

    private static Cidr subnet(final UdnManifest u, final Diagnostics diagnostics) {
        Cidr found = null;
        for (final String s : u.subnets()) {
            if (s.contains(":")) {
                diagnostics.warn(u.at(), u.name() + ": IPv6 subnet " + s + " is not simulated; IPv4 only");
                continue;
            }
            try {
                final Cidr c = Cidr.parse(s);
                if (found == null) {
                    found = c;
                } else {
                    diagnostics.warn(u.at(), u.name() + ": only the first IPv4 subnet is used; " + s + " ignored");
                }
            } catch (IllegalArgumentException e) {
                diagnostics.error(u.at(), u.name() + ": " + e.getMessage());
            }
        }
        if (found == null && u.topology().equals("Layer3")) {
            diagnostics.error(u.at(), u.name() + ": a Layer3 network needs an IPv4 subnet");
        }
        return found;
    }

    static String format(final int ip) {
        return Ipv4Address.format(ip);
    }
}

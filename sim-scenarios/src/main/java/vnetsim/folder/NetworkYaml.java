package vnetsim.folder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code network.yaml}: the network's name, its nodes (name, labels, physical NICs) and what the manifests leave
 * open about workloads (node placement, display name, guest addresses, MACs).
 */
public record NetworkYaml(String name, String description, List<NodeSpec> nodes, List<WorkloadSpec> workloads,
                          Location at) {
    public NetworkYaml {
        nodes = List.copyOf(nodes);
        workloads = List.copyOf(workloads);
    }

    /**
     * A node; {@code kubernetes.io/hostname: <name>} is always among its labels, as the kubelet sets it.
     *
     * @param podSubnet the node's slice of the pod network ("10.128.0.0/24", host-local IPAM's range on this node),
     *                  or null when the folder simulates no pod network on it
     */
    public record NodeSpec(String name, Map<String, String> labels, List<NicSpec> nics, Location at,
                           String podSubnet) {
        public NodeSpec {
            labels = Map.copyOf(labels);
            nics = List.copyOf(nics);
        }

        /** A node without a pod network. */
        public NodeSpec(final String name, final Map<String, String> labels, final List<NicSpec> nics,
                        final Location at) {
            this(name, labels, nics, at, null);
        }

        public Optional<NicSpec> nic(final String nicName) {
            return nics.stream().filter(n -> n.name().equals(nicName)).findFirst();
        }
    }

    /**
     * A physical NIC: the hardware the policies configure.
     *
     * @param address the node IP on this NIC ("192.168.10.11/24"), or null; networks whose nodes carry no nmstate
     *                policies (OVN-Kubernetes user-defined networks) take the Geneve underlay address from here
     */
    public record NicSpec(String name, long mac, int mtu, String address, Location at) {
    }

    /**
     * A workload (VirtualMachine or Pod, by namespace and name).
     *
     * @param id      the short id users type ("vm1"); default the manifest name
     * @param display the display name in traces ("Virtual Machine 1"); default the manifest name
     */
    public record WorkloadSpec(String namespace, String name, String id, String display, String node,
                               List<InterfaceSpec> interfaces, Location at) {
        public WorkloadSpec {
            interfaces = List.copyOf(interfaces);
        }

        public Optional<InterfaceSpec> iface(final String interfaceName) {
            return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst();
        }
    }

    /**
     * What the guest configures on one interface.
     *
     * @param address "A.B.C.D/LEN" or null
     * @param gateway "A.B.C.D" or null
     * @param mac     or null
     */
    public record InterfaceSpec(String name, String address, String gateway, String mac, Location at) {
    }
}

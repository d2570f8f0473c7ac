package vnetsim.folder.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vnetsim.folder.Location;

/** What {@code manifests/*.yaml} declare: namespaces, network attachments, virtual machines and pods. */
public record Manifests(List<Namespace> namespaces, List<Nad> nads, List<VirtualMachine> vms, List<Pod> pods,
                        List<UdnManifest> udns) {
    public Manifests {
        udns = List.copyOf(udns);
        namespaces = List.copyOf(namespaces);
        nads = List.copyOf(nads);
        vms = List.copyOf(vms);
        pods = List.copyOf(pods);
    }

    /** A Namespace with its labels (a ClusterUserDefinedNetwork's namespaceSelector matches them). */
    public record Namespace(String name, Map<String, String> labels, Location at) {
        public Namespace {
            labels = Map.copyOf(labels);
        }
    }

    /**
     * A NetworkAttachmentDefinition whose CNI config uses the bridge plugin ({@code cnv-bridge} or {@code bridge}).
     *
     * @param bridge              {@code bridge} (CNI default "cni0")
     * @param vlan                {@code vlan}, 0 for none
     * @param preserveDefaultVlan null when not given
     * @param addresses           IPAM {@code static} addresses ("10.0.0.5/24"), with gateways
     * @param ipamType            "" for {@code ipam: {}} or none, else the IPAM type
     * @param tuning              a {@code tuning}/{@code cnv-tuning} plugin follows
     */
    public record Nad(String namespace, String name, String cniType, String bridge, int vlan, boolean macspoofchk,
                      Boolean preserveDefaultVlan, boolean hairpin, List<StaticAddress> addresses, String ipamType,
                      boolean tuning, Location at) {
        public Nad {
            addresses = List.copyOf(addresses);
        }

        public String qualifiedName() {
            return namespace + "/" + name;
        }
    }

    /** An IPAM {@code static} address. */
    public record StaticAddress(String address, String gateway, Location at) {
    }

    /** A KubeVirt VirtualMachine (spec.template.spec). */
    public record VirtualMachine(String namespace, String name, List<VmInterface> interfaces,
                                 List<VmNetwork> networks, Map<String, String> nodeSelector, Location at) {
        public VirtualMachine {
            interfaces = List.copyOf(interfaces);
            networks = List.copyOf(networks);
            nodeSelector = Map.copyOf(nodeSelector);
        }

        public Optional<VmNetwork> network(final String networkName) {
            return networks.stream().filter(n -> n.name().equals(networkName)).findFirst();
        }
    }

    /** {@code domain.devices.interfaces[]}: binding and optional MAC. */
    public record VmInterface(String name, Binding binding, String macAddress, Location at) {
    }

    /** KubeVirt interface binding methods the model knows. */
    public enum Binding { BRIDGE, MASQUERADE, OTHER }

    /** {@code networks[]}: {@code multus.networkName} (namespace/name or name) or {@code pod: {}}. */
    public record VmNetwork(String name, String multusNetworkName, boolean pod, Location at) {
    }

    /** A Pod with the Multus annotation {@code k8s.v1.cni.cncf.io/networks}. */
    public record Pod(String namespace, String name, String nodeName, List<PodNetwork> networks, Location at) {
        public Pod {
            networks = List.copyOf(networks);
        }
    }

    /** One Multus network selection element: {@code [ns/]name[@iface]} or the JSON form. */
    public record PodNetwork(String namespace, String name, String interfaceName, String mac, List<String> ips,
                             Location at) {
        public PodNetwork {
            ips = List.copyOf(ips);
        }
    }
}

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
                      boolean tuning, Location at, Cni cni) {
        public Nad {
            addresses = List.copyOf(addresses);
        }

        /** A bridge-plugin NAD without the options {@link Cni} carries. */
        @SuppressWarnings("checkstyle:ParameterNumber")
        public Nad(final String namespace, final String name, final String cniType, final String bridge,
                   final int vlan, final boolean macspoofchk, final Boolean preserveDefaultVlan, final boolean hairpin,
                   final List<StaticAddress> addresses, final String ipamType, final boolean tuning,
                   final Location at) {
            this(namespace, name, cniType, bridge, vlan, macspoofchk, preserveDefaultVlan, hairpin, addresses,
                    ipamType, tuning, at, Cni.NONE);
        }

        /** Whether the interface-creating plugin is {@code macvlan}. */
        public boolean macvlan() {
            return cniType.equals("macvlan");
        }

        /** Whether the interface-creating plugin is {@code host-device}. */
        public boolean hostDevice() {
            return cniType.equals("host-device");
        }

        public String qualifiedName() {
            return namespace + "/" + name;
        }
    }

    /**
     * The CNI options beyond the bridge plugin's VLAN handling: macvlan's {@code master}/{@code mode}, host-device's
     * {@code device}, the bridge plugin's {@code isGateway}/{@code ipMasq}, IPAM {@code host-local}'s range and the
     * {@code tuning} plugin's {@code mac}/{@code mtu}/{@code promisc}.
     *
     * @param master      macvlan {@code master} (null: the node's default-route interface)
     * @param mode        macvlan {@code mode} (bridge, private, vepa), "" for the default
     * @param device      host-device {@code device}, or null
     * @param isGateway   bridge {@code isGateway} (or {@code isDefaultGateway})
     * @param ipMasq      bridge {@code ipMasq}
     * @param hostLocal   IPAM {@code host-local}'s first range, or null
     * @param tuningMac   tuning {@code mac}, or null
     * @param tuningMtu   tuning {@code mtu}, 0 when not given
     * @param promisc     tuning {@code promisc}
     */
    public record Cni(String master, String mode, String device, boolean isGateway, boolean ipMasq,
                      HostLocalRange hostLocal, String tuningMac, int tuningMtu, boolean promisc) {
        /** No options. */
        public static final Cni NONE = new Cni(null, "", null, false, false, null, null, 0, false);
    }

    /**
     * One IPAM {@code host-local} range ({@code containernetworking/plugins: plugins/ipam/host-local/backend/
     * allocator/range.go Range}): the subnet, the first and last address handed out, the gateway (never handed out).
     * Defaults as {@code Range.Canonicalize()} sets them: rangeStart the subnet's first address after the network,
     * rangeEnd the last before broadcast, gateway the first address.
     */
    public record HostLocalRange(int network, int prefixLength, int rangeStart, int rangeEnd, int gateway,
                                 Location at) {
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

    /** {@code domain.devices.interfaces[]}: binding, optional MAC and the masquerade {@code ports}. */
    public record VmInterface(String name, Binding binding, String macAddress, Location at, List<VmPort> ports) {
        public VmInterface {
            ports = List.copyOf(ports);
        }

        /** An interface without {@code ports}. */
        public VmInterface(final String name, final Binding binding, final String macAddress, final Location at) {
            this(name, binding, macAddress, at, List.of());
        }
    }

    /** One {@code ports[]} entry: {@code port} (1-65535) and {@code protocol} (TCP or UDP, default TCP). */
    public record VmPort(boolean udp, int port, Location at) {
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

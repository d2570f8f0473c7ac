package vnetsim.kubevirt;

import java.util.List;
import vnetsim.analysis.Network;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.device.MasqueradePod;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * Two worker nodes on a routed cluster network, as the 004 document's pod networking reduced to what matters for
 * the masquerade binding: each node has a CNI {@code bridge} ({@code cni0}, {@code isGateway}) for its pod subnet
 * and routes the other node's pod subnet via that node's machine-network address (flannel host-gw style; OVN-K's
 * Geneve overlay is simplified away). worker-0 runs the masquerade VM's virt-launcher pod, worker-1 a web pod.
 */
public final class PodNetworkLab {
    public static final int POD_IP = Ipv4Address.parse("10.128.0.5");
    public static final int WEB_IP = Ipv4Address.parse("10.128.1.10");
    public static final long VM_MAC = MacAddress.parse("52:54:00:12:34:56");
    public static final long POD_MAC = MacAddress.parse("0a:58:0a:80:00:05");

    private PodNetworkLab() {
    }

    /** The lab with the VM interface's {@code ports} ({@code List.of()}: none listed, all forwarded). */
    public static Network network(final List<MasqueradePod.ForwardedPort> ports) {
        return new Network("pod-network-lab", () -> topology(ports));
    }

    public static Topology topology(final List<MasqueradePod.ForwardedPort> ports) {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm = b.addEndpoint("vm", new Endpoint("vm-masq", "eth0", Endpoint.Workload.VM, VM_MAC,
                MasqueradePod.GUEST, 24, MasqueradePod.GATEWAY, 64));
        final int pod = b.add(new MasqueradePod("virt-launcher-vm-masq", POD_MAC, POD_IP, 24,
                ip("10.128.0.1"), 1400, ports));
        b.link(vm, Endpoint.NIC, pod, MasqueradePod.K6T, LinkKind.VETH);

        final LinuxBridge cni0a = new LinuxBridge("worker-0", "cni0", false, LinuxBridge.DEFAULT_AGEING_NS);
        final int vethA = cni0a.addPort(cni0a.defaultPort("veth-masq", 1400), MacAddress.parse("ee:ee:ee:00:00:05"));
        final int hostA = cni0a.addHostPort();
        final LinuxHost node0 = new LinuxHost("worker-0");
        final int brA = node0.addBridgeDevice(cni0a);
        node0.addAddress(brA, ip("10.128.0.1"), 24);
        final int ens3a = node0.addNic("ens3", MacAddress.parse("52:54:00:00:00:10"), 1500);
        node0.addAddress(ens3a, ip("192.168.100.10"), 24);
        node0.addRoute(ip("10.128.1.0"), 24, ip("192.168.100.11"));
        node0.setForwarding(true);
        final int bridgeA = b.add(cni0a);
        final int n0 = b.add(node0);
        b.link(pod, MasqueradePod.POD, bridgeA, vethA, LinkKind.VETH);
        b.link(bridgeA, hostA, n0, brA, LinkKind.STACK);

        final LinuxHost node1 = new LinuxHost("worker-1");
        final int ens3b = node1.addNic("ens3", MacAddress.parse("52:54:00:00:00:11"), 1500);
        node1.addAddress(ens3b, ip("192.168.100.11"), 24);
        final LinuxBridge cni0b = new LinuxBridge("worker-1", "cni0", false, LinuxBridge.DEFAULT_AGEING_NS);
        final int vethB = cni0b.addPort(cni0b.defaultPort("veth-web", 1400), MacAddress.parse("ee:ee:ee:00:01:0a"));
        final int hostB = cni0b.addHostPort();
        final int brB = node1.addBridgeDevice(cni0b);
        node1.addAddress(brB, ip("10.128.1.1"), 24);
        node1.addRoute(ip("10.128.0.0"), 24, ip("192.168.100.10"));
        node1.setForwarding(true);
        final int n1 = b.add(node1);
        final int bridgeB = b.add(cni0b);
        b.link(n0, ens3a, n1, ens3b, LinkKind.CABLE);
        b.link(bridgeB, hostB, n1, brB, LinkKind.STACK);
        final int web = b.addEndpoint("web", new Endpoint("web", "eth0", Endpoint.Workload.POD,
                MacAddress.parse("0a:58:0a:80:01:0a"), WEB_IP, 24, ip("10.128.1.1"), 64));
        b.link(web, Endpoint.NIC, bridgeB, vethB, LinkKind.VETH);
        return b.build();
    }

    static int ip(final String text) {
        return Ipv4Address.parse(text);
    }
}

package vnetsim.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint.Workload;
import vnetsim.device.Macvlan;
import vnetsim.device.MasqueradePod;
import vnetsim.device.l3.StaticRoute;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.network.BridgeSpec;
import vnetsim.network.Cidr;
import vnetsim.network.HostSpec;
import vnetsim.network.HostStackSpec;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkSpec;
import vnetsim.network.NicSpec;
import vnetsim.network.SwitchPortSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.network.WorkloadAttachment;
import vnetsim.network.WorkloadSpec;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The masquerade binding and macvlan described by names ({@link WorkloadAttachment}, {@link HostStackSpec}): two
 * nodes routing each other's pod subnet (flannel host-gw style: {@code cni0} with the gateway address, as the CNI
 * bridge plugin's {@code isGateway} sets it, containernetworking/plugins plugins/main/bridge/bridge.go
 * {@code calcGateways()}/{@code ensureAddr()}), a masquerade VM on worker-0, a web pod on worker-1, and two pods
 * with macvlan children of worker-0's ens5 beside the node's own address there.
 */
class PodNetworkSpecTest {
    static int ip(final String text) {
        return Ipv4Address.parse(text);
    }

    static HostSpec node(final int n, final String ens5Mac) {
        final String name = "worker-" + n;
        final int other = 1 - n;
        return new HostSpec(name, List.of(NicSpec.of("ens3", "52:54:00:00:00:1" + n, 1500),
                NicSpec.of("ens5", ens5Mac, 1500)), List.of(), List.of(BridgeSpec.unaware("cni0")))
                .withStack(new HostStackSpec(List.of(
                        new HostStackSpec.Address("ens3", Cidr.parse("192.168.100.1" + n + "/24")),
                        new HostStackSpec.Address("cni0", Cidr.parse("10.128." + n + ".1/24"))),
                        List.of(new StaticRoute(ip("10.128." + other + ".0"), 24, ip("192.168.100.1" + other))),
                        true));
    }

    static NetworkSpec spec(final List<MasqueradePod.ForwardedPort> ports) {
        final SwitchSpec tor = new SwitchSpec("Switch", List.of(access("Ethernet1/1"), access("Ethernet1/2")),
                vnetsim.device.l2.VlanSet.of(1, 50));
        final WorkloadSpec vm = new WorkloadSpec("vm-masq", "vm-masq", Workload.VM, "eth0",
                MacAddress.parse("52:54:00:12:34:56"), Cidr.parse("10.0.2.2/24"), MasqueradePod.GATEWAY, 64, 1400,
                "worker-0", "cni0", "veth-vm-masq", null).withAttachment(new WorkloadAttachment.Masquerade(
                MacAddress.parse("0a:58:0a:80:00:02"), Cidr.parse("10.128.0.2/24"), ip("10.128.0.1"), ports));
        final WorkloadSpec web = new WorkloadSpec("web", "web", Workload.POD, "eth0",
                MacAddress.parse("0a:58:0a:80:01:02"), Cidr.parse("10.128.1.2/24"), ip("10.128.1.1"), 64, 1400,
                "worker-1", "cni0", "veth-web", null);
        final WorkloadSpec podA = macvlanPod("pod-a", "0a:58:c0:a8:32:15", "192.168.50.21/24");
        final WorkloadSpec podB = macvlanPod("pod-b", "0a:58:c0:a8:32:16", "192.168.50.22/24");
        final WorkloadSpec nodeOwn = new WorkloadSpec("worker-0-ens5", "worker-0 ens5", Workload.NODE, "ens5",
                MacAddress.parse("52:54:00:00:05:10"), Cidr.parse("192.168.50.10/24"), 0, 64, 1500, "worker-0",
                null, "ens5", null).withAttachment(new WorkloadAttachment.MacvlanLower("ens5"));
        return new NetworkSpec("pod-network", List.of(node(0, "52:54:00:00:05:10"), node(1, "52:54:00:00:05:11")),
                List.of(tor), List.of(), List.of(vm, web, podA, podB, nodeOwn), List.of(
                LinkSpec.cable("worker-0", "ens3", "worker-1", "ens3"),
                LinkSpec.cable("worker-0", "ens5", "Switch", "Ethernet1/1"),
                LinkSpec.cable("worker-1", "ens5", "Switch", "Ethernet1/2")));
    }

    private static SwitchPortSpec access(final String name) {
        return new SwitchPortSpec(name, SwitchPortSpec.Mode.ACCESS, 50, vnetsim.device.l2.VlanSet.NONE, 1, false,
                false);
    }

    private static WorkloadSpec macvlanPod(final String id, final String mac, final String address) {
        return new WorkloadSpec(id, id, Workload.POD, "net1", MacAddress.parse(mac), Cidr.parse(address), 0, 64,
                1500, "worker-0", null, "net1@" + id, null)
                .withAttachment(new WorkloadAttachment.MacvlanChild("ens5", Macvlan.Mode.BRIDGE));
    }

    @Test
    @DisplayName("masquerade VM to a pod on the other node: 10.0.2.2 leaves as the pod IP and the reply comes back")
    void masquerade_vm_reaches_the_other_node() {
        final Trace trace = spec(List.of()).network().trace("vm-masq", "web");
        assertThat(trace.isDelivered()).as(trace.title()).isTrue();
        final List<Step> full = trace.steps(View.FULL);
        final Step out = full.stream().filter(s -> s.device().equals("virt-launcher-vm-masq")
                && s.iface().equals("eth0") && s.direction() == vnetsim.device.Direction.OUT).findFirst()
                .orElseThrow();
        assertThat(out.srcIp()).isEqualTo("10.128.0.2");
        assertThat(full.get(full.size() - 1).ttl()).isEqualTo(61);     // pod, worker-0, worker-1 each routed it
        final Trace back = spec(List.of()).network().trace("web", "vm-masq");
        assertThat(back.isDelivered()).isFalse();     // 10.0.2.2 is inside the pod: nobody outside can address it
    }

    @Test
    @DisplayName("the node cannot reach its own macvlan child: dropped at ens5 naming macvlan isolation")
    void node_to_own_child_is_isolated() {
        final Trace trace = spec(List.of()).network().trace("worker-0-ens5", "pod-a");
        assertThat(trace.isDelivered()).isFalse();
        // cold: the node's ARP request leaves on the wire; the copy that stands for its child is dropped at ens5
        assertThat(trace.cause().code()).isEqualTo(DropReason.MACVLAN_ISOLATION);
        assertThat(trace.cause().device()).isEqualTo("worker-0");
        assertThat(trace.cause().iface()).isEqualTo("ens5");
        assertThat(trace.cause().reason()).contains("macvlan isolation");
        final Trace fromChild = spec(List.of()).network().trace("pod-a", "worker-0-ens5");
        assertThat(fromChild.isDelivered()).isFalse();
        assertThat(fromChild.cause().code()).isEqualTo(DropReason.MACVLAN_ISOLATION);
    }

    @Test
    @DisplayName("two macvlan children on one parent reach each other")
    void children_reach_each_other() {
        assertThat(spec(List.of()).network().trace("pod-a", "pod-b").isDelivered()).isTrue();
    }

    @Test
    @DisplayName("the spec refuses a macvlan master that is also a bridge port, naming the workload")
    void macvlan_master_on_a_bridge_port_is_refused() {
        final NetworkSpec spec = spec(List.of());
        final HostSpec w0 = spec.host("worker-0");
        final NetworkSpec bad = spec.withHost(w0.withBridge(BridgeSpec.unaware("br1", "ens5")));
        assertThat(bad.problems()).anyMatch(p -> p.startsWith("workload pod-a: macvlan master worker-0/ens5 is also"));
    }

    @Test
    @DisplayName("a host route whose gateway is on no connected subnet is refused")
    void route_gateway_must_be_connected() {
        final NetworkSpec spec = spec(List.of(new MasqueradePod.ForwardedPort(Ipv4.PROTOCOL_TCP, 80)));
        final HostSpec w0 = spec.host("worker-0");
        final NetworkSpec bad = spec.withHost(w0.withStack(new HostStackSpec(w0.stack().addresses(),
                List.of(new StaticRoute(ip("10.128.1.0"), 24, ip("172.16.0.1"))), true)));
        assertThat(bad.problems()).anyMatch(p -> p.contains("via 172.16.0.1: the gateway is on no connected subnet"));
    }
}

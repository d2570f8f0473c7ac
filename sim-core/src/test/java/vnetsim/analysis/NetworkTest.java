package vnetsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.device.Frames.ip;
import static vnetsim.device.Frames.mac;

import org.junit.jupiter.api.Test;
import vnetsim.device.BridgePort;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;
import vnetsim.trace.Trace;

/** A network's answers never depend on earlier questions, whatever its supplier returns. */
class NetworkTest {
    private static Endpoint vm(final String name, final String macText, final String address) {
        return new Endpoint(name, "eth0", Endpoint.Workload.VM, mac(macText), ip(address), 24, ip("172.16.4.1"), 64);
    }

    static Topology oneBridge() {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm1 = b.addEndpoint("vm1", vm("Virtual Machine 1", "52:54:00:00:04:0a", "172.16.4.10"));
        final int vm2 = b.addEndpoint("vm2", vm("Virtual Machine 2", "52:54:00:00:04:0b", "172.16.4.20"));
        final LinuxBridge br = new LinuxBridge("node0", "br0", false, LinuxBridge.DEFAULT_AGEING_NS);
        br.addPort(BridgePort.withDefaults("vnet0", 1500));
        br.addPort(BridgePort.withDefaults("vnet1", 1500));
        final int bridge = b.add(br);
        b.link(vm1, Endpoint.NIC, bridge, 0, LinkKind.VETH);
        b.link(vm2, Endpoint.NIC, bridge, 1, LinkKind.VETH);
        return b.build();
    }

    @Test
    void a_cold_trace_starts_empty_even_when_the_supplier_returns_the_same_topology_twice() {
        final Topology shared = oneBridge();
        final Network network = new Network("shared", () -> shared);

        final Trace first = network.trace(Flow.icmp("vm1", "vm2").coldStart());
        final Trace second = network.trace(Flow.icmp("vm1", "vm2").coldStart());

        assertThat(first.events()).as("a cold trace starts with an ARP broadcast").hasSizeGreaterThan(10);
        assertThat(second.events()).isEqualTo(first.events());
    }

    @Test
    void a_warm_trace_after_a_cold_one_on_the_same_topology_is_the_same_as_on_a_fresh_one() {
        final Topology shared = oneBridge();
        final Network sharedNetwork = new Network("shared", () -> shared);
        final Network fresh = new Network("shared", NetworkTest::oneBridge);
        sharedNetwork.trace(Flow.icmp("vm1", "vm2").coldStart());

        assertThat(sharedNetwork.trace(Flow.icmp("vm2", "vm1")).events())
                .isEqualTo(fresh.trace(Flow.icmp("vm2", "vm1")).events());
    }

    @Test
    void a_built_topology_cannot_be_reconfigured_under_a_running_simulation() {
        final Topology built = oneBridge();
        final LinuxBridge bridge = (LinuxBridge) built.device(2);

        assertThatThrownBy(() -> bridge.setPortUp(0, false)).isInstanceOf(IllegalStateException.class)
                .hasMessage("node0/br0 is part of a built topology: its configuration cannot change (build a new"
                        + " topology for a what-if)");
        assertThatThrownBy(() -> bridge.addPort(BridgePort.withDefaults("vnet2", 1500)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(built.withLinkUp(0, Endpoint.NIC, false).isLinkUp(0, Endpoint.NIC)).isFalse();
        assertThat(built.isLinkUp(0, Endpoint.NIC)).as("the original is unchanged").isTrue();
    }
}

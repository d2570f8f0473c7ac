package vnetsim.kubevirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxHost;
import vnetsim.device.Macvlan;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;
import vnetsim.trace.Trace;
import vnetsim.trace.TraceBuilder;

/**
 * CNI macvlan in bridge mode (drivers/net/macvlan.c macvlan_queue_xmit(), macvlan_handle_frame()): two pods'
 * children on the node's ens4 reach each other inside the host; the node itself cannot reach either.
 */
public class MacvlanTest {
    static final long NODE_MAC = MacAddress.parse("52:54:00:00:00:40");
    static final long A_MAC = MacAddress.parse("0a:58:c0:a8:32:15");
    static final long B_MAC = MacAddress.parse("0a:58:c0:a8:32:16");
    static final int NODE_IP = Ipv4Address.parse("192.168.50.10");
    static final int A_IP = Ipv4Address.parse("192.168.50.21");

    public static Topology topology(final Macvlan.Mode mode) {
        final TopologyBuilder b = new TopologyBuilder();
        final LinuxHost node = new LinuxHost("worker-0");
        final int ens4 = node.addNic("ens4", NODE_MAC, 1500);
        node.addAddress(ens4, NODE_IP, 24);
        final Macvlan macvlan = new Macvlan("worker-0", "ens4", NODE_MAC);
        final int portA = macvlan.addChild("net1@pod-a", A_MAC, mode);
        final int portB = macvlan.addChild("net1@pod-b", B_MAC, mode);
        final TrunkSwitch tor = new TrunkSwitch("Switch", 300_000_000_000L);
        final int eth13 = tor.addPort("Ethernet1/3", new SwitchportMode.Access(50));
        final int n = b.add(node);
        final int m = b.add(macvlan);
        final int s = b.add(tor);
        b.link(n, ens4, m, Macvlan.LOWER, LinkKind.STACK);
        b.link(m, Macvlan.WIRE, s, eth13, LinkKind.CABLE);
        final int a = b.addEndpoint("pod-a", new Endpoint("pod-a", "net1", Endpoint.Workload.POD, A_MAC, A_IP, 24, 0,
                64));
        final int c = b.addEndpoint("pod-b", new Endpoint("pod-b", "net1", Endpoint.Workload.POD, B_MAC,
                Ipv4Address.parse("192.168.50.22"), 24, 0, 64));
        b.link(a, Endpoint.NIC, m, portA, LinkKind.VETH);
        b.link(c, Endpoint.NIC, m, portB, LinkKind.VETH);
        return b.build();
    }

    @Test
    @DisplayName("two children on the same parent reach each other (bridge mode)")
    void children_reach_each_other() {
        final Trace trace = new Network("macvlan", () -> topology(Macvlan.Mode.BRIDGE)).trace("pod-a", "pod-b");
        assertTrue(trace.isDelivered(), trace.title());
    }

    @Test
    @DisplayName("private mode: children do not reach each other inside the host")
    void private_children_do_not() {
        final Trace trace = new Network("macvlan", () -> topology(Macvlan.Mode.PRIVATE)).trace("pod-a", "pod-b");
        assertFalse(trace.isDelivered(), trace.title());
    }

    @Test
    @DisplayName("the node pinging its own macvlan child: dropped, the reason names macvlan isolation")
    void node_cannot_reach_its_own_child() {
        final Topology t = topology(Macvlan.Mode.BRIDGE);
        final Simulator sim = new Simulator(t);
        final LinuxHost node = (LinuxHost) sim.device(0);
        node.addNeighbor(A_IP, A_MAC);            // even with the child's MAC known (static neighbour)
        final StepLog log = new StepLog();
        sim.record(log);
        final int packet = sim.originate(0, out -> node.ping(A_IP, 1, 1, 56, out));
        sim.run();
        final Trace trace = new TraceBuilder(t, log).build("macvlan", "ICMP", packet, 0, Network.endpoint(t, "pod-a"));
        assertFalse(trace.isDelivered());
        assertEquals(DropReason.MACVLAN_ISOLATION, trace.drop().cause(), trace.drop().toString());
        assertEquals("worker-0", trace.drop().device());
        assertEquals("ens4", trace.drop().iface());
        assertTrue(trace.drop().reason().contains("macvlan isolation"), trace.drop().reason());
    }

    @Test
    @DisplayName("cold: the node's ARP request never reaches the child; the child's never reaches the node")
    void arp_between_node_and_child_is_isolated() {
        final Topology t = topology(Macvlan.Mode.BRIDGE);
        final Simulator sim = new Simulator(t);
        final LinuxHost node = (LinuxHost) sim.device(0);
        final StepLog log = new StepLog();
        sim.record(log);
        sim.originate(0, out -> node.ping(A_IP, 1, 1, 56, out));
        sim.run();
        assertEquals(0, node.echoReplies());
        boolean isolated = false;
        for (int e = 0; e < log.size(); e++) {
            isolated |= log.dropReason(e) == DropReason.MACVLAN_ISOLATION;
        }
        assertTrue(isolated);
        final Trace fromChild = new Network("macvlan", () -> topology(Macvlan.Mode.BRIDGE)).trace("pod-a", "pod-b");
        assertTrue(fromChild.isDelivered());
    }
}

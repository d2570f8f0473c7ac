package vnetsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.LinuxHost;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;
import vnetsim.trace.Outcome;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The end-to-end promises for the Linux bridge: an address on the bridge answers a VM's ping and routes to
 * another VLAN (br0.10 and br0.20 on a VLAN-aware bridge, as OpenShift nodes configure it); a VLAN deleted at run
 * time stops its traffic mid-flow; a bridge with STP on (nmstate's default when {@code stp} is omitted) drops the
 * first 2 x forward_delay of traffic and says why.
 */
class LinuxBridgeScenarioTest {
    private static final int VM1_IP = Ipv4Address.parse("172.16.10.11");
    private static final int VM2_IP = Ipv4Address.parse("172.16.20.12");
    private static final int GW10 = Ipv4Address.parse("172.16.10.1");
    private static final int GW20 = Ipv4Address.parse("172.16.20.1");

    private int vm1;
    private int vm2;
    private int bridge;
    private int vm1Port;
    private int vm2Port;

    /** VM1 (access VLAN 10) and VM2 (access VLAN 20) on br0; br0.10 and br0.20 route between them. */
    private Topology routedBridge(final boolean stp) {
        final TopologyBuilder b = new TopologyBuilder();
        vm1 = b.addEndpoint("vm1", new Endpoint("VM 1", "eth0", Endpoint.Workload.VM,
                MacAddress.parse("52:54:00:00:10:11"), VM1_IP, 24, GW10, 64));
        vm2 = b.addEndpoint("vm2", new Endpoint("VM 2", "eth0", Endpoint.Workload.VM,
                MacAddress.parse("52:54:00:00:20:12"), VM2_IP, 24, GW20, 64));
        final LinuxBridge br0 = new LinuxBridge("node0", "br0", true, LinuxBridge.DEFAULT_AGEING_NS);
        br0.setStp(stp, LinuxBridge.DEFAULT_FORWARD_DELAY_NS);
        vm1Port = br0.addPort(br0.defaultPort("vnet0", 1500).withoutVlan(1).withVlan(10, true, true),
                MacAddress.parse("fe:54:00:00:10:11"));
        vm2Port = br0.addPort(br0.defaultPort("vnet1", 1500).withoutVlan(1).withVlan(20, true, true),
                MacAddress.parse("fe:54:00:00:20:12"));
        br0.selfVlanAdd(10, false, false);                 // bridge vlan add dev br0 vid 10 self
        br0.selfVlanAdd(20, false, false);
        final int host = br0.addHostPort();
        final LinuxHost node = new LinuxHost("node0");
        final int dev = node.addBridgeDevice(br0);
        node.addVlanAddress(dev, 10, GW10, 24);            // br0.10
        node.addVlanAddress(dev, 20, GW20, 24);            // br0.20
        node.setForwarding(true);
        bridge = b.add(br0);
        final int n = b.add(node);
        b.link(vm1, Endpoint.NIC, bridge, vm1Port, LinkKind.VETH);
        b.link(vm2, Endpoint.NIC, bridge, vm2Port, LinkKind.VETH);
        b.link(bridge, host, n, dev, LinkKind.STACK);
        return b.build();
    }

    private static boolean echoReplyDelivered(final StepLog log, final int device) {
        for (int i = 0; i < log.size(); i++) {
            if (log.device(i) == device && log.action(i) == Action.DELIVERED && log.etherType(i) == 0x0800) {
                return true;
            }
        }
        return false;
    }

    @Test
    void a_bridge_with_an_address_answers_a_vms_ping() {
        final Simulator sim = new Simulator(routedBridge(false));
        final StepLog log = new StepLog();
        sim.record(log);

        sim.ping(vm1, GW10, 1);
        sim.run();

        assertThat(echoReplyDelivered(log, vm1)).as("echo reply from br0.10 reached VM 1").isTrue();
    }

    @Test
    void a_bridge_with_addresses_on_two_vlans_routes_between_them() {
        final Trace trace = new Network("routed-bridge", () -> routedBridge(false)).trace("vm1", "vm2");

        assertThat(trace.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(trace.steps(View.FULL)).extracting(s -> s.device() + "/" + s.iface())
                .contains("node0/br0", "VM 2/eth0");
        assertThat(StepTable.text(trace.steps(View.FULL), View.FULL)).contains("Routed, tag now 20, TTL 63");
    }

    @Test
    void a_vlan_deleted_at_run_time_stops_its_traffic_mid_flow() {
        final Simulator sim = new Simulator(routedBridge(false));
        sim.ping(vm1, VM2_IP, 1);
        sim.run();
        final StepLog log = new StepLog();
        sim.record(log);
        sim.ping(vm1, VM2_IP, 2);
        sim.run();
        assertThat(echoReplyDelivered(log, vm1)).as("the flow works before the change").isTrue();

        ((LinuxBridge) sim.device(bridge)).vlanDel(vm2Port, 20);     // bridge vlan del dev vnet1 vid 20
        log.clear();
        sim.ping(vm1, VM2_IP, 3);
        sim.run();

        assertThat(echoReplyDelivered(log, vm1)).as("no reply once VLAN 20 left vnet1").isFalse();
        boolean droppedAtBridge = false;
        for (int i = 0; i < log.size(); i++) {
            droppedAtBridge |= log.device(i) == bridge && log.action(i) == Action.DROPPED
                    && log.dropReason(i) == DropReason.NO_EGRESS_PORT;
        }
        assertThat(droppedAtBridge).as("br0 drops it: no port left in VLAN 20").isTrue();
    }

    @Test
    void stp_on_drops_traffic_for_the_forwarding_delay_and_the_trace_says_so() {
        final Trace trace = new Network("stp-on", () -> routedBridge(true)).trace("vm1", "vm2");

        // VM 1's ARP for its gateway dies at br0 while vnet0 listens, so the ping never leaves VM 1
        assertThat(trace.outcome()).isEqualTo(Outcome.DROPPED);
        assertThat(trace.drop().cause()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        final String events = StepTable.text(trace.events(), View.FULL);
        assertThat(events).contains("node0   br0        in   -     52:54:00:00:10:11  ff:ff:ff:ff:ff:ff       "
                + "Dropped: bridge port is in STP state listening, not forwarding (ARP 172.16.10.11 -> 172.16.10.1)");
    }

    @Test
    void stp_on_forwards_after_listening_and_learning() {
        final Simulator sim = new Simulator(routedBridge(true));
        final LinuxBridge br0 = (LinuxBridge) sim.device(bridge);
        assertThat(br0.portState(vm1Port, 0)).hasToString("LISTENING");
        assertThat(br0.portState(vm1Port, 15_000_000_000L)).hasToString("LEARNING");
        sim.advance(2 * LinuxBridge.DEFAULT_FORWARD_DELAY_NS);
        final StepLog log = new StepLog();
        sim.record(log);

        sim.ping(vm1, VM2_IP, 1);
        sim.run();

        assertThat(br0.portState(vm1Port, sim.now())).hasToString("FORWARDING");
        assertThat(echoReplyDelivered(log, vm1)).isTrue();
    }
}

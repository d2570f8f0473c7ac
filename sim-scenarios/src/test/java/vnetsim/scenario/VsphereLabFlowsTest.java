package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.frame.EtherType;
import vnetsim.network.NetworkSpec;
import vnetsim.network.RouterSpec;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/** Flows across the vSphere lab (seed 002): one node, four VLAN bridges, a router with a default route upstream. */
class VsphereLabFlowsTest {
    private static final String NODE = "hub-7vxwj-cnv-drhkz";
    private final NetworkSpec spec = new VsphereLab().spec();
    private final Network lab = spec.network();

    @Test
    void two_vms_on_br_1928_are_switched_by_the_bridge_and_nothing_leaves_the_node() {
        assertThatTrace(lab.trace("vm-a", "vm-c")).isDelivered()
                .passes(NODE, "br-1928").untagged().with(Action.SWITCHED)
                .then("vm-c", "eth0")
                .neverPasses(NODE, "ens224")
                .neverPasses("lab-router", "eth0");
    }

    @Test
    void across_vlans_the_frame_leaves_tagged_1928_is_routed_on_the_trunk_and_returns_tagged_1925() {
        assertThatTrace(lab.trace("vm-a", "vm-b")).isDelivered()
                .passes(NODE, "ens224.1928").pushingTag(1928)
                .then(NODE, "ens224").tagged(1928)
                .then("lab-router", "eth0").changingTag(1928, 1925).withTtl(64)
                .then(NODE, "ens224.1925").poppingTag(1925)
                .then("vm-b", "eth0").withTtl(63)
                .neverPasses("lab-router", "eth1");
    }

    @Test
    void to_the_mirror_the_packet_takes_the_default_route_out_of_the_routed_port_untagged() {
        assertThatTrace(lab.trace("vm-a", "mirror")).isDelivered()
                .passes("lab-router", "eth0").tagged(1928).routed()
                .then("lab-router", "eth1").untagged().withSourceMac("00:50:56:8a:00:02")
                .then("upstream", "eth0").untagged().withTtl(63).routed()
                .then("Mirror server", "eth0").withTtl(62);
    }

    @Test
    void the_routers_row_names_both_routes_and_the_tag_it_removed() {
        final Trace t = lab.trace("vm-a", "mirror");

        assertThat(t.steps()).filteredOn(s -> s.device().equals("lab-router")).extracting(Step::note).containsExactly(
                "Routed 192.168.28.0/24 -> default via 198.51.100.1, ACLs evaluated (permit), tag 1928 removed,"
                        + " TTL 64 -> 63, source MAC now 00:50:56:8a:00:02",
                "Exiting via physical interface");
    }

    @Test
    void the_mirror_reaches_every_vlan_back_through_the_upstreams_static_route() {
        for (final String workload : new String[] {"vm-a", "vm-b", "pod-d", "vm-e"}) {
            assertThatTrace(lab.trace("mirror", workload)).isDelivered().passes("upstream", "eth1").routed().then("lab-router", "eth1").routed();
        }
    }

    @Test
    void the_mirror_reaches_a_pod_back_through_the_upstreams_static_route_and_the_tag_is_pushed() {
        assertThatTrace(lab.trace(new Flow("mirror", "pod-d", Protocol.UDP, false))).isDelivered()
                .passes("upstream", "eth1").untagged()
                .then("lab-router", "eth1").untagged().routed()
                .then(NODE, "ens224").tagged(1926)
                .then(NODE, "ens224.1926").poppingTag(1926)
                .then("pod-d", "net1");
    }

    @Test
    void cold_the_router_resolves_the_upstream_gateway_not_the_destination() {
        final Trace t = lab.trace(Flow.icmp("vm-a", "mirror").coldStart());

        assertThatTrace(t).isDelivered();
        assertThat(t.events()).filteredOn(s -> s.etherType() == EtherType.ARP && "lab-router".equals(s.device())
                        && "eth1".equals(s.iface()) && s.action() == Action.ORIGINATED)
                .extracting(Step::dstIp).containsExactly("198.51.100.1");
    }

    @Test
    void without_the_default_route_the_router_drops_with_no_route_and_answers_net_unreachable() {
        final RouterSpec router = spec.router("lab-router");
        final NetworkSpec noDefault = spec.withRouter(new RouterSpec(router.name(), router.ports(),
                router.interfaces(), java.util.List.of(), router.acl()));

        final Trace t = noDefault.network().trace("vm-a", "mirror");

        assertThatTrace(t).isDroppedAt("lab-router", "eth0").because(DropReason.NO_ROUTE)
                .withReasonContaining("no route to 203.0.113.10");
        assertThat(t.events()).anyMatch(s -> "vm-a".equals(s.device()) && s.dstIp() != null
                && s.dstIp().equals("192.168.28.10") && "192.168.28.1".equals(s.srcIp()));
    }

    @Test
    void every_vlan_has_its_own_subinterface_and_bridge_and_the_nic_is_promiscuous() {
        assertThat(spec.host(NODE).vlans()).extracting(v -> v.name() + "=" + v.vid())
                .containsExactly("ens224.1925=1925", "ens224.1926=1926", "ens224.1927=1927", "ens224.1928=1928");
        assertThat(spec.host(NODE).bridges()).extracting(b -> b.name() + ":" + b.ports().get(0).name())
                .containsExactly("br-1925:ens224.1925", "br-1926:ens224.1926", "br-1927:ens224.1927",
                        "br-1928:ens224.1928");
    }
}

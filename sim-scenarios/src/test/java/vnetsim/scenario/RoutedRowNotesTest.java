package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.folder.Networks;
import vnetsim.folder.udn.UdnScenario;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The document view's notes where a Linux node or an OVN logical router routes: the row says Routed on the device
 * that routes (TTL and source MAC rewrite), names the interface a routed packet leaves by, and says "ACLs evaluated"
 * only where the device filters (the firewall). Reference: a Linux host with ip_forward=1 decrements the TTL and
 * rewrites the source MAC in ip_forward() and neigh_output() (net/ipv4/ip_forward.c), evaluating no ACL; an OVN
 * logical router does the same in its lr_in_ip_routing / lr_in_arp_resolve stages (ovn-northd(8)), and a cluster
 * router of ovn-kubernetes carries no ACLs (ACLs live on logical switches and port groups).
 */
class RoutedRowNotesTest {

    private static List<Step> rows(final Trace trace) {
        assertThat(trace.isDelivered()).as(trace.title()).isTrue();
        return trace.steps(View.DOCUMENT);
    }

    private static Step row(final List<Step> rows, final String device, final String iface) {
        return rows.stream().filter(s -> s.device().equals(device) && s.iface().equals(iface)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + device + " / " + iface + " in " + rows));
    }

    private static Trace masqueradeVmToWeb() {
        return Networks.named("kubevirt-pod-networking").network().trace("vm-masq", "web");
    }

    private static Trace migratedVm8ToVm9() {
        final UdnScenario l3 = (UdnScenario) Networks.named("udn-layer3");
        return l3.migrate("rhel8-vm8", "master2").network().trace("rhel8-vm8", "rhel8-vm9");
    }

    @Test
    void worker_0_routes_the_pods_packet_at_cni0_and_the_row_shows_the_ttl_and_mac_rewrite() {
        final Step cni0 = row(rows(masqueradeVmToWeb()), "worker-0", "cni0");

        // the bridge passes it up to worker-0's own cni0 address; worker-0 routes it to worker-1 via ens3
        assertThat(cni0.action()).isEqualTo(Action.ROUTED);
        assertThat(cni0.note()).isEqualTo("Routed, TTL 63 -> 62, source MAC now 52:54:00:00:03:10");
    }

    @Test
    void a_routing_linux_node_names_the_interface_the_packet_leaves_by() {
        final List<Step> rows = rows(masqueradeVmToWeb());

        assertThat(row(rows, "worker-0", "ens3").note()).isEqualTo("Exiting via ens3");
        // the virt-launcher pod's eth0 is its veth into the pod network, not a physical interface
        assertThat(row(rows, "virt-launcher-vm-masq", "eth0").note()).isEqualTo("Exiting via eth0");
    }

    @Test
    void worker_1_routes_without_acls_and_its_cni0_row_says_it_left_by_cni0_into_the_bridge() {
        final List<Step> rows = rows(masqueradeVmToWeb());

        assertThat(row(rows, "worker-1", "ens3").note())
                .isEqualTo("Routed, TTL 62 -> 61, source MAC now 02:01:99:3e:df:42");
        final Step cni0 = row(rows, "worker-1", "cni0");
        assertThat(cni0.note()).isEqualTo("Exiting via cni0, switched by Linux bridge");
        assertThat(cni0.action()).isEqualTo(Action.SWITCHED);
        assertThat(rows).extracting(Step::note).noneMatch(n -> n.contains("ACLs") || n.contains("by host"));
    }

    @Test
    void cold_caches_change_nothing_a_row_says_a_packet_released_after_arp_was_still_routed() {
        final Trace cold = Networks.named("kubevirt-pod-networking").network()
                .trace(new Flow("vm-masq", "web", Protocol.ICMP, true));

        // Linux queues the packet while it resolves the next hop (neigh_resolve_output -> arp_solicit) and sends it
        // on unchanged once the reply comes: it was routed (TTL 63 -> 62 on worker-0), not sent by worker-0
        assertThat(rows(cold)).extracting(Step::note)
                .containsExactlyElementsOf(rows(masqueradeVmToWeb()).stream().map(Step::note).toList());
    }

    @Test
    void the_ovn_cluster_router_routes_without_acls_and_leaves_by_a_logical_router_port() {
        final List<Step> rows = rows(migratedVm8ToVm9());

        assertThat(row(rows, "master2", "rtos-udn-cluster-primary-l3_master2").note())
                .isEqualTo("Routed, TTL 64 -> 63, source MAC now 0a:58:64:58:00:03");
        assertThat(row(rows, "master2", "rtots-master2").note())
                .isEqualTo("Exiting via logical router port rtots-master2");
        assertThat(row(rows, "master1", "rtots-master1").note())
                .isEqualTo("Routed, TTL 63 -> 62, source MAC now 0a:58:c0:a8:18:01");
        assertThat(row(rows, "master1", "rtos-udn-cluster-primary-l3_master1").note())
                .isEqualTo("Exiting via logical router port rtos-udn-cluster-primary-l3_master1");
        assertThat(rows).extracting(Step::note).noneMatch(n -> n.contains("ACLs") || n.contains("physical"));
    }

    @Test
    void no_note_of_the_migrated_layer3_trace_warm_or_cold_names_a_vlan_the_frame_is_not_in() {
        final UdnScenario moved = ((UdnScenario) Networks.named("udn-layer3")).migrate("rhel8-vm8", "master2");
        for (final boolean cold : new boolean[] {false, true}) {
            final Trace trace = moved.network().trace(new Flow("rhel8-vm8", "rhel8-vm9", Protocol.ICMP, cold));
            assertThat(trace.steps(View.DOCUMENT)).extracting(Step::note).noneMatch(n -> n.contains("-1"));
            assertThat(trace.steps(View.FULL)).extracting(Step::note).noneMatch(n -> n.contains("-1"));
        }
    }

    @Test
    void the_firewall_still_evaluates_its_acls() {
        final List<Step> rows = rows(Networks.named("acp-virtualization").network().trace("vm1", "vm3"));

        assertThat(row(rows, "Firewall", "Uplink 1").note()).isEqualTo("Routed 172.16.4.0/24 -> 172.16.5.0/24, "
                + "ACLs evaluated (permit), tag changed from 2003 to 2004, TTL 64 -> 63, source MAC now "
                + "00:1b:17:00:01:01");
    }
}

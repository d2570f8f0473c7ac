package vnetsim.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.frame.Ipv4Address;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

/** Seed 003's behaviours: placement, addresses, migration on Layer3 and Layer2, Geneve between nodes, MTU. */
class UdnClusterTest {

    private static List<String> devices(final Trace t) {
        return t.steps().stream().map(Step::device).distinct().toList();
    }

    private static boolean crossesTunnel(final Trace t) {
        return t.steps().stream().anyMatch(s -> s.action() == Action.ENCAPSULATED)
                && t.steps().stream().anyMatch(s -> s.action() == Action.DECAPSULATED);
    }

    @Test
    void layer3_gives_the_documents_addresses_with_ovn_macs_and_the_node_subnets_gateway() {
        final UdnCluster c = UdnClusters.layer3(0, 1442);
        final UdnAddress vm8 = c.address("rhel8-vm8");
        assertThat(Ipv4Address.format(vm8.ip())).isEqualTo("192.168.24.6");
        assertThat(vm8.prefixLength()).isEqualTo(25);
        assertThat(Ipv4Address.format(vm8.gateway())).isEqualTo("192.168.24.1");
        assertThat(vnetsim.frame.MacAddress.format(vm8.mac())).isEqualTo("0a:58:c0:a8:18:06");
        assertThat(c.addressing(c.networks().get(0)).nodeSubnets().values().stream().map(Object::toString).toList())
                .containsExactly("192.168.24.0/25", "192.168.24.128/25", "192.168.25.0/25");
    }

    @Test
    void both_vms_on_master1_talk_through_one_node_switch_without_routing_or_tunnel() {
        final Trace t = UdnClusters.layer3(0, 1442).network().trace("rhel8-vm8", "rhel8-vm9");
        assertThat(t.isDelivered()).isTrue();
        assertThat(crossesTunnel(t)).isFalse();
        assertThat(t.steps()).noneMatch(s -> s.action() == Action.ROUTED);
        assertThat(t.steps()).anyMatch(s -> s.iface().equals("namespace-7_rhel8-vm8") && s.action() == Action.SWITCHED);
    }

    @Test
    void layer3_migration_to_master2_changes_the_address_and_the_trace_is_routed_through_geneve() {
        final UdnCluster moved = UdnClusters.layer3(0, 1442).migrate("rhel8-vm8", "master2");
        assertThat(Ipv4Address.format(moved.address("rhel8-vm8").ip())).isEqualTo("192.168.24.132");
        assertThat(Ipv4Address.format(moved.address("rhel8-vm8").gateway())).isEqualTo("192.168.24.129");
        assertThat(Ipv4Address.format(moved.address("rhel8-vm9").ip())).isEqualTo("192.168.24.11");
        final Trace t = moved.network().trace("rhel8-vm8", "rhel8-vm9");
        assertThat(t.isDelivered()).isTrue();
        assertThat(crossesTunnel(t)).isTrue();
        assertThat(t.steps().stream().filter(s -> s.action() == Action.ROUTED).count()).isEqualTo(2);
        final Step encapsulated = t.steps().stream().filter(s -> s.action() == Action.ENCAPSULATED).findFirst()
                .orElseThrow();
        assertThat(encapsulated.device()).isEqualTo("master2");
        assertThat(encapsulated.note()).contains("192.168.10.12 -> 192.168.10.11");
        final Step delivered = t.steps().get(t.steps().size() - 1);
        assertThat(delivered.ttl()).isEqualTo(62);                  // two router hops, as ping shows ttl=62
    }

    @Test
    void layer2_migration_keeps_the_address_and_crosses_nodes_in_one_broadcast_domain() {
        final UdnCluster c = UdnClusters.layer2(true);
        assertThat(Ipv4Address.format(c.address("rhel8-vm6").ip())).isEqualTo("192.168.22.3");
        assertThat(Ipv4Address.format(c.address("rhel8-vm7").ip())).isEqualTo("192.168.22.4");
        final UdnCluster moved = c.migrate("rhel8-vm6", "master2");
        assertThat(Ipv4Address.format(moved.address("rhel8-vm6").ip())).isEqualTo("192.168.22.3");
        final Trace t = moved.network().trace("rhel8-vm6", "rhel8-vm7");
        assertThat(t.isDelivered()).isTrue();
        assertThat(crossesTunnel(t)).isTrue();
        assertThat(t.steps()).noneMatch(s -> s.action() == Action.ROUTED);
        assertThat(t.steps().get(t.steps().size() - 1).ttl()).isEqualTo(64);
    }

    @Test
    void a_frame_too_big_for_the_underlay_after_encapsulation_is_dropped_with_the_mtu_reason() {
        // mtu 1442 on 1442-byte nodes: the VM may send 1442-byte packets, Geneve makes them 1500
        final UdnCluster tooBig = UdnClusters.layer3(1442, 1442).migrate("rhel8-vm8", "master2");
        final Trace t = tooBig.network().traceUdp("rhel8-vm8", "rhel8-vm9", 1442 - 28, null);
        assertThat(t.isDelivered()).isFalse();
        assertThat(t.drop().cause()).isEqualTo(DropReason.GENEVE_MTU_EXCEEDED);
        assertThat(t.drop().reason()).contains("1500").contains("58");
        assertThat(t.drop().device()).isEqualTo("master2");
        // the OpenShift default (host MTU - 100 = 1342) fits
        final UdnCluster fits = UdnClusters.layer3(0, 1442).migrate("rhel8-vm8", "master2");
        assertThat(fits.network().traceUdp("rhel8-vm8", "rhel8-vm9", 1342 - 28, null).isDelivered()).isTrue();
        assertThat(fits.networks().get(0).effectiveMtu(1442)).isEqualTo(1342);
    }

    @Test
    void migrating_to_an_unknown_node_or_the_same_node_says_so() {
        final UdnCluster c = UdnClusters.layer3(0, 1442);
        assertThatThrownBy(() -> c.migrate("rhel8-vm8", "master9")).hasMessageContaining("unknown node 'master9'");
        assertThatThrownBy(() -> c.migrate("rhel8-vm8", "master1")).hasMessageContaining("already runs on master1");
        assertThatThrownBy(() -> c.migrate("nope", "master2")).hasMessageContaining("unknown workload 'nope'");
    }

    @Test
    void after_a_layer3_migration_the_old_address_fails_at_master1s_switch_stale_or_cold() {
        final UdnCluster before = UdnClusters.layer3(0, 1442);
        final UdnAddress old = before.address("rhel8-vm8");
        final UdnCluster after = before.migrate("rhel8-vm8", "master2");
        final Trace stale = after.traceToFormerAddress("rhel8-vm9", old.ip(), old.mac());
        assertThat(stale.isDelivered()).isFalse();
        assertThat(stale.drop().cause()).isEqualTo(DropReason.UNKNOWN_LOGICAL_DESTINATION);
        assertThat(stale.drop().device()).isEqualTo("master1");
        final Trace cold = after.traceToFormerAddress("rhel8-vm9", old.ip(), 0);
        assertThat(cold.isDelivered()).isFalse();
        assertThat(cold.drop().cause()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        // the new address works
        assertThat(after.network().trace("rhel8-vm9", "rhel8-vm8").isDelivered()).isTrue();
    }

    @Test
    void a_guest_frame_over_the_network_mtu_is_dropped_where_it_enters_ovn_naming_the_mtu() {
        // OpenShift's default: host MTU 1442 - 100 = 1342 for the VM (cluster-network-operator
        // getOVNEncapOverhead); a guest that ignores it and sends 1400-byte packets is dropped on its own node,
        // even towards a VM on the same node, before any Geneve check (net/core/dev.c is_skb_forwardable)
        final UdnCluster c = UdnClusters.layer3(0, 1442);
        final Trace sameNode = c.network().traceUdp("rhel8-vm8", "rhel8-vm9", 1400 - 28, null);
        assertThat(sameNode.isDelivered()).isFalse();
        assertThat(sameNode.drop().cause()).isEqualTo(DropReason.MTU_EXCEEDED);
        assertThat(sameNode.drop().device()).isEqualTo("master1");
        assertThat(sameNode.drop().iface()).isEqualTo("namespace-7_rhel8-vm8");
        assertThat(sameNode.drop().reason()).contains("1342");
        assertThat(c.network().traceUdp("rhel8-vm8", "rhel8-vm9", 1342 - 28, null).isDelivered()).isTrue();
        // a network mtu replaces the default: 1200 drops what 1342 let through
        final Trace small = UdnClusters.layer3(1200, 1442).network().traceUdp("rhel8-vm8", "rhel8-vm9", 1342 - 28,
                null);
        assertThat(small.drop().cause()).isEqualTo(DropReason.MTU_EXCEEDED);
        assertThat(small.drop().reason()).contains("1200");
    }

    @Test
    void the_what_if_change_move_migrates_the_cluster_and_leaves_the_original_alone() {
        final vnetsim.analysis.Network before = UdnClusters.layer3(0, 1442).network();
        final vnetsim.analysis.Network after = before.with(vnetsim.whatif.ChangeParser.parse(
                "move rhel8-vm8 to master2"));
        final UdnCluster moved = (UdnCluster) after.source().orElseThrow();
        assertThat(Ipv4Address.format(moved.address("rhel8-vm8").ip())).isEqualTo("192.168.24.132");
        assertThat(crossesTunnel(after.trace("rhel8-vm9", "rhel8-vm8"))).isTrue();
        assertThat(crossesTunnel(before.trace("rhel8-vm9", "rhel8-vm8"))).isFalse();
        assertThatThrownBy(() -> before.with(vnetsim.whatif.ChangeParser.parse("move rhel8-vm8 to master2 br0")))
                .hasMessageContaining("has no bridges");
        assertThatThrownBy(() -> before.with(vnetsim.whatif.ChangeParser.parse("move rhel8-vm8 to master7")))
                .hasMessageContaining("unknown node 'master7'");
    }

    @Test
    void on_layer2_a_peer_with_the_arp_entry_from_before_the_migration_still_reaches_the_vm_across_nodes() {
        // the IPAMClaim keeps IP and MAC, and OVN moves the logical port to master2: the old entry stays right,
        // no learning switch has to be told (no gratuitous ARP is needed between VMs)
        final UdnCluster before = UdnClusters.layer2(true);
        final UdnAddress vm6 = before.address("rhel8-vm6");
        final UdnCluster after = before.migrate("rhel8-vm6", "master2");
        final Trace t = after.traceToFormerAddress("rhel8-vm7", vm6.ip(), vm6.mac());
        assertThat(t.isDelivered()).isTrue();
        assertThat(crossesTunnel(t)).isTrue();
        assertThat(t.to()).isEqualTo("192.168.22.3");
    }
}

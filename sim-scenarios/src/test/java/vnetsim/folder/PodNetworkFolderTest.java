package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.Network;
import vnetsim.cli.Main;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.folder.compile.WorkloadPlan;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The kubevirt-pod-networking folder's pod network and macvlan network (seed 004): the masquerade VM's address
 * rewrite at its virt-launcher pod (kubevirt pkg/network/setup/netpod/masquerade/masquerade.go: SNAT 10.0.2.2 to
 * the pod IP, replies un-NATed), host-local's allocation order (plugins/ipam/host-local/backend/allocator/
 * allocator.go: the first free address from rangeStart, the gateway skipped), and macvlan's isolation of the node
 * from its own children (drivers/net/macvlan.c macvlan_queue_xmit()).
 */
class PodNetworkFolderTest {
    private static final Path FOLDER = Path.of("../src/networks/kubevirt-pod-networking");

    @TempDir
    Path tmp;

    private static FolderScenario load() {
        return NetworkFolders.load(FOLDER, "kubevirt-pod-networking");
    }

    private static Network network() {
        return load().network();
    }

    @Test
    void masquerade_vm_leaves_as_its_pod_ip_and_the_reply_comes_back_to_10_0_2_2() {
        final Trace trace = network().trace("vm-masq", "web");
        assertThat(trace.isDelivered()).as(trace.title()).isTrue();
        final List<Step> full = trace.steps(View.FULL);
        assertThat(full).anySatisfy(s -> {
            assertThat(s.place()).isEqualTo("virt-launcher-vm-masq / k6t-eth0");
            assertThat(s.srcIp()).isEqualTo("10.0.2.2");
        });
        assertThat(full).anySatisfy(s -> {
            assertThat(s.place()).isEqualTo("virt-launcher-vm-masq / eth0");
            assertThat(s.direction()).isEqualTo(Direction.OUT);
            assertThat(s.srcIp()).isEqualTo("10.128.0.2");
        });
        // the pod, worker-0 and worker-1 each route it: TTL 64 -> 61
        assertThat(full.get(full.size() - 1).ttl()).isEqualTo(61);
        // the echo reply: for the pod IP on eth0, for 10.0.2.2 on k6t-eth0 (conntrack un-NATs it)
        assertThat(trace.events()).anySatisfy(s -> {
            assertThat(s.place()).isEqualTo("virt-launcher-vm-masq / eth0");
            assertThat(s.direction()).isEqualTo(Direction.IN);
            assertThat(s.dstIp()).isEqualTo("10.128.0.2");
            assertThat(s.srcIp()).isEqualTo("10.128.1.2");
        });
        assertThat(trace.events()).anySatisfy(s -> {
            assertThat(s.place()).isEqualTo("VM with the masquerade binding / eth0");
            assertThat(s.direction()).isEqualTo(Direction.IN);
            assertThat(s.dstIp()).isEqualTo("10.0.2.2");
            assertThat(s.srcIp()).isEqualTo("10.128.1.2");
        });
    }

    @Test
    void pod_ips_come_from_host_local_first_free_after_the_gateway_per_node() {
        final List<WorkloadPlan> plans = load().plan().workloads();
        assertThat(plan(plans, "vm-masq").notes()).anyMatch(n -> n.startsWith("pod IP 10.128.0.2 from host-local"));
        assertThat(plan(plans, "macvlan-a").ip()).isEqualTo(vnetsim.frame.Ipv4Address.parse("10.128.0.3"));
        assertThat(plan(plans, "macvlan-b").ip()).isEqualTo(vnetsim.frame.Ipv4Address.parse("10.128.0.4"));
        assertThat(plan(plans, "web").ip()).isEqualTo(vnetsim.frame.Ipv4Address.parse("10.128.1.2"));
        // macvlan-net: rangeStart 192.168.50.20, handed out in order on worker-0
        assertThat(plan(plans, "macvlan-a-net1").ip()).isEqualTo(vnetsim.frame.Ipv4Address.parse("192.168.50.20"));
        assertThat(plan(plans, "macvlan-b-net1").ip()).isEqualTo(vnetsim.frame.Ipv4Address.parse("192.168.50.21"));
        assertThat(load().plan().warnings()).noneMatch(w -> w.message().contains("not simulated"));
    }

    private static WorkloadPlan plan(final List<WorkloadPlan> plans, final String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_node_cannot_reach_its_own_macvlan_child_but_two_children_reach_each_other() {
        final Trace isolated = network().trace("worker-0-ens5", "macvlan-a-net1");
        assertThat(isolated.isDelivered()).isFalse();
        assertThat(isolated.cause().code()).isEqualTo(DropReason.MACVLAN_ISOLATION);
        assertThat(isolated.cause().device()).isEqualTo("worker-0");
        assertThat(isolated.cause().iface()).isEqualTo("ens5");
        assertThat(isolated.cause().reason()).startsWith("macvlan isolation");
        assertThat(network().trace("macvlan-a-net1", "macvlan-b-net1").isDelivered()).isTrue();
    }

    @Test
    void cli_trace_to_the_own_child_prints_the_macvlan_cause() {
        final StringWriter out = new StringWriter();
        final int rc = Main.execute(new String[] {"trace", "kubevirt-pod-networking", "worker-0-ens5",
            "macvlan-a-net1"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("Outcome: DROPPED").contains("Cause: ARP request who-has 192.168.50.20 "
                + "tell 192.168.50.10, dropped at worker-0/ens5: macvlan isolation");
    }

    @Test
    void masquerade_capture_decodes_in_tshark_with_the_rewrite_and_valid_checksums() throws Exception {
        final Path file = tmp.resolve("masq.pcapng");
        final StringWriter err = new StringWriter();
        assertThat(Main.execute(new String[] {"trace", "kubevirt-pod-networking", "vm-masq", "web", "--pcap",
            file.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                .as(err.toString()).isZero();
        Tshark.require();
        final List<String> rows = Tshark.lines(file, "-T", "fields", "-E", "separator=/s", "-e", "frame.interface_name",
                "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type");
        assertThat(rows).contains("virt-launcher-vm-masq/k6t-eth0 10.0.2.2 10.128.1.2 8",
                "virt-launcher-vm-masq/eth0 10.128.0.2 10.128.1.2 8",
                "virt-launcher-vm-masq/eth0 10.128.1.2 10.128.0.2 0",
                "virt-launcher-vm-masq/k6t-eth0 10.128.1.2 10.0.2.2 0");
        assertThat(Tshark.lines(file, "-o", "ip.check_checksum:TRUE", "-Y",
                "ip.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"")).allMatch(String::isBlank);
    }

    @Test
    void a_masquerade_vm_on_a_node_without_pod_subnet_is_an_error_naming_file_and_line() throws IOException {
        final Path copy = copy();
        final Path yaml = copy.resolve("network.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    podSubnet: 10.128.0.0/24\n", ""));
        assertThatThrownBy(() -> NetworkFolders.load(copy, "copy"))
                .isInstanceOf(NetworkFolderException.class)
                .hasMessageContaining("pods.yaml:").hasMessageContaining("VirtualMachine default/vm-masq: interface "
                        + "'default' is on the pod network, but node worker-0 has no podSubnet");
    }

    @Test
    void host_local_range_start_outside_the_subnet_is_the_plugins_error_with_file_and_line() throws IOException {
        final Path copy = copy();
        final Path nads = copy.resolve("manifests/network-attachments.yaml");
        Files.writeString(nads, Files.readString(nads).replace("\"rangeStart\": \"192.168.50.20\"",
                "\"rangeStart\": \"192.168.51.20\""));
        assertThatThrownBy(() -> NetworkFolders.load(copy, "copy"))
                .hasMessageContaining("network-attachments.yaml:")
                .hasMessageContaining("host-local: RangeStart 192.168.51.20 not in network 192.168.50.0/24");
    }

    @Test
    void a_masquerade_port_out_of_range_is_an_error_naming_file_and_line() throws IOException {
        final Path copy = copy();
        final Path pods = copy.resolve("manifests/pods.yaml");
        Files.writeString(pods, Files.readString(pods).replace("port: 80", "port: 80000"));
        assertThatThrownBy(() -> NetworkFolders.load(copy, "copy"))
                .hasMessageContaining("pods.yaml:").hasMessageContaining("valid ports are 1-65535");
    }

    private Path copy() throws IOException {
        return FolderCopies.copyTree(FOLDER, tmp.resolve("copy"));
    }
}

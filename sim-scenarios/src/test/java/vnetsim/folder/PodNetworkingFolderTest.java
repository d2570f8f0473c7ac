package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.cli.Main;
import vnetsim.device.DropReason;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The shipped kubevirt-pod-networking folder (seed 004): the document's static-IPAM addresses on a CNI bridge
 * network; a VM of the same /28 on another VLAN is unreachable, with the reason shown.
 */
class PodNetworkingFolderTest {
    private static final Path FOLDER = Path.of("../src/networks/kubevirt-pod-networking");

    private static Network network() {
        return NetworkFolders.load(FOLDER, "kubevirt-pod-networking").network();
    }

    @Test
    void static_ipam_vms_on_the_same_vlan_reach_each_other_across_nodes_tagged_100() {
        final Trace trace = network().trace("rdqm-1", "rdqm-2");
        assertThat(trace.isDelivered()).isTrue();
        final List<Step> rows = trace.steps(View.DOCUMENT);
        assertThat(rows).anySatisfy(s -> {
            assertThat(s.place()).isEqualTo("Switch / Ethernet1/1");
            assertThat(s.vlan()).isEqualTo(100);
        });
        // bridge binding: the guest's own MAC on the node bridge and on the wire, the pod has no address of its own
        assertThat(rows).filteredOn(s -> s.device().equals("worker-0"))
                .allSatisfy(s -> assertThat(s.srcMac()).isEqualTo("02:00:a1:9c:b1:37"));
        assertThat(rows.get(rows.size() - 1).srcIp()).isEqualTo("161.156.177.55");
    }

    @Test
    void the_same_subnet_on_the_wrong_vlan_is_unreachable_with_the_reason_shown() {
        final Trace trace = network().trace("rdqm-1", "rdqm-3");
        assertThat(trace.isDelivered()).isFalse();
        assertThat(trace.drop().cause()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(trace.drop().reason()).isEqualTo("ARP for 161.156.177.57 got no reply (neighbor unreachable)");
        // the root cause: rdqm-3's veth is in VLAN 200, the ARP request in VLAN 100
        assertThat(trace.cause().code()).isEqualTo(DropReason.VLAN_NOT_ALLOWED_EGRESS);
        assertThat(trace.cause().device()).isEqualTo("worker-1");
        assertThat(trace.cause().reason()).isEqualTo("veth-rdqm-3 is in VLAN 200 (PVID, untagged) and VLAN 1 "
                + "(untagged), not in VLAN 100");
    }

    @Test
    void cli_traces_and_describes_the_shipped_folder_by_name() {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int rc = Main.execute(new String[] {"trace", "kubevirt-pod-networking", "rdqm-1", "rdqm-3"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("Outcome: DROPPED").contains("161.156.177.57");
        final StringWriter described = new StringWriter();
        assertThat(Main.execute(new String[] {"describe", "kubevirt-pod-networking"},
                new PrintWriter(described, true), new PrintWriter(err, true))).isZero();
        assertThat(described.toString()).contains("port veth-rdqm-3: PVID 200")
                .contains("address 161.156.177.56/28 from the NAD's static IPAM");
    }
}

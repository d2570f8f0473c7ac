package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.folder.compile.WorkloadPlan;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The core CNI plugins' options in a copy of the kubevirt-pod-networking folder, each against the plugin's source
 * (containernetworking/plugins): {@code host-device} moves the NIC into the pod (plugins/main/host-device/
 * host-device.go moveLinkIn()), {@code host-local} keeps its state per node (plugins/ipam/host-local/backend/disk),
 * {@code tuning} sets the MAC unless the runtime gives one (plugins/meta/tuning/tuning.go parseConf()), the bridge
 * plugin's {@code isGateway} puts the gateway on the bridge and turns forwarding on (plugins/main/bridge/bridge.go
 * calcGateways(), ensureAddr(), ip.EnableIP4Forward()), {@code hairpinMode} sets the port's hairpin flag.
 */
class CniPluginsFolderTest {
    private static final Path FOLDER = Path.of("../src/networks/kubevirt-pod-networking");

    @TempDir
    Path tmp;

    private int copies;

    private Path copy() throws IOException {
        return FolderCopies.copyTree(FOLDER, tmp.resolve("copy" + copies++));
    }
    private static void edit(final Path file, final String from, final String to) throws IOException {
        final String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static WorkloadPlan plan(final FolderScenario s, final String id) {
        return s.plan().workloads().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** macvlan-net becomes host-device ens5; pod B moves to worker-1 with its own address. */
    private Path hostDeviceCopy() throws IOException {
        final Path c = copy();
        edit(c.resolve("manifests/network-attachments.yaml"), "\"type\": \"macvlan\",\n      \"master\": \"ens5\",\n"
                + "      \"mode\": \"bridge\",", "\"type\": \"host-device\",\n      \"device\": \"ens5\",");
        edit(c.resolve("manifests/pods.yaml"), "  name: macvlan-b\n  namespace: default\n  annotations:\n"
                + "    k8s.v1.cni.cncf.io/networks: macvlan-net\nspec:\n  nodeName: worker-0",
                "  name: macvlan-b\n  namespace: default\n  annotations:\n    k8s.v1.cni.cncf.io/networks: macvlan-net\n"
                        + "spec:\n  nodeName: worker-1");
        edit(c.resolve("network.yaml"), "    display: pod B on macvlan\n    node: worker-0",
                "    display: pod B on macvlan\n    node: worker-1\n    interfaces:\n"
                        + "      - {name: net1, address: 192.168.50.31/24}");
        return c;
    }

    @Test
    void host_device_moves_the_nic_into_the_pod_which_sits_on_its_cable() throws IOException {
        final FolderScenario s = NetworkFolders.load(hostDeviceCopy(), "copy");
        final WorkloadPlan a = plan(s, "macvlan-a-net1");
        assertThat(MacAddress.format(a.mac())).as("the moved NIC keeps its MAC").isEqualTo("52:54:00:00:05:10");
        assertThat(Ipv4Address.format(a.ip())).isEqualTo("192.168.50.20");
        final Trace t = s.network().trace("macvlan-a-net1", "macvlan-b-net1");
        assertThat(t.isDelivered()).as(t.title()).isTrue();
        // pod A's frames go straight onto the cable to Switch/Ethernet1/5: no worker-0 device in between
        assertThat(t.steps(View.FULL)).extracting(Step::place).containsSubsequence(
                "pod A on macvlan net1 / net1", "Switch / Ethernet1/5", "Switch / Ethernet1/6",
                "pod B on macvlan net1 / net1");
        assertThat(t.steps(View.FULL)).noneMatch(x -> x.device().equals("worker-0") || x.device().equals("worker-1"));
        // the node no longer has ens5: no node address endpoint is made for it
        assertThat(s.plan().workloads()).noneMatch(p -> p.id().equals("worker-0-ens5"));
    }

    @Test
    void host_device_taken_by_a_second_pod_on_the_node_is_an_error() throws IOException {
        final Path c = hostDeviceCopy();
        edit(c.resolve("manifests/pods.yaml"), "spec:\n  nodeName: worker-1", "spec:\n  nodeName: worker-0");
        edit(c.resolve("network.yaml"), "    node: worker-1\n    interfaces:", "    node: worker-0\n    interfaces:");
        assertThatThrownBy(() -> NetworkFolders.load(c, "copy")).hasMessageContaining("pods.yaml:")
                .hasMessageContaining("host-device ens5 on node worker-0 is already moved into another pod");
    }

    @Test
    void host_local_state_is_per_node_so_two_nodes_hand_out_the_same_address() throws IOException {
        final Path c = hostDeviceCopy();
        edit(c.resolve("network.yaml"), "    interfaces:\n      - {name: net1, address: 192.168.50.31/24}\n", "");
        // worker-0 and worker-1 each start at rangeStart: 192.168.50.20 twice on one VLAN
        assertThatThrownBy(() -> NetworkFolders.load(c, "copy")).hasMessageContaining("duplicate IP 192.168.50.20");
    }

    @Test
    void tuning_mac_is_the_pod_interface_mac_unless_the_vm_gives_one() throws IOException {
        final Path c = copy();
        edit(c.resolve("manifests/network-attachments.yaml"), """
                      "name": "test-network-2",
                      "type": "bridge",
                      "bridge": "br1",
                      "vlan": 100,
                      "ipam": {"type": "static", "addresses": [{"address": "161.156.177.56/28"}]}
                    }""".indent(4).stripTrailing().substring(4), """
                      "name": "test-network-2",
                      "plugins": [
                        {"type": "bridge", "bridge": "br1", "vlan": 100,
                         "ipam": {"type": "static", "addresses": [{"address": "161.156.177.56/28"}]}},
                        {"type": "tuning", "mac": "02:00:00:00:aa:02", "mtu": 1400}
                      ]
                    }""".indent(4).stripTrailing().substring(4));
        edit(c.resolve("manifests/vms.yaml"), "              macAddress: 02:00:a1:9c:b1:38\n", "");
        final FolderScenario s = NetworkFolders.load(c, "copy");
        assertThat(MacAddress.format(plan(s, "rdqm-2").mac())).isEqualTo("02:00:00:00:aa:02");
        assertThat(plan(s, "rdqm-2").port().mtu()).isEqualTo(1400);
        assertThat(s.network().trace("rdqm-1", "rdqm-2").isDelivered()).isTrue();
        // a VM that names its macAddress keeps it: Multus passes it as runtimeConfig.mac, which wins in tuning
        final Path d = copy();
        edit(d.resolve("manifests/network-attachments.yaml"), "\"name\": \"test-network-1\",\n      \"type\": \"bridge\","
                + "\n      \"bridge\": \"br1\",\n      \"vlan\": 100,\n      \"ipam\": {\"type\": \"static\", \"addresses\": "
                + "[{\"address\": \"161.156.177.55/28\"}]}", "\"name\": \"test-network-1\",\n      \"plugins\": [{\"type\": "
                + "\"bridge\", \"bridge\": \"br1\", \"vlan\": 100, \"ipam\": {\"type\": \"static\", \"addresses\": "
                + "[{\"address\": \"161.156.177.55/28\"}]}}, {\"type\": \"tuning\", \"mac\": \"02:00:00:00:aa:01\"}]");
        assertThat(MacAddress.format(plan(NetworkFolders.load(d, "copy"), "rdqm-1").mac()))
                .isEqualTo("02:00:a1:9c:b1:37");
    }

    @Test
    void is_gateway_puts_the_gateway_on_the_bridge_and_the_node_routes_for_the_vm() throws IOException {
        final Path c = copy();
        edit(c.resolve("manifests/network-attachments.yaml"), "\"bridge\": \"br1\",\n      \"vlan\": 100,\n"
                + "      \"ipam\": {\"type\": \"static\", \"addresses\": [{\"address\": \"161.156.177.55/28\"}]}",
                "\"bridge\": \"br1\",\n      \"isGateway\": true,\n      \"ipam\": {\"type\": \"static\", \"addresses\": "
                        + "[{\"address\": \"161.156.177.55/28\", \"gateway\": \"161.156.177.49\"}]}");
        final FolderScenario s = NetworkFolders.load(c, "copy");
        assertThat(plan(s, "rdqm-1").notes()).anyMatch(n -> n.startsWith("isGateway: br1 on worker-0 has "
                + "161.156.177.49/28"));
        final Trace t = s.network().trace("rdqm-1", "web");
        assertThat(t.isDelivered()).as(t.title()).isTrue();
        assertThat(t.steps(View.FULL)).anySatisfy(x -> {
            assertThat(x.device()).isEqualTo("worker-0");
            assertThat(x.action()).isEqualTo(vnetsim.device.Action.ROUTED);
        });
        // without isGateway nobody answers for 161.156.177.49: the same trace stops at rdqm-1's ARP
        assertThat(NetworkFolders.load(FOLDER, "orig").network().trace("rdqm-1", "web").isDelivered()).isFalse();
    }

    @Test
    void hairpin_mode_sends_the_vms_own_broadcast_back_to_it() throws IOException {
        final Path c = copy();
        edit(c.resolve("manifests/network-attachments.yaml"), "\"name\": \"test-network-1\",\n      \"type\": \"bridge\",",
                "\"name\": \"test-network-1\",\n      \"type\": \"bridge\",\n      \"hairpinMode\": true,");
        final Trace t = NetworkFolders.load(c, "copy").network().trace(new vnetsim.analysis.Flow("rdqm-1", "rdqm-2",
                vnetsim.analysis.Protocol.ICMP, false).coldStart());
        // br_flood() -> should_deliver(): the ingress port is skipped unless it has BR_HAIRPIN_MODE
        assertThat(t.events()).anySatisfy(x -> {
            assertThat(x.place()).isEqualTo("RDQM node 1 / replication");
            assertThat(x.direction()).isEqualTo(vnetsim.device.Direction.IN);
            assertThat(x.srcMac()).isEqualTo("02:00:a1:9c:b1:37");
        });
        final Trace plain = NetworkFolders.load(FOLDER, "orig").network().trace(new vnetsim.analysis.Flow("rdqm-1",
                "rdqm-2", vnetsim.analysis.Protocol.ICMP, false).coldStart());
        assertThat(plain.events()).noneMatch(x -> x.place().equals("RDQM node 1 / replication")
                && x.direction() == vnetsim.device.Direction.IN && "02:00:a1:9c:b1:37".equals(x.srcMac()));
    }
}

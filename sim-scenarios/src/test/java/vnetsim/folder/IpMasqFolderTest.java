package vnetsim.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.cli.Main;
import vnetsim.device.Direction;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * The CNI bridge plugin's {@code ipMasq} in the kubevirt-pod-networking folder ({@code nat-net}, VM {@code vm-nat}
 * on worker-0's br1 with isGateway). containernetworking/plugins pkg/ip/ipmasq_linux.go SetupIPMasq(): nat
 * POSTROUTING {@code -s 192.168.77.0/24 -j CNI-xxx}, CNI-xxx {@code -d 192.168.77.0/24 -j ACCEPT} and
 * {@code ! -d 224.0.0.0/4 -j MASQUERADE}: the VM's traffic to the pod network leaves worker-0 with ens3's address
 * (192.168.100.10) and conntrack un-NATs the reply back to 192.168.77.10.
 */
class IpMasqFolderTest {
    private static final Path FOLDER = Path.of("../src/networks/kubevirt-pod-networking");

    @TempDir
    Path tmp;

    @Test
    void the_vm_leaves_the_node_with_the_uplink_address_and_the_reply_is_un_natted_back() throws IOException {
        final FolderScenario s = NetworkFolders.load(copy(), "copy");
        assertThat(s.plan().warnings()).noneMatch(w -> w.message().contains("ipMasq"));
        final Trace t = s.network().trace("vm-nat", "web");
        assertThat(t.isDelivered()).as(t.title()).isTrue();
        assertThat(t.steps(View.DOCUMENT)).anySatisfy(x -> {
            assertThat(x.device()).isEqualTo("worker-0");            // the node's routing row, where it enters
            assertThat(x.iface()).isEqualTo("br1");
            assertThat(x.note()).startsWith("Routed, source NAT 192.168.77.10 -> 192.168.100.10, TTL 64 -> 63");
        });
        assertThat(t.steps(View.FULL)).anySatisfy(x -> {
            assertThat(x.place()).isEqualTo("web pod / eth0");
            assertThat(x.srcIp()).isEqualTo("192.168.100.10");
        });
        // the echo reply: for the node on ens3, for the VM on br1 and at the VM
        assertThat(t.events()).anySatisfy(x -> {
            assertThat(x.place()).isEqualTo("worker-0 / ens3");
            assertThat(x.direction()).isEqualTo(Direction.IN);
            assertThat(x.srcIp()).isEqualTo("10.128.1.2");
            assertThat(x.dstIp()).isEqualTo("192.168.100.10");
        });
        assertThat(t.events()).anySatisfy(x -> {
            assertThat(x.place()).isEqualTo("VM behind the node's ipMasq / nat");
            assertThat(x.direction()).isEqualTo(Direction.IN);
            assertThat(x.srcIp()).isEqualTo("10.128.1.2");
            assertThat(x.dstIp()).isEqualTo("192.168.77.10");
        });
    }

    @Test
    void without_ip_masq_the_packet_leaves_with_the_vms_own_source() throws IOException {
        final Path c = copy();
        final Path nads = c.resolve("manifests/nat-net.yaml");
        final String text = Files.readString(nads);
        assertThat(text).contains("\"ipMasq\": true");
        Files.writeString(nads, text.replace("\"ipMasq\": true", "\"ipMasq\": false"));
        final Trace t = NetworkFolders.load(c, "copy").network().trace("vm-nat", "web");
        final List<Step> full = t.steps(View.FULL);
        assertThat(full).anySatisfy(x -> {
            assertThat(x.place()).isEqualTo("web pod / eth0");
            assertThat(x.srcIp()).isEqualTo("192.168.77.10");
        });
        assertThat(t.steps(View.DOCUMENT)).noneMatch(x -> x.note().contains("source NAT"));
        // worker-1 has no route back to 192.168.77.0/24: the reply never reaches the VM
        assertThat(t.events()).noneMatch(x -> x.place().equals("VM behind the node's ipMasq / nat")
                && x.direction() == Direction.IN && "10.128.1.2".equals(x.srcIp()));
    }

    @Test
    void the_capture_decodes_in_tshark_with_the_rewrite_and_valid_checksums() throws Exception {
        final Path file = tmp.resolve("ipmasq.pcapng");
        final StringWriter err = new StringWriter();
        assertThat(Main.execute(new String[] {"trace", copy().toString(), "vm-nat", "web", "--pcap",
            file.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                .as(err.toString()).isZero();
        Tshark.require();
        final List<String> rows = Tshark.lines(file, "-T", "fields", "-E", "separator=/s", "-e", "frame.interface_name",
                "-e", "ip.src", "-e", "ip.dst", "-e", "icmp.type");
        assertThat(rows).contains("worker-0/br1 192.168.77.10 10.128.1.2 8",
                "worker-0/ens3 192.168.100.10 10.128.1.2 8",
                "worker-0/ens3 10.128.1.2 192.168.100.10 0",
                "worker-0/br1 10.128.1.2 192.168.77.10 0");
        assertThat(Tshark.lines(file, "-o", "ip.check_checksum:TRUE", "-Y",
                "ip.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"")).allMatch(String::isBlank);
    }

    /**
     * The shipped folder plus NAD nat-net and VM vm-nat on worker-0 (src/test/resources/ipmasq/nat-net.yaml): not
     * shipped, because br1 on worker-0 with the isGateway address changes the root cause of the folder's
     * wrong-VLAN trace (rdqm-1 -> rdqm-3).
     */
    private Path copy() throws IOException {
        final Path to = FolderCopies.copyTree(FOLDER, tmp.resolve("copy"));
        try (java.io.InputStream in = IpMasqFolderTest.class.getResourceAsStream("/ipmasq/nat-net.yaml")) {
            Files.write(to.resolve("manifests/nat-net.yaml"), in.readAllBytes());
        }
        final Path yaml = to.resolve("network.yaml");
        final String text = Files.readString(yaml);
        final String anchor = "    display: pod B on macvlan\n    node: worker-0\n";
        assertThat(text).contains(anchor);
        Files.writeString(yaml, text.replace(anchor, anchor + "  - name: vm-nat\n"
                + "    display: VM behind the node's ipMasq\n    node: worker-0\n"));
        return to;
    }
}

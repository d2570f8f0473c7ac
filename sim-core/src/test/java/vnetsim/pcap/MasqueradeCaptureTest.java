package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.Flow;
import vnetsim.device.MasqueradePod;
import vnetsim.frame.Ipv4;
import vnetsim.kubevirt.PodNetworkLab;
import vnetsim.topology.Topology;

/**
 * A capture of the masquerade VM pinging a pod on the other node, and of a UDP flow DNATed into the VM, decoded
 * by tshark: the guest address on k6t-eth0, the pod IP on eth0, every IPv4, ICMP and UDP checksum valid after
 * the rewrite.
 */
class MasqueradeCaptureTest {
    private static final String POD = "virt-launcher-vm-masq/";

    @TempDir
    Path dir;

    private Path capture(final List<MasqueradePod.ForwardedPort> ports, final Flow flow) throws Exception {
        final Path file = dir.resolve("masq.pcapng");
        Files.deleteIfExists(file);
        final Topology topology = PodNetworkLab.topology(ports);
        try (PcapngWriter w = PcapngWriter.create(file)) {
            PodNetworkLab.network(ports).trace(topology, flow, CaptureSet.device(topology,
                    "virt-launcher-vm-masq", w));
        }
        return file;
    }

    @Test
    void tshark_sees_the_rewrite_with_valid_checksums() throws Exception {
        final Path file = capture(List.of(), Flow.icmp("vm", "web"));
        Tshark.require();
        final List<List<String>> rows = Tshark.fields(file, "frame.interface_name", "ip.src", "ip.dst", "ip.ttl",
                "icmp.type");
        assertThat(rows).contains(
                List.of(POD + "k6t-eth0", "10.0.2.2", "10.128.1.10", "64", "8"),
                List.of(POD + "eth0", "10.128.0.5", "10.128.1.10", "63", "8"),
                List.of(POD + "eth0", "10.128.1.10", "10.128.0.5", "62", "0"),
                List.of(POD + "k6t-eth0", "10.128.1.10", "10.0.2.2", "61", "0"));
        assertNoBadChecksums(file);
    }

    @Test
    void udp_dnat_into_the_vm_keeps_valid_udp_checksums() throws Exception {
        final List<MasqueradePod.ForwardedPort> ports = List.of(new MasqueradePod.ForwardedPort(Ipv4.PROTOCOL_UDP,
                33434));                                     // Simulator.sendUdp's destination port
        final Topology topology = PodNetworkLab.topology(ports);
        final Path file = dir.resolve("udp.pcapng");
        try (PcapngWriter w = PcapngWriter.create(file)) {
            final vnetsim.engine.Simulator sim = new vnetsim.engine.Simulator(topology);
            sim.observe(CaptureSet.device(topology, "virt-launcher-vm-masq", w));
            sim.sendUdp(vnetsim.analysis.Network.endpoint(topology, "web"), PodNetworkLab.POD_IP);
            sim.run();
        }
        Tshark.require();
        final List<List<String>> rows = Tshark.fields(file, "ip.src", "ip.dst", "udp.dstport");
        assertThat(rows).contains(List.of("10.128.1.10", "10.128.0.5", "33434"),
                List.of("10.128.1.10", "10.0.2.2", "33434"));
        assertNoBadChecksums(file);
    }

    private static void assertNoBadChecksums(final Path file) throws Exception {
        final Tshark.Result bad = Tshark.run("-n", "-r", file.toString(), "-o", "ip.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-Y",
                "ip.checksum.status == \"Bad\" || udp.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"");
        assertThat(bad.exitCode()).isZero();
        assertThat(bad.stdout()).isBlank();
        assertThat(bad.stderr()).isEmpty();
    }
}

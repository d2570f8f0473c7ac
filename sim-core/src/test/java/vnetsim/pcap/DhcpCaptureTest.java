package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.DhcpTrace;
import vnetsim.analysis.Network;
import vnetsim.device.DhcpServer;
import vnetsim.device.Endpoint;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/** A DHCP exchange captured and read back by Wireshark's DHCP dissector: every field where RFC 2131 puts it. */
class DhcpCaptureTest {
    @TempDir
    Path dir;

    private static Topology clientAndServer() {
        final TopologyBuilder b = new TopologyBuilder();
        final int vm = b.addEndpoint("vm", new Endpoint("vm", "eth0", Endpoint.Workload.VM,
                MacAddress.parse("02:00:00:19:28:0a"), 0, 0, 0, 64));
        final int server = b.add(new DhcpServer("dhcp", "eth0", MacAddress.parse("02:00:c0:a8:1c:02"),
                Ipv4Address.parse("192.168.28.2"), 24, Ipv4Address.parse("192.168.28.100"),
                Ipv4Address.parse("192.168.28.199"), Ipv4Address.parse("192.168.28.2"), 3600));
        b.link(vm, Endpoint.NIC, server, DhcpServer.PORT, LinkKind.CABLE);
        return b.build();
    }

    @Test
    void tshark_decodes_discover_offer_request_ack_with_their_options() throws Exception {
        final Path file = dir.resolve("dhcp.pcapng");
        final Network network = new Network("dhcp-lab", DhcpCaptureTest::clientAndServer);
        final Topology topology = network.topology();
        final DhcpTrace t;
        try (CaptureSink sink = PcapngWriter.create(file)) {
            t = network.dhcp("vm", CaptureSet.everything(topology, sink));
        }
        assertThat(t.isBound()).isTrue();

        Tshark.require();
        final List<List<String>> rows = Tshark.fields(file, "dhcp.option.dhcp", "dhcp.hw.mac_addr",
                "dhcp.ip.your", "dhcp.option.subnet_mask", "dhcp.option.router", "dhcp.option.dhcp_server_id",
                "dhcp.option.requested_ip_address", "ip.src", "dhcp.cookie").stream()
                .filter(r -> !r.get(0).isEmpty()).toList();
        assertThat(rows).hasSize(8);              // each message leaves one NIC and arrives at the other
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("1", "1", "2", "2", "3", "3", "5", "5");
        assertThat(rows).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("02:00:00:19:28:0a"));
        assertThat(rows.get(2)).containsSubsequence("192.168.28.100", "255.255.255.0", "192.168.28.2",
                "192.168.28.2");
        assertThat(rows.get(4).get(6)).isEqualTo("192.168.28.100");
        assertThat(rows.get(0).get(7)).isEqualTo("0.0.0.0");
        assertThat(rows).allSatisfy(r -> assertThat(r.get(8)).isEqualTo("99.130.83.99"));
    }
}

package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.frame.Ipv4Address;
import vnetsim.network.Cidr;
import vnetsim.ovn.OvnNode;
import vnetsim.ovn.UdnCluster;
import vnetsim.ovn.UdnTopology;
import vnetsim.ovn.UdnWorkload;
import vnetsim.ovn.UserDefinedNetwork;
import vnetsim.topology.Topology;

/** A capture of traffic between nodes shows outer and inner headers as tshark decodes Geneve (seed 003). */
class GeneveCaptureTest {
    @TempDir
    Path dir;

    @Test
    void tshark_decodes_outer_ipv4_udp_6081_geneve_with_ovn_option_and_the_inner_icmp() throws Exception {
        Tshark.require();
        final UserDefinedNetwork net = new UserDefinedNetwork("udn-cluster-primary-l3", UdnTopology.LAYER3, true,
                Cidr.parse("192.168.24.0/23"), 25, 0, false, 1, List.of("namespace-7"));
        final UdnCluster cluster = new UdnCluster("udn-layer3", List.of(
                new OvnNode("master1", "br-ex", Ipv4Address.parse("192.168.10.11"), 0x525400001011L, 1442),
                new OvnNode("master2", "br-ex", Ipv4Address.parse("192.168.10.12"), 0x525400001012L, 1442)),
                List.of(net), List.of(new UdnWorkload("vm-a", "namespace-7", "master1", 0, true),
                new UdnWorkload("vm-b", "namespace-7", "master2", 0, true)));
        final Network network = cluster.network();
        final Topology topology = network.topology();
        final Path file = dir.resolve("geneve.pcapng");
        try (PcapngWriter sink = PcapngWriter.create(file)) {
            assertThat(network.trace(topology, Flow.icmp("vm-a", "vm-b"),
                    CaptureSet.iface(topology, "master1", "br-ex", sink)).isDelivered()).isTrue();
        }
        final List<List<String>> rows = Tshark.fields(file, "ip.src", "ip.dst", "udp.dstport", "geneve.vni",
                "geneve.option.class", "icmp.type", "ip.ttl");
        assertThat(rows).isNotEmpty();
        // request out of master1, reply into master1: outer node addresses, then inner VM addresses
        assertThat(rows.get(0)).containsExactly("192.168.10.11,192.168.24.3", "192.168.10.12,192.168.24.131",
                "6081", "0x" + Integer.toHexString(16711683 + 1), "0x0102", "8", "64,63");
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("192.168.10.12,192.168.24.131");
        assertThat(rows.get(rows.size() - 1).get(5)).isEqualTo("0");
    }
}

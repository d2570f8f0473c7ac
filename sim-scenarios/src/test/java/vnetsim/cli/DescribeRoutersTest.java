package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** describe shows every router port, its interfaces (tagged or untagged) and its static routes; scenarios lists both. */
class DescribeRoutersTest {
    @Test
    void the_vsphere_lab_router_shows_its_trunk_its_routed_port_and_its_default_route() {
        final StringWriter out = new StringWriter();
        assertThat(Main.execute(new String[] {"describe", "vsphere-lab"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))).isZero();

        assertThat(out.toString()).contains(String.join("\n",
                "    eth0  trunk uplink, mac 00:50:56:8a:00:01, to hub-7vxwj-cnv-drhkz/ens224 (wire)",
                "      eth0.1925  VLAN 1925  192.168.25.1/24 (routes 192.168.25.0/24)"))
                .contains(String.join("\n",
                        "    eth1  routed port, mac 00:50:56:8a:00:02, to upstream/eth0",
                        "      eth1  untagged  198.51.100.2/30 (routes 198.51.100.0/30)",
                        "      route default via 198.51.100.1"))
                .contains("      route 192.168.24.0/21 via 198.51.100.2");
    }

    @Test
    void scenarios_lists_every_network_with_the_descriptions_in_one_column() {
        final StringWriter out = new StringWriter();
        assertThat(Main.execute(new String[] {"scenarios"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))).isZero();

        final java.util.List<String> lines = out.toString().lines().toList();
        final int column = lines.stream().mapToInt(line -> line.indexOf(' ')).max().orElseThrow() + 2;
        assertThat(lines).hasSize(vnetsim.folder.Networks.all().size())
                .allSatisfy(line -> assertThat(line.substring(column - 2, column + 1)).matches(" {2}\\S"))
                .anySatisfy(line -> assertThat(line).startsWith("vsphere-lab ").contains("  OpenShift Virtualization on vSphere"));
    }
}

package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vnetsim trace vsphere-nested-lab kubevirt-vm dhcp}, the "done when", as a user runs it. */
class DhcpCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void default_policy_shows_the_discover_leaving_and_the_offer_dropped_on_promiscuous_mode() throws Exception {
        final Path pcap = dir.resolve("default.pcapng");

        assertThat(run("trace", "vsphere-nested-lab", "kubevirt-vm", "dhcp", "--pcap", pcap.toString())).isZero();

        final String text = out.toString();
        assertThat(text).startsWith("DHCP kubevirt-vm (vsphere-nested-lab)\n\nt=0.000000 s  DHCPDISCOVER kubevirt-vm "
                + "-> dhcp-1928 (vsphere-nested-lab)\n");
        assertThat(text).contains("esxi-01    vmnic0       Tagged 1928      Dropped: Promiscuous mode Reject: "
                + "02:00:00:19:28:0a is not a vNIC MAC of a port group carrying VLAN 1928");
        assertThat(text).endsWith("No lease: 4 DHCPDISCOVER and 0 DHCPREQUEST got no usable answer; the client gave "
                + "up after 60 s (RFC 2131 backoff 4, 8, 16, 32 s)\n");
        assertThat(Files.size(pcap)).isPositive();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void promiscuous_accept_binds_and_pings_the_gateway_and_json_says_so() throws Exception {
        assertThat(run("trace", "vsphere-nested-lab", "kubevirt-vm", "dhcp", "--set", "Trunk.allowPromiscuous=true",
                "--format", "json")).isZero();

        final JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("lease").get("ip").asText()).isEqualTo("192.168.28.100");
        assertThat(root.get("messages")).extracting(m -> m.get("type").asText())
                .containsExactly("DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK");
        assertThat(root.get("gatewayPing").get("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void tracing_a_dhcp_guest_before_it_has_an_address_says_how_to_run_dhcp() {
        assertThat(run("trace", "vsphere-nested-lab", "kubevirt-vm", "dhcp-1928")).isEqualTo(2);
        assertThat(err.toString()).startsWith("vnetsim: ");
        assertThat(run("trace", "vsphere-nested-lab", "kubevirt-vm", "kubevirt-vm")).isEqualTo(2);
        assertThat(err.toString()).contains("kubevirt-vm takes its address by DHCP and has none yet: run "
                + "'vnetsim trace vsphere-nested-lab kubevirt-vm dhcp'");
    }

    @Test
    void a_bad_setting_is_a_usage_error_naming_it() {
        assertThat(run("trace", "vsphere-nested-lab", "kubevirt-vm", "dhcp", "--set", "Trunk.allowPromiscuous"))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("vnetsim: setting 'Trunk.allowPromiscuous' is not PORTGROUP.FIELD=VALUE "
                + "(e.g. Trunk.allowPromiscuous=true); fields: " + vnetsim.whatif.VsphereChange.FIELDS + "\n");
    }
}

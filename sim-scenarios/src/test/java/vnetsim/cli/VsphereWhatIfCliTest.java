package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code vnetsim whatif} on the vSphere lab as a user runs it: a port group change shows the routed flows between
 * nested VMs it fixes (their replies come back through the vSwitch uplink) and the DHCP exchange before and after.
 */
class VsphereWhatIfCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void promiscuous_accept_fixes_routed_flows_between_nested_vms_and_the_dhcp_lease() {
        assertThat(run("whatif", "vsphere-nested-lab", "--change", "set portgroup Trunk allowPromiscuous true"))
                .isZero();
        final String text = out.toString();
        assertThat(text).contains("4 now delivered").contains("prov-a -> metal-a  DROPPED -> DELIVERED")
                .contains("dropped at esxi-01/vmnic0: Promiscuous mode Reject: 02:00:c0:a8:1c:0a is not a vNIC MAC");
        assertThat(text).contains("""
                DHCP (endpoints without a static address), 1 of 1 changed:
                kubevirt-vm
                  was: no lease: DHCPOFFER DROPPED at esxi-01 / vmnic0: Promiscuous mode Reject: 02:00:00:19:28:0a \
                is not a vNIC MAC of a port group carrying VLAN 1928, and no port there is promiscuous
                  now: lease 192.168.28.100/24, router 192.168.28.1; ping to the router DELIVERED
                """);
    }

    @Test
    void the_json_form_has_the_dhcp_comparison() throws Exception {
        assertThat(run("whatif", "vsphere-nested-lab", "--change", "set portgroup esxi-01/Trunk forgedTransmits reject",
                "--format", "json")).isZero();
        final JsonNode dhcp = new ObjectMapper().readTree(out.toString()).get("dhcp");
        assertThat(dhcp).hasSize(1);
        assertThat(dhcp.get(0).get("client").asText()).isEqualTo("kubevirt-vm");
        assertThat(dhcp.get(0).get("changed").asBoolean()).isTrue();
        assertThat(dhcp.get(0).get("after").asText()).startsWith("no lease: DHCPDISCOVER DROPPED at esxi-01 / "
                + "Trunk:hub-7vxwj-cnv-drhkz/ens224: Forged transmits Reject");
    }

    @Test
    void a_network_without_dhcp_clients_has_no_dhcp_section_and_a_vsphere_change_on_it_is_a_usage_error() {
        assertThat(run("whatif", "acp-virtualization", "--change", "shut Switch Ethernet1/3")).isZero();
        assertThat(out.toString()).doesNotContain("DHCP");
        assertThat(run("whatif", "acp-virtualization", "--change", "set portgroup Trunk allowPromiscuous true"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("has no vSphere layer");
    }

    @Test
    void a_dhcp_client_without_a_lease_has_no_row_or_column_in_the_icmp_matrix() {
        assertThat(run("reachability", "vsphere-nested-lab")).isZero();
        assertThat(out.toString()).doesNotContain("kubevirt-vm").contains("2 of 6 pairs delivered")
                .doesNotContain("0.0.0.0");
        assertThat(run("whatif", "vsphere-nested-lab", "--change", "set portgroup Trunk allowPromiscuous true"))
                .isZero();
        assertThat(out.toString()).contains("4 of 6 flows changed, 4 now delivered").doesNotContain("drop changed");
    }
}

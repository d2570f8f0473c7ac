package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.DhcpTrace;
import vnetsim.device.DropReason;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.frame.Ipv4Address;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkBuilder;
import vnetsim.network.VsphereSpec;
import vnetsim.trace.Trace;

/**
 * Seed 002's warning made visible: a KubeVirt VM nested in an OpenShift node VM asks DHCP through a vSphere
 * standard vSwitch. Each security-policy setting and the port group's VLAN decide where the exchange dies
 * (semantics.md section 6). The network is the shipped folder src/networks/vsphere-nested-lab, as users run it.
 */
class VsphereNestedLabTest {
    private static final String ESXI = VsphereNestedLab.ESXI;
    private static final String TRUNK = VsphereNestedLab.TRUNK;
    private static final String NODE = VsphereNestedLab.NODE;
    private final Lab lab = new Lab();

    /** The shipped folder's network with its vSphere layer. */
    private static final class Lab {
        VsphereSpec vsphere() {
            return vnetsim.folder.NetworkFolders.shipped(VsphereNestedLab.NAME).orElseThrow().vsphere().orElseThrow();
        }
    }

    private static DhcpTrace dhcp(final VsphereSpec spec) {
        return spec.network().dhcp(VsphereNestedLab.CLIENT);
    }

    @Test
    void default_policy_the_discover_leaves_and_the_offer_dies_at_the_vswitch_on_promiscuous_mode() {
        final DhcpTrace t = dhcp(lab.vsphere());

        assertThat(t.isBound()).isFalse();
        assertThatTrace(t.first("DHCPDISCOVER").trace()).isDelivered()
                .passes(NODE, "ens224.1928").pushingTag(1928)
                .then(ESXI, "Trunk:" + NODE + "/ens224").tagged(1928)
                .then("dhcp-1928", "eth0");
        assertThatTrace(t.first("DHCPOFFER").trace()).isDroppedAt(ESXI, "vmnic0")
                .because(DropReason.PROMISCUOUS_MODE_REJECT)
                .withReasonContaining("Promiscuous mode Reject: 02:00:00:19:28:0a is not a vNIC MAC");
        assertThat(t.all("DHCPDISCOVER")).extracting(DhcpTrace.Message::sentNs)
                .containsExactly(0L, 4_000_000_000L, 12_000_000_000L, 28_000_000_000L);   // RFC 2131 backoff
        assertThat(t.all("DHCPREQUEST")).isEmpty();
        assertThat(t.gatewayPing()).isNull();
    }

    @Test
    void promiscuous_accept_binds_the_lease_and_the_vm_pings_its_gateway() {
        final DhcpTrace t = dhcp(lab.vsphere().withPromiscuous(ESXI, TRUNK, true));

        assertThat(t.messages()).extracting(DhcpTrace.Message::type)
                .containsExactly("DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK");
        assertThatTrace(t.first("DHCPOFFER").trace()).isDelivered()
                .passes(ESXI, "Trunk:" + NODE + "/ens224").tagged(1928)
                .then(NODE, "ens224.1928").poppingTag(1928)
                .then(VsphereNestedLab.CLIENT, "provisioning");
        assertThat(t.lease().ip()).isEqualTo(Ipv4Address.parse("192.168.28.100"));
        assertThat(t.lease().prefixLength()).isEqualTo(24);
        assertThat(t.lease().router()).isEqualTo(Ipv4Address.parse("192.168.28.1"));
        assertThatTrace(t.gatewayPing()).isDelivered().passes(ESXI, "Trunk:" + NODE + "/ens224").tagged(1928)
                .then("lab-router", "eth0");
    }

    @Test
    void forged_transmits_reject_stops_the_nested_vms_discover_at_the_vswitch_even_with_promiscuous_accept() {
        final DhcpTrace t = dhcp(lab.vsphere().withPromiscuous(ESXI, TRUNK, true).withForgedTransmits(ESXI, TRUNK,
                false));

        assertThat(t.isBound()).isFalse();
        assertThatTrace(t.first("DHCPDISCOVER").trace()).isDroppedAt(ESXI, "Trunk:" + NODE + "/ens224")
                .because(DropReason.FORGED_TRANSMITS_REJECT)
                .withReasonContaining("source MAC 02:00:00:19:28:0a is not this vNIC's MAC");
        assertThat(t.all("DHCPOFFER")).isEmpty();
    }

    @Test
    void mac_address_changes_reject_does_not_matter_while_the_node_keeps_its_vmx_mac() {
        assertThat(dhcp(lab.vsphere().withPromiscuous(ESXI, TRUNK, true).withMacChanges(ESXI, TRUNK, false))
                .isBound()).isTrue();
    }

    @Test
    void mac_address_changes_reject_cuts_the_node_off_once_its_guest_changes_the_mac() {
        final VsphereSpec spec = lab.vsphere().withPromiscuous(ESXI, TRUNK, true).withMacChanges(ESXI, TRUNK, false);
        final VsphereSpec.EsxiHost host = spec.esxiHost(ESXI);
        final VsphereSpec changed = spec.withEsxiHost(host.withVnic(host.vnics().get(1)
                .withEffectiveMac(vnetsim.frame.MacAddress.parse("00:50:56:8a:99:99"))));

        final DhcpTrace t = dhcp(changed);

        assertThat(t.isBound()).isFalse();
        assertThatTrace(t.first("DHCPOFFER").trace()).isDroppedAt(ESXI, "Trunk:" + NODE + "/ens224")
                .because(DropReason.MAC_ADDRESS_CHANGES_REJECT);
    }

    @Test
    void a_port_group_in_vlan_1928_strips_the_tag_the_node_expects_and_nothing_reaches_ens224_1928() {
        final DhcpTrace t = dhcp(lab.vsphere().withVlan(ESXI, TRUNK, VlanPolicy.ofVlanId(1928)));

        assertThatTrace(t.first("DHCPDISCOVER").trace()).isDroppedAt(ESXI, "Trunk:" + NODE + "/ens224")
                .because(DropReason.PORT_GROUP_VLAN_FROM_GUEST);
    }

    @Test
    void a_distributed_trunk_range_without_1928_refuses_the_vlan() {
        final DhcpTrace t = dhcp(lab.vsphere().withPromiscuous(ESXI, TRUNK, true)
                .withVlan(ESXI, TRUNK, VlanPolicy.Trunk.parse("1925-1927")));

        assertThatTrace(t.first("DHCPDISCOVER").trace()).isDroppedAt(ESXI, "Trunk:" + NODE + "/ens224")
                .because(DropReason.PORT_GROUP_VLAN_FROM_GUEST).withReasonContaining("VLAN 1928");
    }

    @Test
    void mac_learning_binds_the_lease_without_promiscuous_mode() {
        final DhcpTrace t = dhcp(lab.vsphere().withVlan(ESXI, TRUNK, VlanPolicy.Trunk.parse("0-4094"))
                .withMacLearning(ESXI, TRUNK, true));

        assertThat(t.isBound()).isTrue();
        assertThatTrace(t.first("DHCPOFFER").trace()).isDelivered().passes(ESXI, "Trunk:" + NODE + "/ens224");
    }

    @Test
    void settings_use_the_vsphere_api_names() {
        final VsphereSpec spec = set(set(set(lab.vsphere(), "Trunk.policy.security.allowPromiscuous=true"),
                "esxi-01/Trunk.forgedTransmits=reject"), "Trunk.vlanId=4095");
        assertThat(spec.esxiHost(ESXI).portGroup(TRUNK).security().allowPromiscuous()).isTrue();
        assertThat(spec.esxiHost(ESXI).portGroup(TRUNK).security().forgedTransmits()).isFalse();
        assertThatThrownBy(() -> set(lab.vsphere(), "Trunc.allowPromiscuous=true"))
                .hasMessageContaining("no port group named 'Trunc'").hasMessageContaining("Trunk");
        assertThatThrownBy(() -> set(lab.vsphere(), "Trunk.promiscuous=true"))
                .hasMessageContaining("unknown port group field 'promiscuous'");
        assertThatThrownBy(() -> set(lab.vsphere(), "Trunk.allowPromiscuous=maybe"))
                .hasMessageContaining("true (Accept) or false (Reject)");
        assertThatThrownBy(() -> set(lab.vsphere(), "Trunk.vlanId=4096")).hasMessageContaining("4096");
        assertThatThrownBy(() -> set(lab.vsphere(), "esxi-02/Trunk.vlanId=0"))
                .hasMessageContaining("no ESXi host named 'esxi-02'");
    }

    private static VsphereSpec set(final VsphereSpec spec, final String setting) {
        return (VsphereSpec) vnetsim.whatif.VsphereChange.setting(setting).applyTo(spec);
    }

    @Test
    void a_vnic_in_a_missing_port_group_or_with_another_mac_is_a_problem_naming_it() {
        final VsphereSpec.EsxiHost host = lab.vsphere().esxiHost(ESXI);
        final VsphereSpec bad = lab.vsphere().withEsxiHost(host.withVnic(host.vnics().get(1).movedTo("Trunc"))
                .withVnic(VsphereSpec.Vnic.of(NODE, "ens192", VsphereNestedLab.LAB, "00:50:56:00:00:01")));

        assertThat(bad.problems()).contains(
                "vNIC hub-7vxwj-cnv-drhkz/ens224 is connected to port group Trunc, which esxi-01 does not have "
                        + "(it has lab-192-168-4-0-b24, Trunk)",
                "vNIC hub-7vxwj-cnv-drhkz/ens192 has MAC 00:50:56:00:00:01 in the VM configuration but the guest NIC "
                        + "has 00:50:56:8a:19:21");
    }

    /**
     * Two node VMs on one ESXi host, a nested VM in each on VLAN 1927: the reply from B's nested VM to A's nested
     * MAC is no vNIC MAC, so the vSwitch sends it to the uplink, and the physical switch, which learned that MAC
     * on the same port, never sends it back. Only the promiscuous copy reaches node A.
     */
    @Test
    void nested_vms_on_two_nodes_of_one_host_reach_each_other_only_through_the_promiscuous_copy() {
        final VsphereSpec twoNodes = twoNodes();

        final Trace reject = twoNodes.network().trace("nested-a", "nested-b");
        assertThat(reject.isDelivered()).isFalse();
        assertThat(reject.events()).anySatisfy(s -> {
            assertThat(s.device()).isEqualTo("tor");
            assertThat(s.dropReason()).isEqualTo(DropReason.DESTINATION_ON_INGRESS_PORT);
        });

        final Trace accept = twoNodes.withPromiscuous(ESXI, TRUNK, true).network().trace("nested-a", "nested-b");
        assertThatTrace(accept).isDelivered().passes("node-a", "ens224.1927").pushingTag(1927)
                .then(ESXI, "Trunk:node-b/ens224").tagged(1927)
                .then("nested-b", "eth0")
                .neverPasses("tor", "Ethernet1/1");
    }

    private static VsphereSpec twoNodes() {
        final NetworkBuilder b = NetworkBuilder.network("two-nodes");
        b.host("node-a").nic("ens224").mac("00:50:56:8a:00:0a").vlan(1927).bridge("br-1927")
                .vm("nested-a", "192.168.27.10/24");
        b.host("node-b").nic("ens224").mac("00:50:56:8a:00:0b").vlan(1927).bridge("br-1927")
                .vm("nested-b", "192.168.27.11/24");
        b.switchNamed("tor").trunk("Ethernet1/1", "1927").trunk("Ethernet1/2", "1927");
        b.router("lab-router").port("eth0", "00:1b:17:00:19:01").subinterface("eth0", 1927, "192.168.27.1/24");
        b.link("tor", "Ethernet1/2", "lab-router", "eth0");
        return new VsphereSpec(b.spec(), List.of(new VsphereSpec.EsxiHost(ESXI, "vSwitch0", List.of("vmnic0"),
                List.of(PortGroup.standard(TRUNK, 4095)),
                List.of(VsphereSpec.Vnic.of("node-a", "ens224", TRUNK, "00:50:56:8a:00:0a"),
                        VsphereSpec.Vnic.of("node-b", "ens224", TRUNK, "00:50:56:8a:00:0b")))),
                List.of(), List.of(LinkSpec.cable(ESXI, "vmnic0", "tor", "Ethernet1/1")));
    }
}

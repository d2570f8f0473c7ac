package vnetsim.scenario;

import java.util.List;
import vnetsim.analysis.Network;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkBuilder;
import vnetsim.network.NetworkSpec;
import vnetsim.network.VsphereSpec;
import vnetsim.topology.Topology;
import vnetsim.vsphere.VsphereYamlReader;

/**
 * "OpenShift Virtualization Networking on vSphere" (seed 002) with its vSphere layer: a KubeVirt VM in a launcher
 * pod on an OpenShift node that is itself a VM on an ESXi host. What the post gives: the node VM
 * {@code hub-7vxwj-cnv-drhkz} with {@code ens192} on port group {@code lab-192-168-4-0-b24} and {@code ens224} on
 * port group {@code Trunk} (VLAN 4095, "for a standard vSwitch select 4095 to carry all"); the NMState policy
 * {@code ens224-policy} ({@code ens224.1925}-{@code .1928} each the only port of a VLAN-unaware bridge
 * {@code br-1925}-{@code br-1928}: {@code vlan: {}}, STP off); the NAD {@code vlan-1928} in namespace
 * {@code provisioning} ({@code cnv-bridge} on {@code br-1928} with {@code "vlan": 1928}, which on a VLAN-unaware
 * bridge the plugin did not create has no effect, semantics.md section 0.2). And its warning: without the
 * security settings "you will see failures such as no response to DHCP requests".
 *
 * <p>The vSphere layer is read from {@code vsphere/esxi-01.yaml} (in the shipped network folder src/networks/vsphere-nested-lab, written with
 * the vSphere API's field names; see {@link VsphereYamlReader}).
 *
 * <p>Chosen here (the post gives none of it; see README "The vsphere-nested-lab network"): ESXi host
 * {@code esxi-01} with standard switch {@code vSwitch0} and one uplink {@code vmnic0}; both port groups with the
 * standard-switch security defaults (Promiscuous mode Reject, MAC address changes Accept, Forged transmits
 * Accept); {@code lab-192-168-4-0-b24} with VLAN ID 0. The node's vNIC MACs {@code 00:50:56:8a:19:21} (ens192)
 * and {@code 00:50:56:8a:19:24} (ens224), VMware's vCenter-assigned OUI. The KubeVirt VM {@code kubevirt-vm}
 * (MAC {@code 02:00:00:19:28:0a}, as KubeMacPool would give it, address by DHCP) on {@code br-1928}. Upstream
 * physical switch {@code tor} (NX-OS): {@code Ethernet1/1} a trunk to {@code vmnic0} allowing 1,1925-1928
 * (native 1), {@code Ethernet1/2} a trunk to the router allowing 1925-1928, {@code Ethernet1/3} an access port in
 * VLAN 1928 for the DHCP server. Router {@code lab-router} with gateways {@code 192.168.25.1}-{@code .28.1} on
 * {@code eth0.1925}-{@code .1928}. DHCP server {@code dhcp-1928} ({@code 192.168.28.2/24}, pool
 * {@code 192.168.28.100}-{@code .199}, router {@code 192.168.28.1}, mask /24, lease 3600 s).
 */
public final class VsphereNestedLab implements Scenario {
    /** The name users type, and the network's name in traces. */
    public static final String NAME = "vsphere-nested-lab";
    /** The ESXi host the OpenShift node VM runs on. */
    public static final String ESXI = "esxi-01";
    /** The OpenShift node VM (a host of the network: its NICs, subinterfaces and bridges). */
    public static final String NODE = "hub-7vxwj-cnv-drhkz";
    /** The port group the node's {@code ens224} is connected to (VLAN ID 4095: it passes the guest's tags). */
    public static final String TRUNK = "Trunk";
    /** The port group of the node's {@code ens192}: the lab network 192.168.4.0/24. */
    public static final String LAB = "lab-192-168-4-0-b24";
    /** The KubeVirt VM that asks for an address by DHCP on {@code br-1928}. */
    public static final String CLIENT = "kubevirt-vm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenShift Virtualization nested in vSphere (seed 002): ESXi vSwitch port groups with their security "
                + "policy, a KubeVirt VM that asks DHCP on VLAN 1928";
    }

    /** The network with its vSphere layer: change it with the {@code with...} methods (what-if) and trace it. */
    public VsphereSpec vsphere() {
        return new VsphereSpec(base(), List.of(VsphereYamlReader.nestedLab()),
                List.of(VsphereSpec.DhcpServerSpec.of("dhcp-1928", "02:00:c0:a8:1c:02", "192.168.28.2/24",
                        "192.168.28.100", "192.168.28.199", "192.168.28.1")),
                List.of(LinkSpec.cable(ESXI, "vmnic0", "tor", "Ethernet1/1"),
                        LinkSpec.cable("dhcp-1928", "eth0", "tor", "Ethernet1/3")));
    }

    /** The OpenShift node, the nested VM, the physical switch and the router, without the vSphere layer. */
    private static NetworkSpec base() {
        final NetworkBuilder b = NetworkBuilder.network(NAME);
        b.host(NODE).nic("ens192").mac("00:50:56:8a:19:21");
        final var ens224 = b.host(NODE).nic("ens224").mac("00:50:56:8a:19:24");
        final var router = b.router("lab-router").port("eth0", "00:1b:17:00:19:01");
        for (int vid = 1925; vid <= 1928; vid++) {
            ens224.vlan(vid).bridge("br-" + vid);
            router.subinterface("eth0", vid, "192.168." + (vid - 1900) + ".1/24");
        }
        b.host(NODE).bridge("br-1928").vm(CLIENT, "0.0.0.0/0").mac("02:00:00:19:28:0a").noGateway();
        b.switchNamed("tor").trunk("Ethernet1/1", "1,1925-1928").trunk("Ethernet1/2", "1925-1928")
                .access("Ethernet1/3", 1928);
        b.link("tor", "Ethernet1/2", "lab-router", "eth0");
        return b.spec();             // validated with its vSphere layer, which cables the node NICs and the switch
    }

    /** The node-level spec only (no vSwitch): what {@link NetworkSpec} what-if tools can change. */
    @Override
    public NetworkSpec spec() {
        return base();
    }

    @Override
    public Topology build() {
        return vsphere().compile();
    }

    @Override
    public Network network() {
        return vsphere().network();
    }
}

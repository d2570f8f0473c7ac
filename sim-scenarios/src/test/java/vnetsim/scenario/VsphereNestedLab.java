package vnetsim.scenario;

import java.util.List;
import vnetsim.analysis.Network;
import vnetsim.device.vsphere.PortGroup;
import vnetsim.network.LinkSpec;
import vnetsim.network.NetworkBuilder;
import vnetsim.network.NetworkSpec;
import vnetsim.network.VsphereSpec;
import vnetsim.topology.Topology;

/**
 * Test fixture: the {@code vsphere-nested-lab} network (seed 002) built in Java, independently of its folder
 * src/networks/vsphere-nested-lab, which is the network users run; VsphereFolderEquivalenceTest proves that the
 * folder compiles to exactly this (every trace equal). Until the folder reader read {@code vsphere/}, {@code dhcp/},
 * {@code configs/} and {@code firewalls/} of that folder, this class was the network. The choices are documented in
 * the folder's README.
 */
public final class VsphereNestedLab implements Scenario {
    public static final String NAME = "vsphere-nested-lab";
    public static final String ESXI = "esxi-01";
    public static final String NODE = "hub-7vxwj-cnv-drhkz";
    public static final String TRUNK = "Trunk";
    public static final String LAB = "lab-192-168-4-0-b24";
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
        final VsphereSpec.EsxiHost esxi = new VsphereSpec.EsxiHost(ESXI, "vSwitch0", List.of("vmnic0"),
                List.of(PortGroup.standard(LAB, 0), PortGroup.standard(TRUNK, 4095)),
                List.of(VsphereSpec.Vnic.of(NODE, "ens192", LAB, "00:50:56:8a:19:21"),
                        VsphereSpec.Vnic.of(NODE, "ens224", TRUNK, "00:50:56:8a:19:24")));
        final VsphereSpec.DhcpServerSpec dhcp = VsphereSpec.DhcpServerSpec.of("dhcp-1928", "02:00:c0:a8:1c:02",
                "192.168.28.2/24", "192.168.28.100", "192.168.28.199", "192.168.28.1");
        return new VsphereSpec(base(), List.of(esxi),
                List.of(new VsphereSpec.DhcpServerSpec(dhcp.name(), dhcp.iface(), dhcp.mac(), dhcp.address(),
                        dhcp.poolFirst(), dhcp.poolLast(), dhcp.router(), 3600)),
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
        b.host(NODE).bridge("br-1928").vm(CLIENT, "0.0.0.0/0").mac("02:00:00:19:28:0a").noGateway()
                .iface("provisioning").port("veth-" + CLIENT);
        b.host(NODE).bridge("br-1928").vm("prov-a", "192.168.28.10/24").named("Provisioning VM A")
                .mac("02:00:c0:a8:1c:0a").gateway("192.168.28.1").iface("provisioning").port("veth-prov-a");
        b.host(NODE).bridge("br-1928").vm("prov-b", "192.168.28.11/24").named("Provisioning VM B")
                .mac("02:00:c0:a8:1c:0b").gateway("192.168.28.1").iface("provisioning").port("veth-prov-b");
        b.host(NODE).bridge("br-1927").vm("metal-a", "192.168.27.10/24").named("Metal VM A")
                .mac("02:00:c0:a8:1b:0a").gateway("192.168.27.1").iface("metal").port("veth-metal-a");
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

package vnetsim.scenario;

import vnetsim.network.NetworkBuilder;
import vnetsim.network.NetworkSpec;

/**
 * "OpenShift Virtualization Networking on vSphere" (seed 002): one node whose second NIC {@code ens224} takes an
 * 802.1Q trunk and splits VLANs 1925-1928 into bridges {@code br-1925}..{@code br-1928} (the post's NMState:
 * subinterfaces as ports with {@code vlan: {}}, STP off). The trunk reaches a lab router directly (the vSphere
 * port group between them passes tags unchanged and is not modelled yet); the router has a gateway per VLAN and
 * a routed port without VLANs to an upstream router, its default route. The upstream routes the lab's
 * 192.168.24.0/21 back and has a server, so flows leave the lab by the default route and come back by a static
 * one. Addresses, MACs and placements are chosen here; the post gives none.
 */
public final class VsphereLab implements Scenario {
    /** The name users type, and the network's name in traces. */
    public static final String NAME = "vsphere-lab";
    private static final String NODE = "hub-7vxwj-cnv-drhkz";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenShift Virtualization on vSphere (seed 002): 1 node, ens224 VLANs 1925-1928 into four bridges, "
                + "router with a default route upstream";
    }

    @Override
    public NetworkSpec spec() {
        final NetworkBuilder b = NetworkBuilder.network(NAME);
        final var ens224 = b.host(NODE).nic("ens224").mac("00:50:56:8a:19:24");
        final var router = b.router("lab-router").port("eth0", "00:50:56:8a:00:01");
        for (int vid = 1925; vid <= 1928; vid++) {
            ens224.vlan(vid).bridge("br-" + vid);
            router.subinterface("eth0", vid, "192.168." + (vid - 1900) + ".1/24");
        }
        router.routedPort("eth1", "00:50:56:8a:00:02", "198.51.100.2/30").defaultRoute("198.51.100.1");
        b.router("upstream").routedPort("eth0", "02:00:c6:33:64:01", "198.51.100.1/30")
                .routedPort("eth1", "02:00:cb:00:71:01", "203.0.113.1/24").route("192.168.24.0/21", "198.51.100.2");
        b.server("mirror", "203.0.113.10/24").named("Mirror server");
        b.link(NODE, "ens224", "lab-router", "eth0").link("lab-router", "eth1", "upstream", "eth0")
                .link("upstream", "eth1", "mirror", "eth0");
        b.host(NODE).bridge("br-1928").vm("vm-a", "192.168.28.10/24").vm("vm-c", "192.168.28.11/24");
        b.host(NODE).bridge("br-1925").vm("vm-b", "192.168.25.10/24");
        b.host(NODE).bridge("br-1926").pod("pod-d", "192.168.26.20/24");
        b.host(NODE).bridge("br-1927").vm("vm-e", "192.168.27.10/24");
        return b.build();
    }
}

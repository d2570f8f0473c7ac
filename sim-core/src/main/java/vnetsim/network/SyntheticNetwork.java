package vnetsim.network;

/**
 * Large synthetic networks in the acp model, for scale tests and benchmarks: N nodes, M VLANs, K workloads,
 * one trunk switch ("Switch", node n on Ethernet1/(n+2)), one router-on-a-stick firewall ("Firewall" on
 * Ethernet1/1, gateway x.x.0.1 in every VLAN). Every node trunks every VLAN into a subinterface and a
 * VLAN-unaware bridge per VLAN, as the acp nodes do. Workload i (id {@code w<i>}) runs on node {@code i % N} in
 * VLAN index {@code (i + i / N) % M}, so consecutive workloads spread over nodes and VLANs alike. VLAN index k is
 * VID 100 + k with subnet 10.k.0.0/16 (M at most 250).
 *
 * <p>The same arguments give the same network, name for name and address for address.
 */
public final class SyntheticNetwork {
    /** The first VID. */
    public static final int FIRST_VID = 100;

    private SyntheticNetwork() {
    }

    /**
     * The network "synthetic-Nx-Mv-Kw".
     * @param nodes     virtualization nodes, 1-2000
     * @param vlans     VLANs, 1-250
     * @param workloads VMs, 0-60000 (at most 65000 per VLAN)
     */
    public static NetworkSpec generate(final int nodes, final int vlans, final int workloads) {
        if (nodes < 1 || nodes > 2000 || vlans < 1 || vlans > 250 || workloads < 0 || workloads > 60_000) {
            throw new IllegalArgumentException("synthetic network: nodes 1-2000, VLANs 1-250, workloads 0-60000; got "
                    + nodes + ", " + vlans + ", " + workloads);
        }
        final String allowed = FIRST_VID + "-" + (FIRST_VID + vlans - 1);
        final NetworkBuilder b = NetworkBuilder.network(name(nodes, vlans, workloads));
        final NetworkBuilder.SwitchBuilder sw = b.switchNamed("Switch").trunk("Ethernet1/1", allowed);
        final NetworkBuilder.RouterBuilder fw = b.router("Firewall").port("Uplink 1", "00:1b:17:00:01:01");
        for (int k = 0; k < vlans; k++) {
            fw.subinterface("Uplink 1", FIRST_VID + k, "10." + k + ".0.1/16");
        }
        fw.link("Switch", "Ethernet1/1", "Firewall", "Uplink 1");
        for (int n = 0; n < nodes; n++) {
            final String port = "Ethernet1/" + (n + 2);
            sw.trunk(port, allowed);
            final var nic = b.host(node(n)).nic("enp4s0f0").mac(String.format("3c:fd:fe:%02x:%02x:%02x",
                    (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff));
            for (int k = 0; k < vlans; k++) {
                nic.vlan(FIRST_VID + k).bridge("br" + (FIRST_VID + k));
            }
            b.link(node(n), "enp4s0f0", "Switch", port);
        }
        final int[] perVlan = new int[vlans];
        for (int i = 0; i < workloads; i++) {
            final int n = i % nodes;
            final int k = (i + i / nodes) % vlans;
            final int h = perVlan[k]++ + 10;                    // .0.1 is the gateway
            b.host(node(n)).bridge("br" + (FIRST_VID + k))
                    .vm("w" + i, "10." + k + "." + (h >> 8) + "." + (h & 0xff) + "/16").iface("eth0");
        }
        return b.build();
    }

    /** "synthetic-100x50x2000". */
    public static String name(final int nodes, final int vlans, final int workloads) {
        return "synthetic-" + nodes + "x" + vlans + "x" + workloads;
    }

    /**
     * Parses "synthetic-NxMxK" (as {@link #name} writes it).
     * @return the network, or null when {@code text} is not such a name
     */
    public static NetworkSpec parse(final String text) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("synthetic-(\\d{1,5})x(\\d{1,4})x(\\d{1,6})")
                .matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return generate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static String node(final int n) {
        return "node" + n;
    }
}

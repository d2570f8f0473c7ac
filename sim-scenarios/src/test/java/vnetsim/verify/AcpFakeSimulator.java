package vnetsim.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vnetsim.analysis.UnknownEndpointException;
import vnetsim.device.Action;
import vnetsim.trace.Step;

/**
 * Stands in for the engine: returns the document-view rows a correct simulation of the design document's topology
 * gives for its four flows. node0 hosts Virtual Machine 1, Pod 2 and Virtual Machine 3; node1 hosts Virtual
 * Machines 4 and 6. VM1, Pod 2 and VM4 are in VLAN 2003 (172.16.4.0/24), VM3 in 2004, VM6 in 2005; the firewall
 * routes between VLANs on "Uplink 1" behind the switch port the document view leaves out.
 */
public final class AcpFakeSimulator implements FlowSimulator {

    static final List<String> ENDPOINTS =
            List.of("Virtual Machine 1", "Pod 2", "Virtual Machine 3", "Virtual Machine 4", "Virtual Machine 6");

    private static final String FIREWALL_MAC = "52:54:00:00:00:fe";
    private static final Map<String, String> MAC = Map.of(
            "Virtual Machine 1", "52:54:00:00:00:01", "Pod 2", "0a:58:0a:00:00:02",
            "Virtual Machine 3", "52:54:00:00:00:03", "Virtual Machine 4", "52:54:00:00:00:04",
            "Virtual Machine 6", "52:54:00:00:00:06");
    private static final Map<String, String> IP = Map.of(
            "Virtual Machine 1", "172.16.4.11", "Pod 2", "172.16.4.12", "Virtual Machine 3", "172.16.5.13",
            "Virtual Machine 4", "172.16.4.14", "Virtual Machine 6", "172.16.6.16");

    @Override
    public List<Step> documentView(final String from, final String to) {
        for (final String endpoint : List.of(from, to)) {
            if (!ENDPOINTS.contains(endpoint)) {
                throw new UnknownEndpointException(endpoint, ENDPOINTS);
            }
        }
        final Flow f = new Flow(from, to);
        if (!from.equals("Virtual Machine 1")) {
            throw new IllegalStateException("the fake only traces flows from Virtual Machine 1");
        }
        f.add("Virtual Machine 1", "vmnic1", null, null, Action.ORIGINATED);
        f.add("node0", "bridge2003", null, null, Action.SWITCHED);
        switch (to) {
            case "Pod 2" -> f.add("Pod 2", "net1", null, null, Action.DELIVERED);
            case "Virtual Machine 3" -> {
                upToSwitch(f);
                f.routed(2003, 2004);
                f.add("Switch", "Ethernet1/3", 2004, 2004, Action.TRANSMITTED);
                f.add("node0", "enp4s0f0", 2004, 2004, Action.RECEIVED);
                f.add("node0", "enp4s0f0.2004", 2004, null, Action.TAG_POPPED);
                f.add("node0", "bridge2004", null, null, Action.SWITCHED);
                f.add("Virtual Machine 3", "vmnic1", null, null, Action.DELIVERED);
            }
            case "Virtual Machine 4" -> {
                upToSwitch(f);
                f.add("Switch", "Ethernet1/7", 2003, 2003, Action.TRANSMITTED);
                f.add("node1", "enp4s0f0", 2003, 2003, Action.RECEIVED);
                f.add("node1", "enp4s0f0.2003", 2003, null, Action.TAG_POPPED);
                f.add("node1", "bridge2003", null, null, Action.SWITCHED);
                f.add("Virtual Machine 4", "vmnic1", null, null, Action.DELIVERED);
            }
            case "Virtual Machine 6" -> {
                upToSwitch(f);
                f.routed(2003, 2005);
                f.add("Switch", "Ethernet1/7", 2005, 2005, Action.TRANSMITTED);
                f.add("node1", "enp4s0f0", 2005, 2005, Action.RECEIVED);
                f.add("node1", "enp4s0f0.2005", 2005, null, Action.TAG_POPPED);
                f.add("node1", "bridge2005", null, null, Action.SWITCHED);
                f.add("Virtual Machine 6", "vmnic1", null, null, Action.DELIVERED);
            }
            default -> throw new IllegalStateException("the fake does not trace Virtual Machine 1 to " + to);
        }
        return f.steps;
    }

    private static void upToSwitch(final Flow f) {
        f.add("node0", "enp4s0f0.2003", null, 2003, Action.TAG_PUSHED);
        f.add("node0", "enp4s0f0", 2003, 2003, Action.TRANSMITTED);
        f.add("Switch", "Ethernet1/3", 2003, 2003, Action.SWITCHED);
    }

    /** Builds one flow's rows; after the firewall routes, the frame carries the firewall's MAC and TTL 63. */
    private static final class Flow {
        private final String from;
        private final String to;
        private final List<Step> steps = new ArrayList<>();
        private boolean routed;
        private final boolean sameSubnet;

        Flow(final String from, final String to) {
            this.from = from;
            this.to = to;
            this.sameSubnet = IP.get(from).substring(0, 10).equals(IP.get(to).substring(0, 10));
        }

        void add(final String device, final String iface, final Integer vlan, final Integer vlanOut,
                 final Action action) {
            final String srcMac = routed ? FIREWALL_MAC : MAC.get(from);
            final String dstMac = routed || sameSubnet ? MAC.get(to) : FIREWALL_MAC;
            steps.add(new Step(steps.size() + 1, from, to, device, iface, null, vlan != null, vlan, vlanOut,
                    srcMac, dstMac, IP.get(from), IP.get(to), routed ? 63 : 64, 0x0800, action, null,
                    null, steps.size() * 1_000L));
        }

        void routed(final int in, final int out) {
            add("Firewall", "Uplink 1", in, out, Action.ROUTED);
            routed = true;
        }
    }
}

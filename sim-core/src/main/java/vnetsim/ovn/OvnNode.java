package vnetsim.ovn;

/**
 * A cluster node as OVN-Kubernetes sees it: its name, the underlay interface Geneve leaves by (br-ex in shared
 * gateway mode) with the node IP and MAC, and that interface's MTU (the host MTU OpenShift lowers by 100 for pods).
 */
public record OvnNode(String name, String underlayInterface, int ip, long mac, int mtu) {
    /**
     * Checks the MTU.
     *
     * @throws IllegalArgumentException when {@code mtu} is outside 576-9216 bytes (IPv4's minimum datagram size to
     *     the largest jumbo frame switches accept)
     */
    public OvnNode {
        if (mtu < 576 || mtu > 9216) {
            throw new IllegalArgumentException("node " + name + ": MTU " + mtu + " is outside 576-9216");
        }
    }
}

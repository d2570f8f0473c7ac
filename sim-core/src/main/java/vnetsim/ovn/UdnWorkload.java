package vnetsim.ovn;

/**
 * A VM (or pod) attached to the primary user-defined network of its namespace, running on {@code node}.
 * {@code requestedIp} (0: none) stands for an address the workload already holds, for instance one the document
 * shows; it is honoured when it lies in the subnet the workload draws from, else the allocator picks one.
 */
public record UdnWorkload(String name, String namespace, String node, int requestedIp, boolean vm) {
    /** The same workload on another node (a live migration's target), keeping its requested address. */
    public UdnWorkload on(final String targetNode) {
        return new UdnWorkload(name, namespace, targetNode, requestedIp, vm);
    }
}

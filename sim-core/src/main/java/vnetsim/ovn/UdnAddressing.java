package vnetsim.ovn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vnetsim.network.Cidr;

/**
 * Addresses as OVN-Kubernetes hands them out. Layer3: the cluster manager gives each node the next free
 * {@code hostSubnet}-sized block of the subnet, in node order ({@code pkg/clustermanager/node/
 * node_allocator.go}); in a node subnet the first address is the gateway (router port {@code rtos-<switch>}), the
 * second the management port ({@code ovn-k8s-mp}), and workloads take the lowest free address after them
 * (contiguous allocation, {@code pkg/allocator/ip}). Layer2: one subnet for all nodes, the same reservations.
 * A workload's requested address is kept when it lies in the range it draws from and is free.
 */
public final class UdnAddressing {
    /** Gateway and management port. */
    private static final int RESERVED = 2;

    private final Map<String, UdnAddress> byWorkload = new LinkedHashMap<>();
    private final Map<String, Cidr> nodeSubnets = new LinkedHashMap<>();

    /**
     * Hands out the addresses of one network's workloads: each node's subnet first (in node order), then the workloads'
     * requested addresses that are valid and free, then the lowest free address for the rest.
     *
     * @param network   the network whose addresses are handed out
     * @param nodes     the cluster's nodes, in the order the cluster manager allocates their host subnets
     * @param workloads the workloads on this network, in creation order (earlier ones get lower addresses)
     * @throws IllegalArgumentException when a network without subnets has a workload with no address of its own, or a
     *     node subnet runs out of addresses
     */
    public UdnAddressing(final UserDefinedNetwork network, final List<OvnNode> nodes, final List<UdnWorkload> workloads) {
        if (network.subnet() == null) {
            for (final UdnWorkload w : workloads) {
                if (w.requestedIp() == 0) {
                    throw new IllegalArgumentException("workload " + w.name() + " on network " + network.name()
                            + " (no subnets) needs an address the user assigns");
                }
                byWorkload.put(w.name(), new UdnAddress(w.requestedIp(), 32, 0, UdnAddress.macFor(w.requestedIp())));
            }
            return;
        }
        final Cidr subnet = network.subnet();
        for (int i = 0; i < nodes.size(); i++) {
            final Cidr nodeSubnet = network.topology() == UdnTopology.LAYER2 ? subnet : split(network, i);
            nodeSubnets.put(nodes.get(i).name(), nodeSubnet);
        }
        final Map<Cidr, Set<Integer>> used = new LinkedHashMap<>();
        final List<UdnWorkload> unplaced = new ArrayList<>();
        for (final UdnWorkload w : workloads) {                 // requested addresses first: they are held already
            final Cidr range = rangeOf(w);
            final Set<Integer> taken = used.computeIfAbsent(range, r -> new HashSet<>());
            if (w.requestedIp() != 0 && range.contains(w.requestedIp()) && !taken.contains(w.requestedIp())
                    && w.requestedIp() - range.network() > RESERVED && w.requestedIp() != broadcast(range)) {
                taken.add(w.requestedIp());
                byWorkload.put(w.name(), address(range, w.requestedIp()));
            } else {
                unplaced.add(w);
            }
        }
        for (final UdnWorkload w : unplaced) {
            final Cidr range = rangeOf(w);
            final Set<Integer> taken = used.computeIfAbsent(range, r -> new HashSet<>());
            int ip = range.network() + RESERVED + 1;
            while (taken.contains(ip)) {
                ip++;
            }
            if (ip >= broadcast(range)) {
                throw new IllegalArgumentException("subnet " + range + " of network " + network.name()
                        + " has no free address left for " + w.name());
            }
            taken.add(ip);
            byWorkload.put(w.name(), address(range, ip));
        }
        byWorkload.keySet().retainAll(workloads.stream().map(UdnWorkload::name).toList());
        final Map<String, UdnAddress> ordered = new LinkedHashMap<>();
        for (final UdnWorkload w : workloads) {
            ordered.put(w.name(), byWorkload.get(w.name()));
        }
        byWorkload.clear();
        byWorkload.putAll(ordered);
    }

    /** The {@code index}-th hostSubnet block of the network's subnet. */
    private static Cidr split(final UserDefinedNetwork network, final int index) {
        final Cidr subnet = network.subnet();
        final int blocks = 1 << (network.hostSubnet() - subnet.prefixLength());
        if (index >= blocks) {
            throw new IllegalArgumentException("network " + network.name() + ": subnet " + subnet + " has only "
                    + blocks + " /" + network.hostSubnet() + " host subnets, too few for node " + (index + 1));
        }
        final int size = 1 << (32 - network.hostSubnet());
        return new Cidr(subnet.network() + index * size, network.hostSubnet());
    }

    private Cidr rangeOf(final UdnWorkload w) {
        final Cidr range = nodeSubnets.get(w.node());
        if (range == null) {
            throw new IllegalArgumentException("workload " + w.name() + " runs on unknown node " + w.node());
        }
        return range;
    }

    private static int broadcast(final Cidr range) {
        return range.network() + (1 << (32 - range.prefixLength())) - 1;
    }

    private static UdnAddress address(final Cidr range, final int ip) {
        return new UdnAddress(ip, range.prefixLength(), range.network() + 1, UdnAddress.macFor(ip));
    }

    /**
     * One workload's address.
     *
     * @param workload the workload's name
     * @return its address, prefix, gateway and MAC; null when the workload is not on this network
     */
    public UdnAddress of(final String workload) {
        return byWorkload.get(workload);
    }

    /** Node name to its host subnet (Layer3) or the network's subnet (Layer2); empty without subnets. */
    public Map<String, Cidr> nodeSubnets() {
        return nodeSubnets;
    }

    /** The gateway (first address) of a node's subnet. */
    public int gateway(final String node) {
        return nodeSubnets.get(node).network() + 1;
    }
}

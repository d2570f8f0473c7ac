package vnetsim.analysis;

import vnetsim.engine.FrameObserver;
import vnetsim.trace.Trace;

/**
 * A network described by name whose workloads live-migrate between hosts as a network operation of its own
 * (OVN-Kubernetes user-defined networks: the workload's logical port moves to the target node, and on a Layer3
 * network its address changes). The what-if change {@code move WORKLOAD to HOST} applies to it through
 * {@link #migrate}; flows to an address a workload held before can be traced with {@link #traceToAddress}.
 */
public interface MigratableNetwork extends NetworkSource {
    /**
     * This network with {@code workload} running on {@code host} afterwards; this network is unchanged.
     * @throws IllegalArgumentException naming an unknown workload or host, or a workload already on the host
     */
    MigratableNetwork migrate(String workload, String host);

    /**
     * One ICMP echo from endpoint {@code from} to an IPv4 {@code address}, which may belong to no device any
     * more (the address a workload held before it moved).
     * @param from     the sender's short id or display name
     * @param address  the IPv4 address pinged, as an int
     * @param staleMac a MAC the sender's ARP cache still maps {@code address} to (as learned before a move), or 0
     *                 for an empty cache (the entry aged out)
     * @param observer sees the run's frames (a capture), or null
     * @throws IllegalArgumentException when {@code from} names no endpoint
     */
    Trace traceToAddress(String from, int address, long staleMac, FrameObserver observer);
}

package vnetsim.network;

import java.util.List;
import vnetsim.device.Macvlan;
import vnetsim.device.MasqueradePod;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * How a workload's NIC reaches its host when it is not a plain veth on a bridge (a {@link WorkloadSpec} with no
 * attachment): behind a KubeVirt masquerade pod, as a macvlan child of a host NIC, or as the host's own address on
 * a macvlan lower device. Rules: {@code src/docs/forwarding-rules.md} sections 9 and 10.
 */
public sealed interface WorkloadAttachment {
    /**
     * Whether the workload reaches its host through a NIC of its own (a macvlan child or lower device, a
     * host-device NIC) rather than a bridge port.
     *
     * @return true for macvlan and host-device attachments
     */
    default boolean bypassesBridges() {
        return false;
    }

    /**
     * KubeVirt's {@code masquerade} binding: the workload is the guest (10.0.2.2/24 via 10.0.2.1) inside a
     * virt-launcher pod whose {@code eth0} is the workload's bridge port on the pod network.
     *
     * @param podMac     the pod interface's MAC
     * @param podAddress the pod IP and prefix the pod network's IPAM gave the pod
     * @param podGateway the pod's default gateway (the node bridge's address)
     * @param ports      the VM interface's {@code ports}; empty: every port is forwarded inward
     */
    record Masquerade(long podMac, Cidr podAddress, int podGateway, List<MasqueradePod.ForwardedPort> ports)
            implements WorkloadAttachment {
        /** Copies the list: the record stays immutable. */
        public Masquerade {
            ports = List.copyOf(ports);
        }

        @Override
        public String toString() {
            return "masquerade pod " + podAddress + " (" + MacAddress.format(podMac) + ") via "
                    + Ipv4Address.format(podGateway) + ", inbound " + (ports.isEmpty() ? "all ports" : ports);
        }
    }

    /**
     * A macvlan child of the host NIC {@code parent} (CNI {@code macvlan} with {@code master: parent}); the
     * workload's port name is the child's interface name.
     *
     * @param parent the lower NIC, on the workload's host
     * @param mode   the macvlan mode
     */
    record MacvlanChild(String parent, Macvlan.Mode mode) implements WorkloadAttachment {
        @Override
        public boolean bypassesBridges() {
            return true;
        }

        @Override
        public String toString() {
            return "macvlan child of " + parent + " (mode " + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /**
     * The host's own IP address on a macvlan lower NIC: the node's stack on {@code parent}, a source and target of
     * traces; its MAC is the NIC's.
     *
     * @param parent the lower NIC, on the workload's host
     */
    record MacvlanLower(String parent) implements WorkloadAttachment {
        @Override
        public boolean bypassesBridges() {
            return true;
        }

        @Override
        public String toString() {
            return "the node's own address on macvlan lower device " + parent;
        }
    }

    /**
     * CNI {@code host-device}: the host NIC {@code nic} moved into the workload's network namespace
     * ({@code containernetworking/plugins: plugins/main/host-device/host-device.go moveLinkIn()}); the host no longer
     * has it and the workload sits on its cable.
     *
     * @param nic the NIC of the workload's host
     */
    record HostDevice(String nic) implements WorkloadAttachment {
        @Override
        public boolean bypassesBridges() {
            return true;
        }

        @Override
        public String toString() {
            return "host-device " + nic + " (moved from the node into the pod)";
        }
    }

    /**
     * A plain veth on the bridge with the CNI bridge plugin's port flags.
     *
     * @param hairpin {@code hairpinMode}: the port may send a frame back out the port it came in on
     */
    record BridgeVeth(boolean hairpin) implements WorkloadAttachment {
        @Override
        public String toString() {
            return hairpin ? "veth with hairpin mode" : "veth";
        }
    }
}

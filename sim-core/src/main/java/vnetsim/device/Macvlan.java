package vnetsim.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import vnetsim.frame.Frame;
import vnetsim.frame.MacAddress;

/**
 * A Linux macvlan lower device and its macvlan children, as the CNI {@code macvlan} plugin makes them
 * ({@code containernetworking/plugins: plugins/main/macvlan/macvlan.go}: one child per pod on {@code master},
 * mode {@code bridge} by default), forwarding as {@code torvalds/linux: drivers/net/macvlan.c} does.
 *
 * <p>Ports: 0 the wire side of the lower NIC, 1 the lower NIC's own use by the node (its IP stack), then one port
 * per child. The rules, top to bottom:
 * <ul>
 *   <li>From the wire ({@code macvlan_handle_frame()}): broadcast and multicast go to every child and up to the
 *       node; unicast for a child's MAC goes to that child only; anything else goes up to the node.</li>
 *   <li>From a child ({@code macvlan_queue_xmit()}): in bridge mode, broadcast and multicast go to the other bridge
 *       children and out on the wire, unicast for another bridge child is switched to it inside the host;
 *       everything else leaves on the wire. In {@code private} and {@code vepa} mode every frame leaves on the
 *       wire. Never to the node: the lower device's transmit path does not loop back into its own receive path.</li>
 *   <li>From the node: out on the wire, never to the children.</li>
 * </ul>
 * So the node and its own macvlan children cannot talk: their frames leave on the wire and an ordinary switch
 * never sends a frame back out the port it came in on. vnetsim assumes no hairpinning switch (802.1Qbg reflective
 * relay is not modelled) and shows the root cause where it happens: a frame between the node and one of its
 * children is dropped at the lower device with {@link DropReason#MACVLAN_ISOLATION}; a broadcast the other side
 * would need (an ARP request) leaves on the wire and a copy standing for the side that never sees it is dropped
 * with the same reason. Rules and sources: {@code src/docs/forwarding-rules.md} section 9.
 */
public final class Macvlan implements Device {
    public static final int WIRE = 0;
    public static final int LOWER = 1;

    /** macvlan modes (ip link ... type macvlan mode M); passthru and source are not modelled. */
    public enum Mode {
        BRIDGE, PRIVATE, VEPA;

        /** The CNI plugin's {@code mode} value (modeFromString()): bridge (default), private, vepa. */
        public static Mode parse(final String text) {
            return switch (text == null || text.isEmpty() ? "bridge" : text) {
                case "bridge" -> BRIDGE;
                case "private" -> PRIVATE;
                case "vepa" -> VEPA;
                default -> throw new IllegalArgumentException("unknown macvlan mode '" + text
                        + "' (bridge, private, vepa)");
            };
        }
    }

    private final String host;
    private final String lowerName;
    private final long lowerMac;
    private final List<String> childNames = new ArrayList<>();
    private final List<Long> childMacs = new ArrayList<>();
    private final List<Mode> childModes = new ArrayList<>();

    /**
     * The macvlan side of a lower NIC with no child yet: port 0 the wire, port 1 the node's own use of the NIC.
     *
     * @param host the node ("worker0")
     * @param lowerName the lower (master) NIC ("ens224")
     * @param lowerMac the lower NIC's 48-bit MAC: unicast for it goes up to the node
     */
    public Macvlan(final String host, final String lowerName, final long lowerMac) {
        this.host = host;
        this.lowerName = lowerName;
        this.lowerMac = lowerMac;
    }

    /** {@code ip link add NAME link LOWER address MAC type macvlan mode MODE}; returns the child's port. */
    public int addChild(final String name, final long mac, final Mode mode) {
        childNames.add(name);
        childMacs.add(mac);
        childModes.add(mode);
        return childNames.size() + 1;
    }

    @Override
    public void receive(final Frame frame, final int port, final Egress out) {
        if (port == WIRE) {
            fromWire(frame, out);
        } else if (port == LOWER) {
            fromNode(frame, out);
        } else {
            fromChild(frame, port, out);
        }
    }

    private void fromWire(final Frame frame, final Egress out) {
        final long destination = frame.destinationMac();
        if (MacAddress.isMulticast(destination)) {
            for (int child = 0; child < childNames.size(); child++) {
                out.transmit(out.copy(frame), portOf(child), Action.FLOODED);
            }
            out.transmit(frame, LOWER, Action.FLOODED);
            return;
        }
        final int child = childWithMac(destination);
        out.transmit(frame, child >= 0 ? portOf(child) : LOWER, Action.SWITCHED);
    }

    private void fromNode(final Frame frame, final Egress out) {
        final long destination = frame.destinationMac();
        if (childWithMac(destination) >= 0) {
            out.drop(frame, LOWER, DropReason.MACVLAN_ISOLATION, 0);
            return;
        }
        if (MacAddress.isMulticast(destination) && !childNames.isEmpty()) {
            out.drop(out.copy(frame), LOWER, DropReason.MACVLAN_ISOLATION, 0);
        }
        out.transmit(frame, WIRE, Action.TRANSMITTED);
    }

    private void fromChild(final Frame frame, final int port, final Egress out) {
        final int self = port - 2;
        final long destination = frame.destinationMac();
        final boolean bridge = childModes.get(self) == Mode.BRIDGE;
        if (destination == lowerMac) {
            out.drop(frame, port, DropReason.MACVLAN_ISOLATION, 0);
            return;
        }
        if (MacAddress.isMulticast(destination)) {
            if (bridge) {
                for (int child = 0; child < childNames.size(); child++) {
                    if (child != self && childModes.get(child) == Mode.BRIDGE) {
                        out.transmit(out.copy(frame), portOf(child), Action.FLOODED);
                    }
                }
            }
            out.drop(out.copy(frame), port, DropReason.MACVLAN_ISOLATION, 0);   // the node never sees it
            out.transmit(frame, WIRE, Action.FLOODED);
            return;
        }
        final int child = childWithMac(destination);
        if (bridge && child >= 0 && childModes.get(child) == Mode.BRIDGE) {
            out.transmit(frame, portOf(child), Action.SWITCHED);
            return;
        }
        out.transmit(frame, WIRE, Action.TRANSMITTED);
    }

    private int childWithMac(final long mac) {
        for (int child = 0; child < childMacs.size(); child++) {
            if (childMacs.get(child) == mac) {
                return child;
            }
        }
        return -1;
    }

    private static int portOf(final int child) {
        return child + 2;
    }

    @Override
    public boolean isCapturePoint(final int port, final Direction direction) {
        return port != LOWER;                  // the lower NIC is captured on its wire side
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String interfaceName(final int port) {
        return port <= LOWER ? lowerName : childNames.get(port - 2);
    }

    @Override
    public int portCount() {
        return childNames.size() + 2;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.MACVLAN;
    }

    @Override
    public List<String> describe(final IntFunction<String> peer) {
        final List<String> lines = new ArrayList<>();
        lines.add(lowerName + "  macvlan lower device (MAC " + MacAddress.format(lowerMac) + "), wire to "
                + peer.apply(WIRE) + ", node stack " + peer.apply(LOWER));
        for (int child = 0; child < childNames.size(); child++) {
            lines.add(childNames.get(child) + "  macvlan mode " + childModes.get(child).name().toLowerCase(
                    java.util.Locale.ROOT) + ", MAC " + MacAddress.format(childMacs.get(child)) + ", to "
                    + peer.apply(portOf(child)));
        }
        return lines;
    }
}

package vnetsim.pcap;

import java.util.function.BiPredicate;
import vnetsim.device.Device;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.InterfaceNames;
import vnetsim.engine.FrameObserver;
import vnetsim.frame.Frame;
import vnetsim.topology.Topology;

/**
 * Attaches a {@link CaptureSink} to a running simulation: the whole topology, one device, or one interface.
 * Each frame is captured as tcpdump on that interface would see it ({@link Device#isCapturePoint}): tagged on a
 * NIC, untagged on a subinterface and bridge. Frames stream to the sink as the simulation runs; an arriving frame
 * is held back only until the device has decided, so a drop's reason can go into its packet comment.
 */
public final class CaptureSet implements FrameObserver {
    private final Topology topology;
    private final CaptureSink sink;
    private final BiPredicate<Integer, Integer> selected;
    private final CapturedInterface[][] interfaces;

    private final byte[] held = new byte[Frame.MAX_LENGTH];
    private int heldLength = -1;
    private int heldEvent;
    private int heldDevice;
    private int heldPort;
    private long heldTime;

    private CaptureSet(final Topology topology, final CaptureSink sink, final BiPredicate<Integer, Integer> selected) {
        this.topology = topology;
        this.sink = sink;
        this.selected = selected;
        this.interfaces = new CapturedInterface[topology.deviceCount()][];
        for (int d = 0; d < topology.deviceCount(); d++) {
            final Device device = topology.device(d);
            interfaces[d] = new CapturedInterface[device.portCount()];
            for (int p = 0; p < device.portCount(); p++) {
                interfaces[d][p] = new CapturedInterface(device.host(), device.interfaceName(p),
                        device.kind().description());
            }
        }
    }

    /** Every interface that sees a frame. */
    public static CaptureSet everything(final Topology topology, final CaptureSink sink) {
        return new CaptureSet(topology, sink, (d, p) -> true);
    }

    /** Every interface of one device ("node0", "Switch"). */
    public static CaptureSet device(final Topology topology, final String host, final CaptureSink sink) {
        return new CaptureSet(topology, sink, (d, p) -> topology.device(d).host().equalsIgnoreCase(host.trim()));
    }

    /** One interface ("Switch", "Ethernet 1/3"). */
    public static CaptureSet iface(final Topology topology, final String host, final String iface,
                                   final CaptureSink sink) {
        final String wanted = InterfaceNames.normalize(iface);
        return new CaptureSet(topology, sink, (d, p) -> topology.device(d).host().equalsIgnoreCase(host.trim())
                && InterfaceNames.normalize(topology.device(d).interfaceName(p)).equals(wanted));
    }

    @Override
    public void onFrame(final int event, final long timeNs, final int device, final int port,
                        final Direction direction, final Frame frame) {
        flushHeld(null);
        if (!topology.device(device).isCapturePoint(port, direction) || !selected.test(device, port)) {
            return;
        }
        if (direction == Direction.IN) {
            System.arraycopy(frame.bytes(), frame.start(), held, 0, frame.length());   // until the device decides
            heldLength = frame.length();
            heldEvent = event;
            heldDevice = device;
            heldPort = port;
            heldTime = timeNs;
        } else {
            sink.capture(interfaces[device][port], timeNs, false, frame.bytes(), frame.start(), frame.length(),
                    "step " + (event + 1) + " out");
        }
    }

    @Override
    public void onDrop(final int event, final int device, final int port, final DropReason reason, final int detail) {
        if (heldLength >= 0 && heldDevice == device) {
            flushHeld("dropped at " + topology.device(device).host() + "/"
                    + topology.device(device).interfaceName(port) + ": " + reason.describe(detail));
        }
    }

    @Override
    public void onRunEnd() {
        flushHeld(null);
    }

    private void flushHeld(final String dropText) {
        if (heldLength < 0) {
            return;
        }
        final String comment = "step " + (heldEvent + 1) + " in" + (dropText == null ? "" : "; " + dropText);
        sink.capture(interfaces[heldDevice][heldPort], heldTime, true, held, 0, heldLength, comment);
        heldLength = -1;
    }
}

package vnetsim.pcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * NIC, untagged on a subinterface and bridge.
 *
 * <p>Each packet's comment names its event (the run's Nth frame event, as {@code --format json}'s {@code events}
 * number them) and, when the document-view table shows it, that table's step: {@code "event 23 out, step 7"}, with
 * the reason after a drop. Steps are known only once the trace is built, so packets are held (copied) during the
 * run and written when {@link #onSteps} arrives ({@code Network.trace} announces it with {@link #expectSteps});
 * a {@code Simulator} driven without a trace gets them written at the end of each run, with event numbers alone.
 */
public final class CaptureSet implements FrameObserver {
    private final Topology topology;
    private final CaptureSink sink;
    private final BiPredicate<Integer, Integer> selected;
    private final CapturedInterface[][] interfaces;
    private final List<Held> held = new ArrayList<>();
    private boolean stepsExpected;

    /** A packet waiting for its step: arriving packets also wait for the device's decision ({@code dropText}). */
    private static final class Held {
        final CapturedInterface iface;
        final long timeNs;
        final boolean inbound;
        final byte[] bytes;
        final int event;
        final int device;
        String dropText;

        Held(final CapturedInterface iface, final long timeNs, final boolean inbound, final byte[] bytes,
             final int event, final int device) {
            this.iface = iface;
            this.timeNs = timeNs;
            this.inbound = inbound;
            this.bytes = bytes;
            this.event = event;
            this.device = device;
        }
    }

    private Held arriving;   // the last arriving packet, until its device decides

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

    /**
     * Every interface that sees a frame.
     *
     * @param topology the topology the traced run uses (the same instance)
     * @param sink     where the frames go
     * @return the capture, to pass to {@code Network.trace}
     */
    public static CaptureSet everything(final Topology topology, final CaptureSink sink) {
        return new CaptureSet(topology, sink, (d, p) -> true);
    }

    /**
     * Every interface of one device ("node0", "Switch").
     *
     * @param topology the topology the traced run uses (the same instance)
     * @param host     the device's name, any case
     * @param sink     where the frames go
     * @return the capture, to pass to {@code Network.trace}; it sees nothing when no device has that name
     */
    public static CaptureSet device(final Topology topology, final String host, final CaptureSink sink) {
        return new CaptureSet(topology, sink, (d, p) -> topology.device(d).host().equalsIgnoreCase(host.trim()));
    }

    /**
     * One interface ("Switch", "Ethernet 1/3").
     *
     * @param topology the topology the traced run uses (the same instance)
     * @param host     the device's name, any case
     * @param iface    the interface's name in any spelling of it ("Ethernet 1/3", "eth1/3")
     * @param sink     where the frames go
     * @return the capture, to pass to {@code Network.trace}; it sees nothing when there is no such interface
     */
    public static CaptureSet iface(final Topology topology, final String host, final String iface,
                                   final CaptureSink sink) {
        final String wanted = InterfaceNames.normalize(iface);
        return new CaptureSet(topology, sink, (d, p) -> topology.device(d).host().equalsIgnoreCase(host.trim())
                && InterfaceNames.normalize(topology.device(d).interfaceName(p)).equals(wanted));
    }

    @Override
    public void onFrame(final int event, final long timeNs, final int device, final int port,
                        final Direction direction, final Frame frame) {
        arriving = null;                                          // the previous arrival's device has decided
        if (!topology.device(device).isCapturePoint(port, direction) || !selected.test(device, port)) {
            return;
        }
        final Held h = new Held(interfaces[device][port], timeNs, direction == Direction.IN,
                Arrays.copyOfRange(frame.bytes(), frame.start(), frame.start() + frame.length()), event, device);
        held.add(h);
        if (h.inbound) {
            arriving = h;
        }
    }

    @Override
    public void onDrop(final int event, final int device, final int port, final DropReason reason, final int detail) {
        if (arriving != null && arriving.device == device) {
            arriving.dropText = "dropped at " + topology.device(device).host() + "/"
                    + topology.device(device).interfaceName(port) + ": " + reason.describe(detail);
        }
        arriving = null;
    }

    @Override
    public void onRunEnd() {
        arriving = null;
        if (!stepsExpected) {
            write(new int[0]);                                    // no trace will number them: event numbers alone
        }
    }

    @Override
    public void expectSteps() {
        stepsExpected = true;
    }

    /** Writes the held packets with their document-view steps ({@code Network.trace} calls this). */
    @Override
    public void onSteps(final int[] stepOfEvent) {
        stepsExpected = false;
        write(stepOfEvent);
    }

    private void write(final int[] stepOfEvent) {
        for (final Held h : held) {
            final int step = h.event < stepOfEvent.length ? stepOfEvent[h.event] : 0;
            final String comment = "event " + (h.event + 1) + (h.inbound ? " in" : " out")
                    + (step > 0 ? ", step " + step : "") + (h.dropText == null ? "" : "; " + h.dropText);
            sink.capture(h.iface, h.timeNs, h.inbound, h.bytes, 0, h.bytes.length, comment);
        }
        held.clear();
    }
}

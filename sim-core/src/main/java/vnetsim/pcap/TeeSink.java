package vnetsim.pcap;

import java.util.List;

/** Sends every captured frame to several sinks (e.g. one pcapng file and a directory of classic pcaps). */
public final class TeeSink implements CaptureSink {
    private final List<CaptureSink> sinks;

    public TeeSink(final List<CaptureSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void capture(final CapturedInterface iface, final long timeNs, final boolean inbound, final byte[] bytes,
                        final int offset, final int length, final String comment) {
        for (final CaptureSink s : sinks) {
            s.capture(iface, timeNs, inbound, bytes, offset, length, comment);
        }
    }

    /** Closes all; if one fails, the others are aborted so no partial set of files is left. */
    @Override
    public void close() {
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).close();
            } catch (CaptureException e) {
                for (int j = i + 1; j < sinks.size(); j++) {
                    sinks.get(j).abort();
                }
                throw e;
            }
        }
    }

    @Override
    public void abort() {
        sinks.forEach(CaptureSink::abort);
    }
}

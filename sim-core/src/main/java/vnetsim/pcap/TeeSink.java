package vnetsim.pcap;

import java.util.ArrayList;
import java.util.List;

/** Sends every captured frame to several sinks (e.g. one pcapng file and a directory of classic pcaps). */
public final class TeeSink implements CaptureSink {
    private final List<CaptureSink> sinks;

    /**
     * A sink that hands each frame, and {@code close} and {@code abort}, to every sink in order.
     *
     * @param sinks the sinks, in the order they are called; copied
     */
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

    /**
     * Publishes all outputs together or none: every sink first finishes its files out of sight; only when all
     * succeeded do they take their places, and if one of those steps fails the ones already in place are taken
     * back (a replaced file returns). Sinks of other kinds are closed one after the other.
     */
    @Override
    public void close() {
        final List<PcapngWriter> files = new ArrayList<>();
        final List<PcapDirectoryWriter> dirs = new ArrayList<>();
        final List<CaptureSink> others = new ArrayList<>();
        for (final CaptureSink s : sinks) {
            if (s instanceof PcapngWriter w) {
                files.add(w);
            } else if (s instanceof PcapDirectoryWriter d) {
                dirs.add(d);
            } else {
                others.add(s);
            }
        }
        try {
            for (final PcapngWriter w : files) {
                w.prepare();
            }
            for (final PcapDirectoryWriter d : dirs) {
                d.prepare();
            }
        } catch (final CaptureException e) {
            abort();
            throw e;
        }
        int committed = 0;
        try {
            for (final PcapngWriter w : files) {
                w.commit();
                committed++;
            }
            for (final PcapDirectoryWriter d : dirs) {
                d.commit();
                committed++;
            }
        } catch (final CaptureException e) {
            for (int i = 0; i < committed; i++) {
                if (i < files.size()) {
                    files.get(i).rollback();
                } else {
                    dirs.get(i - files.size()).rollback();
                }
            }
            abort();
            throw e;
        }
        files.forEach(PcapngWriter::complete);
        dirs.forEach(PcapDirectoryWriter::complete);
        for (int i = 0; i < others.size(); i++) {
            try {
                others.get(i).close();
            } catch (final CaptureException e) {
                for (int j = i + 1; j < others.size(); j++) {
                    others.get(j).abort();
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

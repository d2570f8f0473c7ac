package vnetsim.pcap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/** Reads classic pcap files back through pcap4j (libpcap underneath): an independent reader. */
final class Pcap4jReader {

    record Frame(long timeNs, byte[] bytes) {
    }

    private static final String UNAVAILABLE = probe();

    private Pcap4jReader() {
    }

    /** Skips (locally) or fails (CI) the current test when pcap4j cannot load libpcap. */
    static void require() {
        ExternalTool.require(UNAVAILABLE == null, "pcap4j with native libpcap (" + UNAVAILABLE + ")");
    }

    static List<Frame> read(Path file) throws Exception {
        List<Frame> frames = new ArrayList<>();
        PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            byte[] raw;
            while ((raw = handle.getNextRawPacket()) != null) {
                java.sql.Timestamp ts = handle.getTimestamp();
                long ns = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                frames.add(new Frame(ns, raw));
            }
        } finally {
            handle.close();
        }
        return frames;
    }

    static int snaplen(Path file) throws Exception {
        PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            return handle.getSnapshot();
        } finally {
            handle.close();
        }
    }

    /** null when libpcap loads, else why not. */
    private static String probe() {
        try {
            Pcaps.libVersion();
            return null;
        } catch (LinkageError e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            return e.toString();
        }
    }
}

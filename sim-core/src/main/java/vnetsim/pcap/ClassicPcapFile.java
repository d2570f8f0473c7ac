package vnetsim.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One classic libpcap file, as tcpdump would write for a single interface, little-endian, nanosecond
 * timestamps.
 *
 * <p>File header (24 bytes):
 * <pre>
 * +---------------------------------------------------------------+
 * |                Magic Number = 0xA1B23C4D (ns)                 |
 * |     Major Version = 2         |      Minor Version = 4        |
 * |                       thiszone = 0                            |
 * |                       sigfigs = 0                             |
 * |                     SnapLen = 262144                          |
 * |                   LinkType = 1 (Ethernet)                     |
 * +---------------------------------------------------------------+
 * </pre>
 * Record (16-byte header, then the frame, no padding):
 * <pre>
 * +---------------------------------------------------------------+
 * |                    Timestamp (seconds)                        |
 * |                    Timestamp (nanoseconds)                    |
 * |                    Captured Packet Length                     |
 * |                    Original Packet Length                     |
 * /                    Packet Data                                /
 * +---------------------------------------------------------------+
 * </pre>
 */
final class ClassicPcapFile {

    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int SNAPLEN = PcapngWriter.SNAPLEN;
    static final int LINKTYPE_ETHERNET = 1;
    /** The seconds field is unsigned 32-bit. */
    static final long MAX_TIME_NS = (0xFFFFFFFFL + 1) * 1_000_000_000L - 1;

    private final String fileName;
    private final OutputStream out;
    private final LeBuffer header = new LeBuffer();
    private long frames;

    private ClassicPcapFile(String fileName, OutputStream out) {
        this.fileName = fileName;
        this.out = out;
    }

    /** Creates {@code dir/fileName} and writes the file header. */
    static ClassicPcapFile create(Path dir, String fileName, StreamOpener opener) throws IOException {
        // Small buffer: one file per interface is open at once, and a topology can have many interfaces.
        OutputStream out = new BufferedOutputStream(opener.open(dir.resolve(fileName)), 1 << 14);
        ClassicPcapFile file = new ClassicPcapFile(fileName, out);
        file.header.clear().u32(MAGIC_NANOS).u16(2).u16(4).u32(0).u32(0).u32(SNAPLEN).u32(LINKTYPE_ETHERNET);
        try {
            file.header.writeTo(out);
        } catch (IOException e) {
            file.closeQuietly();
            throw e;
        }
        return file;
    }

    /** Appends one frame; frames beyond the snaplen are truncated like a real capture (original length kept). */
    void append(long timeNs, byte[] bytes, int offset, int length) throws IOException {
        int captured = Math.min(length, SNAPLEN);
        header.clear()
                .u32((int) (timeNs / 1_000_000_000L))
                .u32((int) (timeNs % 1_000_000_000L))
                .u32(captured)
                .u32(length);
        header.writeTo(out);
        out.write(bytes, offset, captured);
        frames++;
    }

    String fileName() {
        return fileName;
    }

    long frames() {
        return frames;
    }

    void close() throws IOException {
        out.close();
    }

    void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // only used when the file is being discarded
        }
    }
}

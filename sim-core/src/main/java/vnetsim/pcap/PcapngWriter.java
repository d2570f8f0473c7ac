package vnetsim.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a single pcapng file (draft-ietf-opsawg-pcapng), little-endian, with one section and one
 * interface per distinct {@link CapturedInterface}.
 *
 * <p>Every block shares the same frame; the length is repeated at the end so readers can walk backwards:
 * <pre>
 *  0                   1                   2                   3
 * +---------------------------------------------------------------+
 * |                          Block Type                           |
 * +---------------------------------------------------------------+
 * |                      Block Total Length                       |
 * +---------------------------------------------------------------+
 * /                          Block Body  (padded to 32 bits)      /
 * +---------------------------------------------------------------+
 * |                      Block Total Length                       |
 * +---------------------------------------------------------------+
 * </pre>
 * Options inside a body are {@code code:u16 length:u16 value (padded to 32 bits)}, ended by
 * {@code opt_endofopt} (code 0, length 0).
 *
 * <p>Frames are written to a temporary file next to the target as they arrive (through a buffered stream)
 * and the file is renamed into place by {@link #close()}; an interrupted run deletes it ({@link ExitCleanup}).
 * Output depends only on the calls made.
 */
public final class PcapngWriter implements CaptureSink {

    /** Same snaplen in every IDB; larger than any Ethernet frame the simulation makes. */
    static final int SNAPLEN = 262144;

    static final int SHB_TYPE = 0x0A0D0D0A;
    static final int IDB_TYPE = 0x00000001;
    static final int EPB_TYPE = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int LINKTYPE_ETHERNET = 1;

    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int SHB_USERAPPL = 4;
    static final int IF_NAME = 2;
    static final int IF_DESCRIPTION = 3;
    static final int IF_TSRESOL = 9;
    static final int EPB_FLAGS = 2;
    /** epb_flags bits 0-1: 01 = inbound, 10 = outbound (00 = not available). */
    static final int FLAG_INBOUND = 0b01;
    static final int FLAG_OUTBOUND = 0b10;

    private static final int MAX_OPTION_LENGTH = 0xFFFF;

    private final Path target;
    /** Where the bytes go until published; null when writing straight through to a device or FIFO. */
    private final Path temp;
    /** The file {@link #temp} replaces on publishing; null when streaming. */
    private final Path destination;
    private final OutputStream out;
    private final LeBuffer block = new LeBuffer();
    private final Map<CapturedInterface, Integer> interfaceIds = new HashMap<>();
    private boolean finished;
    /** A hard link to the file being replaced, kept until the publication is final (for {@link #rollback}). */
    private Path backup;
    private boolean published;

    private PcapngWriter(Path target, Path temp, Path destination, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.destination = destination;
        this.out = out;
    }

    /**
     * Starts a capture that will appear at {@code file} when closed. A regular file (or a symbolic link to one,
     * which stays a link) is replaced atomically on {@link #close()}; a device, FIFO or socket ({@code /dev/null},
     * a pipe to Wireshark) is written through as frames arrive and never replaced; a directory or a link to
     * nothing is refused.
     */
    public static PcapngWriter create(Path file) {
        return create(file, StreamOpener.FILES);
    }

    static PcapngWriter create(Path file, StreamOpener opener) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new CaptureException(file, "target is a directory");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new CaptureException(file, "target is a symbolic link to nothing; give the path of the file to write");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return streamingTo(file, opener);
        }
        Path destination = file;
        if (Files.isSymbolicLink(file)) {
            try {
                destination = file.toRealPath();          // write through the link: the link itself stays
            } catch (IOException e) {
                throw CaptureException.of(file, e);
            }
        }
        Path parent = CaptureFiles.checkedParent(destination == file ? file : destination);
        Path temp = null;
        try {
            temp = CaptureFiles.createTempFile(parent, ".tmp");
            if (Files.isRegularFile(destination)) {
                CaptureFiles.copyPermissions(destination, temp);
            }
            final Path registered = temp;
            ExitCleanup.add(registered, () -> CaptureFiles.deleteQuietly(registered));
            OutputStream out = new BufferedOutputStream(opener.open(temp), 1 << 16);
            PcapngWriter writer = new PcapngWriter(file, temp, destination, out);
            writer.writeSectionHeader(); // on failure this cleans up the temp file itself
            return writer;
        } catch (IOException e) {
            CaptureFiles.deleteQuietly(temp);
            ExitCleanup.remove(temp);
            throw CaptureException.of(file, e);
        }
    }

    private static PcapngWriter streamingTo(Path file, StreamOpener opener) {
        try {
            PcapngWriter writer = new PcapngWriter(file, null, null,
                    new BufferedOutputStream(opener.open(file), 1 << 16));
            writer.writeSectionHeader();
            return writer;
        } catch (IOException e) {
            throw CaptureException.of(file, e);
        }
    }

    @Override
    public void capture(CapturedInterface iface, long timeNs, boolean inbound, byte[] bytes, int offset, int length,
                        String comment) {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (timeNs < 0) {
            throw new IllegalArgumentException("timeNs must be >= 0: " + timeNs);
        }
        if (finished) {
            throw new IllegalStateException("capture " + target + " is already closed or aborted");
        }
        Integer id = interfaceIds.get(iface);
        if (id == null) {
            id = interfaceIds.size();
            writeInterfaceDescription(iface);
            interfaceIds.put(iface, id);
        }
        writeEnhancedPacket(id, timeNs, inbound, bytes, offset, length, comment);
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        prepare();
        commit();
        complete();
    }

    /** Phase 1 of publishing: every byte written and the file closed; nothing visible yet. */
    void prepare() {
        finished = true;
        try {
            out.close();
        } catch (IOException e) {
            discard();
            throw CaptureException.of(target, e);
        }
    }

    /** Phase 2: the file takes its place (the file it replaces is kept aside until {@link #complete}). */
    void commit() {
        if (temp == null) {
            return;
        }
        synchronized (ExitCleanup.LOCK) {
            try {
                if (Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS)) {
                    backup = keepAside(destination);
                }
                CaptureFiles.moveIntoPlace(temp, destination);
                published = true;
                ExitCleanup.remove(temp);
                ExitCleanup.add(this, this::rollback);
            } catch (IOException e) {
                CaptureFiles.deleteQuietly(temp);
                ExitCleanup.remove(temp);
                dropBackup();
                throw CaptureException.of(target, e);
            }
        }
    }

    /** Undoes {@link #commit}: the replaced file comes back, or the new one goes. */
    void rollback() {
        synchronized (ExitCleanup.LOCK) {
            if (!published) {
                return;
            }
            try {
                if (backup != null) {
                    Files.move(backup, destination, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    backup = null;
                } else {
                    Files.deleteIfExists(destination);
                }
            } catch (IOException ignored) {
                // best effort; the caller reports the failure that made it roll back
            }
            published = false;
            ExitCleanup.remove(this);
        }
    }

    /** Phase 3: the publication is final. */
    void complete() {
        synchronized (ExitCleanup.LOCK) {
            ExitCleanup.remove(this);
            dropBackup();
        }
    }

    /** A hard link to {@code file} under a temporary name (no copy; the file stays in place), or null. */
    private static Path keepAside(Path file) {
        try {
            return Files.createLink(CaptureFiles.tempPath(file.toAbsolutePath().getParent(), ".old"), file);
        } catch (IOException | UnsupportedOperationException e) {
            return null;                                   // no hard links here: a rollback cannot restore it
        }
    }

    private void dropBackup() {
        if (backup != null) {
            CaptureFiles.deleteQuietly(backup);
            backup = null;
        }
    }

    /** Discards what was written; a no-op once published. After {@link #prepare} it still deletes the files. */
    @Override
    public void abort() {
        if (published) {
            return;
        }
        finished = true;
        discard();
    }

    /**
     * Section Header Block:
     * <pre>
     * +---------------------------------------------------------------+
     * |                   Block Type = 0x0A0D0D0A                     |
     * |                      Block Total Length                       |
     * |                Byte-Order Magic = 0x1A2B3C4D                  |
     * |   Major Version = 1           |      Minor Version = 0        |
     * |              Section Length = -1 (unknown, 64 bits)           |
     * /                 Options (shb_userappl)                        /
     * |                      Block Total Length                       |
     * +---------------------------------------------------------------+
     * </pre>
     * Section length is -1 because we stream and never seek back.
     */
    private void writeSectionHeader() {
        begin(SHB_TYPE);
        block.u32(BYTE_ORDER_MAGIC).u16(1).u16(0).u64(-1L);
        option(SHB_USERAPPL, utf8("vnetsim"));
        endOfOptions();
        end();
    }

    /**
     * Interface Description Block; its interface id is its position among the IDBs (0, 1, ...):
     * <pre>
     * +---------------------------------------------------------------+
     * |                    Block Type = 0x00000001                    |
     * |                      Block Total Length                       |
     * |   LinkType = 1 (Ethernet)     |          Reserved = 0         |
     * |                     SnapLen = 262144                          |
     * /      Options (if_name, if_description, if_tsresol = 9)        /
     * |                      Block Total Length                       |
     * +---------------------------------------------------------------+
     * </pre>
     * if_tsresol 9 means timestamps count units of 10^-9 s, so simulated nanoseconds go in unchanged.
     */
    private void writeInterfaceDescription(CapturedInterface iface) {
        begin(IDB_TYPE);
        block.u16(LINKTYPE_ETHERNET).u16(0).u32(SNAPLEN);
        option(IF_NAME, utf8(iface.ifName()));
        if (iface.description() != null) {
            option(IF_DESCRIPTION, utf8(iface.description()));
        }
        option(IF_TSRESOL, new byte[] {9});
        endOfOptions();
        end();
    }

    /**
     * Enhanced Packet Block:
     * <pre>
     * +---------------------------------------------------------------+
     * |                    Block Type = 0x00000006                    |
     * |                      Block Total Length                       |
     * |                         Interface ID                          |
     * |                       Timestamp (High)                        |
     * |                       Timestamp (Low)                         |
     * |                    Captured Packet Length                     |
     * |                    Original Packet Length                     |
     * /              Packet Data (padded to 32 bits)                  /
     * /             Options (epb_flags, opt_comment)                  /
     * |                      Block Total Length                       |
     * +---------------------------------------------------------------+
     * </pre>
     * Frames beyond the snaplen are truncated (original length still records the real size), as a real
     * capture would, so readers never see a frame longer than the interface promised.
     */
    private void writeEnhancedPacket(int id, long timeNs, boolean inbound, byte[] bytes, int offset, int length,
                                     String comment) {
        int captured = Math.min(length, SNAPLEN);
        begin(EPB_TYPE);
        block.u32(id).u32((int) (timeNs >>> 32)).u32((int) timeNs).u32(captured).u32(length);
        block.bytes(bytes, offset, captured).pad32();
        int flags = inbound ? FLAG_INBOUND : FLAG_OUTBOUND;
        block.u16(EPB_FLAGS).u16(4).u32(flags);
        if (comment != null) {
            option(OPT_COMMENT, utf8(comment));
        }
        endOfOptions();
        end();
    }

    private void begin(int type) {
        block.clear().u32(type).u32(0); // length back-filled by end()
    }

    private void option(int code, byte[] value) {
        block.u16(code).u16(value.length).bytes(value).pad32();
    }

    private void endOfOptions() {
        block.u16(OPT_ENDOFOPT).u16(0);
    }

    private void end() {
        int total = block.position() + 4;
        block.u32(total);
        block.u32At(4, total);
        try {
            block.writeTo(out);
        } catch (IOException e) {
            finished = true;
            discard();
            throw CaptureException.of(target, e);
        }
    }

    private void discard() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is being thrown away anyway
        }
        if (temp != null) {
            CaptureFiles.deleteQuietly(temp);
            ExitCleanup.remove(temp);
        }
    }

    /** UTF-8, cut at a character boundary to fit a 16-bit option length. */
    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= MAX_OPTION_LENGTH) {
            return b;
        }
        int n = MAX_OPTION_LENGTH;
        while (n > 0 && (b[n] & 0xC0) == 0x80) {
            n--; // b[n] is a continuation byte: do not split the character it belongs to
        }
        return Arrays.copyOf(b, n);
    }
}

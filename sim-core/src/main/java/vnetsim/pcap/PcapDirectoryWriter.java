package vnetsim.pcap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes a directory of classic {@code .pcap} files, one per interface, as if tcpdump had run on each, for
 * tools that cannot read pcapng. Classic pcap has no room for direction or comments; those exist only in
 * the pcapng output.
 *
 * <p>Layout of the finished directory:
 * <pre>
 * target/
 *   index.tsv           file, device, interface, description, frames (one row per interface)
 *   vm-a_eth0.pcap
 *   switch_port_1_trunk.pcap
 *   ...
 * </pre>
 * File names come from {@link SafeFileNames}; {@code index.tsv} maps them back. In index fields, backslash,
 * tab, CR and LF are escaped as {@code \\ \t \r \n} so every row stays one line of five columns.
 *
 * <p>Everything is written into a temporary directory next to the target, renamed into place on
 * {@link #close()}. If the target already exists it must be empty or a previous capture (has
 * {@code index.tsv}); a previous capture is replaced. That replacement is two renames, so for an instant
 * the target is absent, but it is never half-written.
 */
public final class PcapDirectoryWriter implements CaptureSink {

    static final String INDEX = "index.tsv";
    static final String INDEX_HEADER = "file\tdevice\tinterface\tdescription\tframes";

    private final Path target;
    private final Path temp;
    private final StreamOpener opener;
    private final SafeFileNames names = new SafeFileNames(".pcap");
    /** Insertion order = first-capture order, which fixes file-name suffixes and index row order. */
    private final Map<CapturedInterface, ClassicPcapFile> files = new LinkedHashMap<>();
    private boolean finished;

    private PcapDirectoryWriter(Path target, Path temp, StreamOpener opener) {
        this.target = target;
        this.temp = temp;
        this.opener = opener;
    }

    /** Starts a capture that will appear as directory {@code dir} when closed. */
    public static PcapDirectoryWriter create(Path dir) {
        return create(dir, StreamOpener.FILES);
    }

    static PcapDirectoryWriter create(Path dir, StreamOpener opener) {
        Path parent = CaptureFiles.checkedParent(dir);
        checkReplaceable(dir);
        try {
            Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".");
            return new PcapDirectoryWriter(dir, temp, opener);
        } catch (IOException e) {
            throw CaptureException.of(dir, e);
        }
    }

    @Override
    public void capture(CapturedInterface iface, long timeNs, boolean inbound, byte[] bytes, int offset, int length,
                        String comment) {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (timeNs < 0 || timeNs > ClassicPcapFile.MAX_TIME_NS) {
            throw new IllegalArgumentException("timeNs out of classic pcap range: " + timeNs);
        }
        if (finished) {
            throw new IllegalStateException("capture " + target + " is already closed or aborted");
        }
        ClassicPcapFile file = files.get(iface);
        String fileName = file != null ? file.fileName() : names.assign(iface.ifName());
        try {
            if (file == null) {
                file = ClassicPcapFile.create(temp, fileName, opener);
                files.put(iface, file);
            }
            file.append(timeNs, bytes, offset, length);
        } catch (IOException e) {
            throw fail("writing " + fileName, e);
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            for (ClassicPcapFile file : files.values()) {
                file.close();
            }
            writeIndex();
        } catch (IOException e) {
            throw fail("finishing files", e);
        }
        finished = true;
        try {
            publish();
        } catch (IOException e) {
            CaptureFiles.deleteQuietly(temp);
            throw CaptureException.of(target, e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        discard();
    }

    private void writeIndex() throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(temp.resolve(INDEX), StandardCharsets.UTF_8)) {
            w.write(INDEX_HEADER);
            w.write('\n');
            for (Map.Entry<CapturedInterface, ClassicPcapFile> e : files.entrySet()) {
                CapturedInterface i = e.getKey();
                w.write(String.join("\t", escape(e.getValue().fileName()), escape(i.device()), escape(i.iface()),
                        escape(i.description() == null ? "" : i.description()),
                        Long.toString(e.getValue().frames())));
                w.write('\n');
            }
        }
    }

    private void publish() throws IOException {
        if (!Files.exists(target)) {
            CaptureFiles.moveIntoPlace(temp, target);
            return;
        }
        // A non-empty directory cannot be renamed over; move the old capture aside first, then drop it.
        Path old = temp.resolveSibling(temp.getFileName() + ".old");
        Files.move(target, old);
        try {
            CaptureFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            Files.move(old, target); // put the previous capture back rather than leave nothing
            throw e;
        }
        CaptureFiles.deleteQuietly(old);
    }

    /** Refuses to replace anything that is not clearly ours, so a typo cannot wipe someone's directory. */
    private static void checkReplaceable(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new CaptureException(dir, "target exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(dir.resolve(INDEX))) {
                throw new CaptureException(dir,
                        "target directory is not empty and holds no " + INDEX + " from a previous capture");
            }
        } catch (IOException e) {
            throw CaptureException.of(dir, e);
        }
    }

    private CaptureException fail(String what, IOException e) {
        finished = true;
        discard();
        return CaptureException.of(target, what, e);
    }

    private void discard() {
        files.values().forEach(ClassicPcapFile::closeQuietly);
        CaptureFiles.deleteQuietly(temp);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}

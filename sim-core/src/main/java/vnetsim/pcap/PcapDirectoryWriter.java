package vnetsim.pcap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vnetsim.io.InputException;
import vnetsim.io.TextFiles;

/**
 * Writes a directory of classic {@code .pcap} files, one per interface, as if tcpdump had run on each, for
 * tools that cannot read pcapng. Classic pcap has no room for direction or comments; those exist only in
 * the pcapng output.
 *
 * <p>Layout of the finished directory:
 * <pre>
 * target/
 *   .vnetsim-capture    marks the directory as vnetsim's: the files index.tsv lists are vnetsim's to replace
 *   index.tsv           file, device, interface, description, frames (one row per interface)
 *   vm-a_eth0.pcap
 *   switch_port_1_trunk.pcap
 *   ...
 * </pre>
 * File names come from {@link SafeFileNames}; {@code index.tsv} maps them back. In index fields, backslash,
 * tab, CR and LF are escaped as {@code \\ \t \r \n} so every row stays one line of five columns.
 *
 * <p>A user's files are never deleted or replaced. A target that does not exist is written as a temporary
 * directory next to it and renamed into place on {@link #close()}. An existing directory is used only when it is
 * empty or holds {@code .vnetsim-capture}; the new files are written into a temporary directory inside it and
 * moved in on {@link #close()}, and of what was there only the previous capture's files (those its
 * {@code index.tsv} lists, the index and the marker) are replaced or removed: a file of the user's with the name a
 * new capture file would take is an error, not an overwrite. An interrupted run leaves nothing
 * ({@link ExitCleanup}).
 */
public final class PcapDirectoryWriter implements CaptureSink {

    static final String INDEX = "index.tsv";
    static final String INDEX_HEADER = "file\tdevice\tinterface\tdescription\tframes";
    /** The marker file of a directory vnetsim made. */
    static final String MARKER = ".vnetsim-capture";
    static final String MARKER_TEXT = "This directory holds a vnetsim capture. vnetsim replaces the files index.tsv "
            + "lists, index.tsv and this file, and nothing else.\n";
    /** Largest previous index read back (a capture of thousands of interfaces stays far below). */
    private static final long INDEX_LIMIT = 16L << 20;

    private final Path target;
    /** The directory that receives the files: {@link #target} itself, or its real path through a link. */
    private final Path destination;
    private final Path temp;
    /** Files of a previous capture in {@link #destination}, or null when the target is created anew. */
    private final Set<String> previous;
    private final StreamOpener opener;
    private final SafeFileNames names = new SafeFileNames(".pcap");
    /** Insertion order = first-capture order, which fixes file-name suffixes and index row order. */
    private final Map<CapturedInterface, ClassicPcapFile> files = new LinkedHashMap<>();
    private boolean finished;
    /** Where a previous capture's files wait until the publication is final; null otherwise. */
    private Path aside;
    private final List<String> movedAside = new ArrayList<>();
    private final List<String> movedIn = new ArrayList<>();
    private boolean published;

    private PcapDirectoryWriter(Path target, Path destination, Path temp, Set<String> previous,
                                StreamOpener opener) {
        this.target = target;
        this.destination = destination;
        this.temp = temp;
        this.previous = previous;
        this.opener = opener;
    }

    /**
     * Starts a capture that will appear as directory {@code dir} when closed.
     *
     * @param dir the directory to create, or an empty one or one an earlier capture made, to replace its files
     * @return the writer; nothing is visible at {@code dir} until {@link #close()}
     * @throws CaptureException when {@code dir} cannot be used (a file, a directory of the user's, unwritable)
     */
    public static PcapDirectoryWriter create(Path dir) {
        return create(dir, StreamOpener.FILES);
    }

    static PcapDirectoryWriter create(Path dir, StreamOpener opener) {
        Path parent = CaptureFiles.checkedParent(dir);
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Path temp = CaptureFiles.createTempDirectory(parent, ".tmp");
                ExitCleanup.add(temp, () -> CaptureFiles.deleteQuietly(temp));
                return new PcapDirectoryWriter(dir, dir, temp, null, opener);
            }
            if (!Files.isDirectory(dir)) {
                throw new CaptureException(dir, "target exists and is not a directory");
            }
            Path real = dir.toRealPath();
            Set<String> previous = previousCapture(dir, real);
            Path temp = CaptureFiles.createTempDirectory(real, ".tmp");
            ExitCleanup.add(temp, () -> CaptureFiles.deleteQuietly(temp));
            return new PcapDirectoryWriter(dir, real, temp, previous, opener);
        } catch (IOException e) {
            throw CaptureException.of(dir, e);
        }
    }

    /**
     * The names vnetsim may replace in an existing directory: none for an empty one, the previous capture's
     * files for one vnetsim made; anything else is refused, so a typo cannot touch someone's directory.
     */
    private static Set<String> previousCapture(Path shown, Path dir) throws IOException {
        Set<String> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> ours = new TreeSet<>();
        if (entries.isEmpty()) {
            return ours;
        }
        if (!Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            throw new CaptureException(shown, "target directory is not empty and was not made by vnetsim (it has no "
                    + MARKER + "); give a new or empty directory");
        }
        ours.add(MARKER);
        Path index = dir.resolve(INDEX);
        if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            ours.add(INDEX);
            String text;
            try {
                text = TextFiles.readUtf8(index, INDEX_LIMIT, "capture index");
            } catch (InputException e) {
                throw new CaptureException(shown, "cannot read its previous " + INDEX + ": " + e.getMessage());
            }
            text.lines().skip(1).map(line -> unescape(line.split("\t", -1)[0]))
                    .filter(PcapDirectoryWriter::isPlainName).forEach(ours::add);
        }
        return ours;
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
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
        prepare();
        commit();
        complete();
    }

    /** Phase 1 of publishing: every file written and closed, nothing visible yet; refuses to replace a user's file. */
    void prepare() {
        try {
            for (ClassicPcapFile file : files.values()) {
                file.close();
            }
            writeIndex();
        } catch (IOException e) {
            throw fail("finishing files", e);
        }
        finished = true;
        if (previous != null) {
            for (String name : newNames()) {
                if (!previous.contains(name) && Files.exists(destination.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    discard();
                    throw new CaptureException(target, "it holds " + name + ", which vnetsim did not write; move it "
                            + "away or give another directory");
                }
            }
        }
    }

    /** Phase 2: the files take their place; what they replace is kept aside until {@link #complete}. */
    void commit() {
        synchronized (ExitCleanup.LOCK) {
            try {
                if (previous == null) {
                    CaptureFiles.moveIntoPlace(temp, destination);
                } else {
                    aside = CaptureFiles.createTempDirectory(destination, ".old");
                    for (String name : previous) {
                        if (Files.exists(destination.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                            Files.move(destination.resolve(name), aside.resolve(name));
                            movedAside.add(name);
                        }
                    }
                    for (String name : newNames()) {
                        Files.move(temp.resolve(name), destination.resolve(name));
                        movedIn.add(name);
                    }
                    Files.delete(temp);
                }
                published = true;
                ExitCleanup.remove(temp);
                ExitCleanup.add(this, this::rollback);
            } catch (IOException e) {
                published = true;
                rollback();
                CaptureFiles.deleteQuietly(temp);
                ExitCleanup.remove(temp);
                throw CaptureException.of(target, e);
            }
        }
    }

    /** Undoes {@link #commit}: the new files go, the previous capture's come back. */
    void rollback() {
        synchronized (ExitCleanup.LOCK) {
            if (!published) {
                return;
            }
            if (previous == null) {
                CaptureFiles.deleteQuietly(destination);
            } else {
                for (String name : movedIn) {
                    try {
                        Files.deleteIfExists(destination.resolve(name));
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
                for (String name : movedAside) {
                    try {
                        Files.move(aside.resolve(name), destination.resolve(name));
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
                CaptureFiles.deleteQuietly(aside);
            }
            published = false;
            ExitCleanup.remove(this);
        }
    }

    /** Phase 3: the publication is final; the previous capture's files go. */
    void complete() {
        synchronized (ExitCleanup.LOCK) {
            ExitCleanup.remove(this);
            if (aside != null) {
                CaptureFiles.deleteQuietly(aside);
                aside = null;
            }
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

    /** The names this capture writes: one per interface, the index, the marker. */
    private List<String> newNames() {
        List<String> result = new ArrayList<>();
        files.values().forEach(f -> result.add(f.fileName()));
        result.add(INDEX);
        result.add(MARKER);
        return result;
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
        Files.writeString(temp.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
    }

    private CaptureException fail(String what, IOException e) {
        finished = true;
        discard();
        return CaptureException.of(target, what, e);
    }

    private void discard() {
        files.values().forEach(ClassicPcapFile::closeQuietly);
        CaptureFiles.deleteQuietly(temp);
        ExitCleanup.remove(temp);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'r' ? '\r' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.pcap.Scenario.F4;
import static vnetsim.pcap.Scenario.VM_NIC;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A user's files are sacred: captures go only where pointed, replace only what vnetsim made, leave no temp files. */
class FileSafetyTest {
    @TempDir
    Path dir;

    private static List<String> list(final Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void oneFrame(final CaptureSink sink) {
        sink.capture(VM_NIC, 1, true, F4, 0, F4.length, "step 1 in");
    }

    @Test
    void directoryWithAUsersIndexTsvIsRefusedAndNothingInItIsTouched() throws IOException {
        final Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve("index.tsv"), "my own index\n");
        Files.createDirectories(home.resolve("thesis/chapters"));
        Files.writeString(home.resolve("thesis/chapters/1.md"), "years of work");

        assertThatThrownBy(() -> PcapDirectoryWriter.create(home)).isInstanceOf(CaptureException.class)
                .hasMessage("cannot write capture " + home + ": target directory is not empty and was not made by "
                        + "vnetsim (it has no .vnetsim-capture); give a new or empty directory");

        assertThat(list(home)).containsExactly("index.tsv", "thesis");
        assertThat(Files.readString(home.resolve("thesis/chapters/1.md"))).isEqualTo("years of work");
        assertThat(list(dir)).containsExactly("home");
    }

    @Test
    void recapturingIntoAVnetsimDirectoryReplacesOnlyVnetsimsFiles() throws IOException {
        final Path caps = dir.resolve("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            Scenario.play(w);
        }
        Files.writeString(caps.resolve("notes.txt"), "what I saw");
        Files.createDirectory(caps.resolve("old-runs"));

        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            oneFrame(w);
        }

        assertThat(list(caps)).containsExactly(".vnetsim-capture", "index.tsv", "notes.txt", "old-runs",
                "vm-a_eth0.pcap");
        assertThat(Files.readString(caps.resolve("notes.txt"))).isEqualTo("what I saw");
        assertThat(list(dir)).containsExactly("caps");
    }

    @Test
    void aUsersFileWhereACaptureFileWouldGoIsAnErrorNotAnOverwrite() throws IOException {
        final Path caps = dir.resolve("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            Scenario.play(w);
        }
        Files.delete(caps.resolve("vm-a_eth0.pcap"));
        Files.writeString(caps.resolve("vm-a_eth0.pcap"), "mine now");
        Files.writeString(caps.resolve("index.tsv"), "file\tdevice\tinterface\tdescription\tframes\n");
        final PcapDirectoryWriter w = PcapDirectoryWriter.create(caps);
        oneFrame(w);

        assertThatThrownBy(w::close).isInstanceOf(CaptureException.class).hasMessage("cannot write capture " + caps
                + ": it holds vm-a_eth0.pcap, which vnetsim did not write; move it away or give another directory");
        assertThat(Files.readString(caps.resolve("vm-a_eth0.pcap"))).isEqualTo("mine now");
        assertThat(list(caps)).noneMatch(n -> n.startsWith(".vnetsim-") && !n.equals(".vnetsim-capture"));
    }

    @Test
    void emptyDirectoryIsUsedInPlace() throws IOException {
        final Path caps = Files.createDirectory(dir.resolve("caps"));
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            oneFrame(w);
        }
        assertThat(list(caps)).containsExactly(".vnetsim-capture", "index.tsv", "vm-a_eth0.pcap");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        final Path fifo = dir.resolve("wireshark.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        final byte[][] read = new byte[1][];
        final Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                read[0] = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        try (PcapngWriter w = PcapngWriter.create(fifo)) {
            oneFrame(w);
        }
        reader.join(10_000);

        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat((Integer) Files.getAttribute(fifo, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
                .isEqualTo(0010000);                                            // S_IFIFO
        assertThat(read[0]).hasSizeGreaterThan(100);
        assertThat(list(dir)).containsExactly("wireshark.fifo");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devNullIsWrittenThroughNotReplaced() throws IOException {
        final Path devNull = Path.of("/dev/null");
        try (PcapngWriter w = PcapngWriter.create(devNull)) {
            oneFrame(w);
        }
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat((Integer) Files.getAttribute(devNull, "unix:mode") & 0170000).isEqualTo(0020000);  // S_IFCHR
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetGetsTheCapture() throws IOException {
        final Path real = Files.writeString(dir.resolve("real.pcapng"), "old");
        final Path link = Files.createSymbolicLink(dir.resolve("link.pcapng"), real.getFileName());
        try (PcapngWriter w = PcapngWriter.create(link)) {
            oneFrame(w);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.size(real)).isGreaterThan(100);
        assertThat(list(dir)).containsExactly("link.pcapng", "real.pcapng");
    }

    @Test
    void aLinkToNothingIsRefused() throws IOException {
        final Path link = Files.createSymbolicLink(dir.resolve("link.pcapng"), dir.resolve("gone"));
        assertThatThrownBy(() -> PcapngWriter.create(link)).isInstanceOf(CaptureException.class).hasMessage(
                "cannot write capture " + link + ": target is a symbolic link to nothing; give the path of the file "
                        + "to write");
        assertThat(list(dir)).containsExactly("link.pcapng");
    }

    @Test
    void aFileNameOfTheFullLengthGetsATemporaryNameThatFits() throws IOException {
        final Path file = dir.resolve("a".repeat(248) + ".pcapng");            // 255 bytes, the limit
        try (PcapngWriter w = PcapngWriter.create(file)) {
            oneFrame(w);
        }
        assertThat(list(dir)).containsExactly(file.getFileName().toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void newCaptureFilesGetTheModeAnyNewFileGets() throws IOException {
        final Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.writeString(dir.resolve("x"), ""));
        final Path file = dir.resolve("f.pcapng");
        try (PcapngWriter w = PcapngWriter.create(file)) {
            oneFrame(w);
        }
        final Path caps = dir.resolve("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            oneFrame(w);
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(caps.resolve("vm-a_eth0.pcap"))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(caps.resolve("index.tsv"))).isEqualTo(usual);
    }

    @Test
    void bothOutputsOfARunArePublishedTogetherOrNotAtAll() throws IOException {
        final Path file = Files.writeString(dir.resolve("f.pcapng"), "previous capture");
        final Path caps = dir.resolve("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(caps)) {
            oneFrame(w);
        }
        Files.delete(caps.resolve("vm-a_eth0.pcap"));
        Files.writeString(caps.resolve("vm-a_eth0.pcap"), "user's file");
        Files.writeString(caps.resolve("index.tsv"), "file\tdevice\tinterface\tdescription\tframes\n");
        final TeeSink both = new TeeSink(List.of(PcapngWriter.create(file), PcapDirectoryWriter.create(caps)));
        oneFrame(both);

        assertThatThrownBy(both::close).isInstanceOf(CaptureException.class).hasMessageContaining("vm-a_eth0.pcap");
        assertThat(Files.readString(file)).isEqualTo("previous capture");
        assertThat(list(dir)).containsExactly("caps", "f.pcapng");
        assertThat(list(caps)).containsExactly(".vnetsim-capture", "index.tsv", "vm-a_eth0.pcap");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anInterruptedRunLeavesNoTemporaryFiles() throws Exception {
        final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InterruptedCapture.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        assertThat(list(dir)).isNotEmpty();                                   // the temporaries exist

        p.destroy();                                                          // SIGTERM
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

        assertThat(list(dir)).isEmpty();
    }
}

package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.pcap.Scenario.BRIDGE;
import static vnetsim.pcap.Scenario.DROP_COMMENT;
import static vnetsim.pcap.Scenario.F1;
import static vnetsim.pcap.Scenario.TRUNK;
import static vnetsim.pcap.Scenario.VM_NIC;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngWriterTest {

    @TempDir
    Path dir;

    private Path writeScenario(String name) {
        Path file = dir.resolve(name);
        try (PcapngWriter w = PcapngWriter.create(file)) {
            Scenario.play(w);
        }
        return file;
    }

    @Test
    void a_bare_file_name_that_already_exists_is_replaced_like_any_other_path() throws Exception {
        // `--pcap f.pcapng` run twice in the working directory: the path has no parent (it threw before)
        final Path bare = Path.of("vnetsim-bare-name-" + ProcessHandle.current().pid() + ".pcapng");
        try {
            for (int run = 0; run < 2; run++) {
                try (PcapngWriter w = PcapngWriter.create(bare)) {
                    Scenario.play(w);
                }
            }
            assertThat(Files.readAllBytes(bare)).isEqualTo(Files.readAllBytes(writeScenario("same.pcapng")));
        } finally {
            Files.deleteIfExists(bare);
        }
    }

    @Test
    void writes_one_interface_block_per_interface_with_name_and_nanosecond_resolution() throws Exception {
        Path file = writeScenario("run.pcapng");

        // Own structural check: SHB, then each IDB lazily just before its interface's first EPB.
        assertThat(PcapngBlocks.types(Files.readAllBytes(file)))
                .containsExactly(0x0A0D0D0A, 1, 6, 1, 6, 6, 1, 6);

        Tshark.require();
        assertThat(Tshark.fields(file, "frame.interface_id", "frame.interface_name",
                "frame.interface_description", "frame.time_epoch"))
                .containsExactly(
                        List.of("0", "vm-a/eth0", "VM NIC of vm-a", "5000000.123456789"),
                        List.of("1", "switch/port 1:trunk", "trunk to host-b", "5000000.123457789"),
                        List.of("1", "switch/port 1:trunk", "trunk to host-b", "5000000.123458789"),
                        List.of("2", "host-b/br0.2003", "bridge port, VLAN 2003", "5000000.123459790"));
    }

    @Test
    void records_vlan_ttl_direction_and_trace_comment_per_frame() throws Exception {
        Path file = writeScenario("run.pcapng");

        Tshark.require();
        assertThat(Tshark.fields(file, "frame.len", "vlan.id", "ip.ttl", "frame.packet_flags_direction",
                "frame.comment"))
                .containsExactly(
                        List.of(String.valueOf(F1.length), "", "64", "0x00000002", "step 1 out"),
                        List.of(String.valueOf(F1.length + 4), "2003", "64", "0x00000001", "step 2 in"),
                        List.of(String.valueOf(F1.length + 4), "4094", "63", "0x00000002", ""),
                        List.of(String.valueOf(F1.length), "", "63", "0x00000001", DROP_COMMENT));
    }

    @Test
    void tshark_finds_no_bad_checksums_and_no_warnings() throws Exception {
        Path file = writeScenario("run.pcapng");

        Tshark.require();
        Tshark.Result bad = Tshark.run("-n", "-r", file.toString(), "-o", "ip.check_checksum:TRUE",
                "-Y", "ip.checksum.status == \"Bad\"");
        assertThat(bad.exitCode()).isZero();
        assertThat(bad.stdout()).isBlank();
        assertThat(bad.stderr()).isEmpty();

        Tshark.Result expert = Tshark.run("-n", "-r", file.toString(), "-o", "ip.check_checksum:TRUE",
                "-q", "-z", "expert,warn");
        assertThat(expert.exitCode()).isZero();
        assertThat(expert.stdout()).isBlank(); // no Warnings/Errors sections at all
        assertThat(expert.stderr()).isEmpty();
    }

    @Test
    void same_calls_give_byte_identical_files() throws Exception {
        byte[] first = Files.readAllBytes(writeScenario("a.pcapng"));
        byte[] second = Files.readAllBytes(writeScenario("b.pcapng"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void leaves_nothing_until_close_and_only_the_target_after() throws Exception {
        Path file = dir.resolve("run.pcapng");
        PcapngWriter w = PcapngWriter.create(file);
        Scenario.play(w);
        assertThat(file).doesNotExist();
        w.close();
        assertThat(listing()).containsExactly("run.pcapng");
    }

    @Test
    void abort_leaves_nothing_behind() throws Exception {
        PcapngWriter w = PcapngWriter.create(dir.resolve("run.pcapng"));
        Scenario.play(w);
        w.abort();
        w.close(); // no-op after abort
        assertThat(listing()).isEmpty();
    }

    @Test
    void missing_parent_directory_throws_capture_exception_naming_the_path() throws Exception {
        Path file = dir.resolve("nope").resolve("x.pcapng");
        assertThatThrownBy(() -> PcapngWriter.create(file))
                .isInstanceOf(CaptureException.class)
                .hasMessage("cannot write capture " + file + ": parent directory does not exist");
        assertThat(listing()).isEmpty();
    }

    @Test
    void parent_that_is_a_file_throws_capture_exception_naming_the_path() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        Path file = notADir.resolve("x.pcapng");
        assertThatThrownBy(() -> PcapngWriter.create(file))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("cannot write capture " + file + ": parent is not a directory");
        assertThat(listing()).containsExactly("plain");
    }

    @Test
    void disk_full_mid_capture_throws_capture_exception_and_leaves_no_temp_file() throws Exception {
        Path file = dir.resolve("run.pcapng");
        // The buffered stream flushes to the device once 64 KiB accumulate; fail there, like ENOSPC would.
        PcapngWriter w = PcapngWriter.create(file, p -> new DiskFullAfter(Files.newOutputStream(p), 1000));
        byte[] big = new byte[1500];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                w.capture(VM_NIC, i, true, big, 0, big.length, null);
            }
        }).isInstanceOf(CaptureException.class)
                .hasMessage("cannot write capture " + file + ": No space left on device");
        assertThat(listing()).isEmpty();
        w.close(); // already failed: must not resurrect anything
        assertThat(listing()).isEmpty();
        assertThatThrownBy(() -> w.capture(VM_NIC, 0, true, big, 0, 10, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejects_bad_arguments_before_writing() {
        try (PcapngWriter w = PcapngWriter.create(dir.resolve("run.pcapng"))) {
            assertThatThrownBy(() -> w.capture(BRIDGE, -1, true, F1, 0, F1.length, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.capture(TRUNK, 0, true, F1, 1, F1.length, null))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void oversized_comment_is_cut_to_the_option_limit_at_a_character_boundary() throws Exception {
        String huge = "é".repeat(40_000); // 80,000 UTF-8 bytes; an option length is 16 bits
        Path file = dir.resolve("run.pcapng");
        try (PcapngWriter w = PcapngWriter.create(file)) {
            w.capture(VM_NIC, 0, true, F1, 0, F1.length, huge);
        }
        assertThat(PcapngWriter.utf8(huge)).hasSize(65534);
        assertThat(PcapngBlocks.types(Files.readAllBytes(file))).containsExactly(0x0A0D0D0A, 1, 6);

        Tshark.require();
        assertThat(Tshark.fields(file, "frame.comment")).containsExactly(List.of("é".repeat(32_767)));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Accepts {@code limit} bytes, then fails the way a full disk does. */
    static final class DiskFullAfter extends FilterOutputStream {
        private long left;

        DiskFullAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}

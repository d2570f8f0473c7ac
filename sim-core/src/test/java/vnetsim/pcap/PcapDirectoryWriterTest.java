package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vnetsim.pcap.Scenario.BRIDGE;
import static vnetsim.pcap.Scenario.F1;
import static vnetsim.pcap.Scenario.F2;
import static vnetsim.pcap.Scenario.F3;
import static vnetsim.pcap.Scenario.F4;
import static vnetsim.pcap.Scenario.T0;
import static vnetsim.pcap.Scenario.TRUNK;
import static vnetsim.pcap.Scenario.VM_NIC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapDirectoryWriterTest {

    @TempDir
    Path dir;

    private Path writeScenario(String name) {
        Path target = dir.resolve(name);
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(target)) {
            Scenario.play(w);
        }
        return target;
    }

    @Test
    void writes_one_nanosecond_pcap_per_interface_that_pcap4j_reads_back_byte_for_byte() throws Exception {
        Path out = writeScenario("caps");
        assertThat(list(out)).containsExactly(".vnetsim-capture",
                "host-b_br0.2003.pcap", "index.tsv", "switch_port_1_trunk.pcap", "vm-a_eth0.pcap");

        // File header: ns magic, v2.4, zone 0, sigfigs 0, snaplen 262144, Ethernet -- little-endian.
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve("vm-a_eth0.pcap")), 24);
        assertThat(HexFormat.of().formatHex(header))
                .isEqualTo("4d3cb2a1" + "02000400" + "00000000" + "00000000" + "00000400" + "01000000");

        Pcap4jReader.require();
        assertThat(Pcap4jReader.snaplen(out.resolve("vm-a_eth0.pcap"))).isEqualTo(262144);
        List<Pcap4jReader.Frame> vm = Pcap4jReader.read(out.resolve("vm-a_eth0.pcap"));
        List<Pcap4jReader.Frame> trunk = Pcap4jReader.read(out.resolve("switch_port_1_trunk.pcap"));
        List<Pcap4jReader.Frame> bridge = Pcap4jReader.read(out.resolve("host-b_br0.2003.pcap"));
        assertThat(vm).hasSize(1);
        assertThat(vm.get(0).bytes()).isEqualTo(F1);
        assertThat(vm.get(0).timeNs()).isEqualTo(T0);
        assertThat(trunk).extracting(Pcap4jReader.Frame::bytes).containsExactly(F2, F3);
        assertThat(trunk).extracting(Pcap4jReader.Frame::timeNs).containsExactly(T0 + 1_000, T0 + 2_000);
        assertThat(bridge).extracting(Pcap4jReader.Frame::bytes).containsExactly(F4);
        assertThat(bridge).extracting(Pcap4jReader.Frame::timeNs).containsExactly(T0 + 3_001);
    }

    @Test
    void tshark_sees_vlan_ids_ttls_and_valid_checksums_in_each_pcap() throws Exception {
        Path out = writeScenario("caps");

        Tshark.require();
        assertThat(Tshark.fields(out.resolve("switch_port_1_trunk.pcap"), "vlan.id", "ip.ttl", "frame.time_epoch"))
                .containsExactly(List.of("2003", "64", "5000000.123457789"), List.of("4094", "63", "5000000.123458789"));
        assertThat(Tshark.fields(out.resolve("vm-a_eth0.pcap"), "vlan.id", "ip.ttl"))
                .containsExactly(List.of("", "64"));
        for (String pcap : List.of("vm-a_eth0.pcap", "switch_port_1_trunk.pcap", "host-b_br0.2003.pcap")) {
            Tshark.Result bad = Tshark.run("-n", "-r", out.resolve(pcap).toString(), "-o", "ip.check_checksum:TRUE",
                    "-Y", "ip.checksum.status == \"Bad\"");
            assertThat(bad.stdout()).as(pcap).isBlank();
            assertThat(bad.stderr()).as(pcap).isEmpty();
            Tshark.Result expert = Tshark.run("-n", "-r", out.resolve(pcap).toString(), "-q", "-z", "expert,warn");
            assertThat(expert.stdout()).as(pcap).isBlank();
            assertThat(expert.stderr()).as(pcap).isEmpty();
        }
    }

    @Test
    void index_maps_safe_file_names_back_to_interfaces_and_disambiguates_clashes() throws Exception {
        Path target = dir.resolve("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(target)) {
            for (CapturedInterface i : List.of(
                    new CapturedInterface("a", "b", "slash"),
                    new CapturedInterface("a:b", "", "colon and empty iface"),
                    new CapturedInterface("A", "b", "case-only difference"),
                    new CapturedInterface("a", "b-2", "would-be suffix"),
                    new CapturedInterface("host\\x", "eth 0", "tab\there"),
                    new CapturedInterface(".", ".", null),
                    new CapturedInterface("a", "b", "slash"))) {
                w.capture(i, 0, true, F1, 0, F1.length, null);
            }
        }
        assertThat(Files.readAllLines(target.resolve("index.tsv"))).containsExactly(
                "file\tdevice\tinterface\tdescription\tframes",
                "a_b.pcap\ta\tb\tslash\t2",
                "a_b_.pcap\ta:b\t\tcolon and empty iface\t1",
                "A_b-2.pcap\tA\tb\tcase-only difference\t1",
                "a_b-2-2.pcap\ta\tb-2\twould-be suffix\t1",
                "host_x_eth_0.pcap\thost\\\\x\teth 0\ttab\\there\t1",
                "_._..pcap\t.\t.\t\t1");
        assertThat(list(target)).hasSize(8);           // 6 captures, the index and the marker
    }

    @Test
    void same_calls_give_byte_identical_directories() throws Exception {
        Path a = writeScenario("a");
        Path b = writeScenario("b");
        assertThat(list(b)).isEqualTo(list(a));
        for (String name : list(a)) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void target_appears_only_on_close_and_abort_leaves_nothing() throws Exception {
        PcapDirectoryWriter kept = PcapDirectoryWriter.create(dir.resolve("kept"));
        PcapDirectoryWriter dropped = PcapDirectoryWriter.create(dir.resolve("dropped"));
        Scenario.play(kept);
        Scenario.play(dropped);
        assertThat(dir.resolve("kept")).doesNotExist();
        dropped.abort();
        kept.close();
        assertThat(list(dir)).containsExactly("kept");
    }

    @Test
    void replaces_a_previous_capture_but_refuses_a_foreign_directory() throws Exception {
        writeScenario("caps");
        try (PcapDirectoryWriter w = PcapDirectoryWriter.create(dir.resolve("caps"))) {
            w.capture(BRIDGE, 1, true, F4, 0, F4.length, null);
        }
        assertThat(list(dir.resolve("caps"))).containsExactly(".vnetsim-capture", "host-b_br0.2003.pcap", "index.tsv");
        assertThat(list(dir)).containsExactly("caps");

        Path foreign = Files.createDirectory(dir.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> PcapDirectoryWriter.create(foreign))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("cannot write capture " + foreign + ": target directory is not empty");
        assertThat(list(foreign)).containsExactly("notes.txt");
    }

    @Test
    void missing_parent_directory_throws_capture_exception_naming_the_path() throws Exception {
        Path target = dir.resolve("nope").resolve("caps");
        assertThatThrownBy(() -> PcapDirectoryWriter.create(target))
                .isInstanceOf(CaptureException.class)
                .hasMessage("cannot write capture " + target + ": parent directory does not exist");
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void disk_full_mid_capture_throws_capture_exception_and_leaves_no_temp_files() throws Exception {
        Path target = dir.resolve("caps");
        PcapDirectoryWriter w = PcapDirectoryWriter.create(target,
                p -> new PcapngWriterTest.DiskFullAfter(Files.newOutputStream(p), 1000));
        byte[] big = new byte[1500];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                w.capture(TRUNK, i, false, big, 0, big.length, null);
            }
        }).isInstanceOf(CaptureException.class)
                .hasMessage("cannot write capture " + target + ": writing switch_port_1_trunk.pcap: "
                        + "No space left on device");
        assertThat(list(dir)).isEmpty();
        w.close();
        assertThat(list(dir)).isEmpty();
        assertThatThrownBy(() -> w.capture(VM_NIC, 0, true, F1, 0, F1.length, null))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

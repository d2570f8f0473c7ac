package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Dot1qVlanTagPacket;
import org.pcap4j.packet.EthernetPacket;
import vnetsim.analysis.Flow;
import vnetsim.pcap.CaptureSet;
import vnetsim.pcap.CaptureSink;
import vnetsim.pcap.CapturedInterface;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.topology.Topology;

/**
 * Captures of a simulated flow, read back by independent readers: Debian's tshark for the pcapng file (the
 * issue's own check), pcap4j for the per-interface classic files.
 */
class CaptureIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void vm1_to_vm6_pcapng_lists_the_hops_with_vlans_and_ttls_and_decodes_without_warnings() throws Exception {
        final Path file = dir.resolve("f.pcapng");
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm6", "--pcap", file.toString())).isZero();

        final List<String> rows = tshark(file, "-T", "fields", "-e", "frame.interface_name", "-e", "vlan.id",
                "-e", "ip.ttl", "-e", "icmp.type");
        // the echo request, hop by hop (the reply follows)
        assertThat(rows.subList(0, 14)).containsExactly(
                "Virtual Machine 1/vmnic1\t\t64\t8",
                "node0/bridge2003\t\t64\t8",
                "node0/enp4s0f0.2003\t\t64\t8",
                "node0/enp4s0f0\t2003\t64\t8",
                "Switch/Ethernet1/3\t2003\t64\t8",
                "Switch/Ethernet1/1\t2003\t64\t8",
                "Firewall/Uplink 1\t2003\t64\t8",
                "Firewall/Uplink 1\t2005\t63\t8",
                "Switch/Ethernet1/1\t2005\t63\t8",
                "Switch/Ethernet1/7\t2005\t63\t8",
                "node1/enp4s0f0\t2005\t63\t8",
                "node1/enp4s0f0.2005\t\t63\t8",
                "node1/bridge2005\t\t63\t8",
                "Virtual Machine 6/vmnic1\t\t63\t8");
        assertThat(rows.get(14)).startsWith("Virtual Machine 6/vmnic1\t\t64\t0");       // the echo reply
        assertThat(tshark(file, "-q", "-z", "expert,warn")).allMatch(String::isBlank);
        // IPv4 header checksums validated (tshark's check is off by default); ICMP's are always checked: 1 = Good
        assertThat(tshark(file, "-o", "ip.check_checksum:TRUE", "-T", "fields", "-e", "ip.checksum.status",
                "-e", "icmp.checksum.status")).hasSize(rows.size()).allMatch(r -> r.equals("1\t1"));
        // every frame is Ethernet with an event comment (and its table step when the table shows it) and a direction
        assertThat(tshark(file, "-T", "fields", "-e", "frame.comment", "-e", "frame.packet_flags_direction"))
                .allMatch(r -> r.matches("event \\d+ (in|out)(, step \\d+)?(; .*)?\t0x0000000[12]"));
        assertThat(tshark(file, "-T", "fields", "-e", "frame.interface_description", "-Y",
                "frame.interface_name == \"node0/enp4s0f0.2003\"")).first().isEqualTo("Linux 802.1Q VLAN subinterface");
    }

    /** Issue 8: a comment's step is the row of the table the user reads, its event the JSON's events numbering. */
    @Test
    void comments_name_the_event_and_the_document_tables_step_at_that_interface() throws Exception {
        final Path file = dir.resolve("f.pcapng");
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm6", "--pcap", file.toString())).isZero();
        final vnetsim.trace.Trace trace = vnetsim.folder.Networks.named("acp-virtualization").network()
                .trace("vm1", "vm6");
        final List<vnetsim.trace.Step> table = trace.steps(vnetsim.trace.View.DOCUMENT);
        final List<vnetsim.trace.Step> events = trace.events();
        final List<String> rows = tshark(file, "-T", "fields", "-e", "frame.interface_name", "-e", "frame.comment");
        final java.util.regex.Pattern comment = java.util.regex.Pattern.compile("event (\\d+) (in|out)(, step (\\d+))?.*");
        final java.util.Set<Integer> stepsSeen = new java.util.TreeSet<>();
        for (final String row : rows) {
            final String[] f = row.split("\t");
            final java.util.regex.Matcher m = comment.matcher(f[1]);
            assertThat(m.matches()).as(row).isTrue();
            final vnetsim.trace.Step event = events.get(Integer.parseInt(m.group(1)) - 1);
            assertThat(event.device() + "/" + event.iface()).as(row).isEqualTo(f[0]);
            assertThat(event.direction().name().toLowerCase(java.util.Locale.ROOT)).as(row).isEqualTo(m.group(2));
            if (m.group(4) != null) {
                final vnetsim.trace.Step step = table.get(Integer.parseInt(m.group(4)) - 1);
                assertThat(step.device() + "/" + step.iface()).as(row).isEqualTo(f[0]);
                stepsSeen.add(step.step());
            }
        }
        // the echo request's first hop is the table's step 1, and it goes on (the reply's frames have no step)
        assertThat(rows.get(0)).isEqualTo("Virtual Machine 1/vmnic1\tevent 1 out, step 1");
        assertThat(stepsSeen).hasSizeGreaterThan(5);
        assertThat(rows).anySatisfy(r -> assertThat(r).matches("[^\t]+\tevent \\d+ (in|out)"));
    }

    @Test
    void a_drop_reason_goes_into_the_packet_comment() throws Exception {
        final Path file = dir.resolve("arp.pcapng");
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm3", "--protocol", "arp", "--pcap", file.toString()))
                .isZero();
        assertThat(tshark(file, "-T", "fields", "-e", "frame.interface_name", "-e", "frame.comment"))
                // a flood copy off the traced path: its event, no table step
                .contains("Firewall/Uplink 1\tevent 14 in; dropped at Firewall/Uplink 1: ARP request for 172.16.5.10: "
                        + "not this host's address (no proxy ARP)")
                // the drop the table ends with, at its step 10
                .contains("Virtual Machine 4/vmnic1\tevent 26 in, step 10; dropped at Virtual Machine 4/vmnic1: ARP "
                        + "request for 172.16.5.10: not this host's address (no proxy ARP)");
    }

    @Test
    void per_interface_pcaps_read_back_with_pcap4j_byte_equal_to_the_simulated_frames() throws Exception {
        final Path out = dir.resolve("caps");
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm3", "--pcap-dir", out.toString())).isZero();

        final Map<String, List<byte[]>> expected = simulatedFrames();
        final List<String> index = Files.readAllLines(out.resolve("index.tsv"));
        assertThat(index).hasSize(expected.size() + 1);
        for (final String line : index.subList(1, index.size())) {
            final String[] f = line.split("\t");
            final List<byte[]> read = readWithPcap4j(out.resolve(f[0]));
            assertThat(read).as(f[1] + "/" + f[2]).hasSize(expected.get(f[1] + "/" + f[2]).size());
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i)).isEqualTo(expected.get(f[1] + "/" + f[2]).get(i));
            }
        }
        // on the NIC the tag is in the bytes (pcap4j decodes it), on the subinterface it is not
        final EthernetPacket onNic = EthernetPacket.newPacket(expected.get("node0/enp4s0f0").get(0), 0,
                expected.get("node0/enp4s0f0").get(0).length);
        assertThat(onNic.get(Dot1qVlanTagPacket.class).getHeader().getVidAsInt()).isEqualTo(2003);
        final EthernetPacket onSub = EthernetPacket.newPacket(expected.get("node0/enp4s0f0.2003").get(0), 0,
                expected.get("node0/enp4s0f0.2003").get(0).length);
        assertThat(onSub.get(Dot1qVlanTagPacket.class)).isNull();
    }

    @Test
    void two_runs_write_identical_bytes() throws Exception {
        final Path a = dir.resolve("a.pcapng");
        final Path b = dir.resolve("b.pcapng");
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm6", "--cold", "--pcap", a.toString())).isZero();
        assertThat(cli("trace", "acp-virtualization", "vm1", "vm6", "--cold", "--pcap", b.toString())).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void an_unwritable_path_is_an_error_naming_it_and_leaves_nothing_behind() throws Exception {
        final Path file = dir.resolve("missing").resolve("f.pcapng");
        final StringWriter err = new StringWriter();
        assertThat(Main.execute(new String[] {"trace", "acp-virtualization", "vm1", "vm3", "--pcap", file.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).isEqualTo(1);
        assertThat(err.toString()).contains(file.toString()).doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_capture_attached_to_one_interface_or_one_device_sees_only_that() {
        final AcpVirtualization scenario = new AcpVirtualization();
        final Topology topology = scenario.build();
        final Map<String, Integer> oneInterface = new LinkedHashMap<>();
        scenario.network().trace(topology, Flow.icmp("vm1", "vm3").coldStart(),
                CaptureSet.iface(topology, "Switch", "Ethernet 1/3", counting(oneInterface)));
        // cold: ARP request and reply for the gateway, echo request and reply, each both ways through Ethernet1/3
        assertThat(oneInterface).containsOnlyKeys("Switch/Ethernet1/3");

        final Topology again = scenario.build();
        final Map<String, Integer> oneDevice = new LinkedHashMap<>();
        scenario.network().trace(again, Flow.icmp("vm1", "vm3"), CaptureSet.device(again, "node0", counting(oneDevice)));
        assertThat(oneDevice).containsOnlyKeys("node0/bridge2003", "node0/enp4s0f0.2003", "node0/enp4s0f0",
                "node0/enp4s0f0.2004", "node0/bridge2004");
        // warm: the echo request and the reply each cross node0's NIC twice (out and back in)
        assertThat(oneDevice.get("node0/enp4s0f0")).isEqualTo(4);
    }

    private static CaptureSink counting(final Map<String, Integer> counts) {
        return new CaptureSink() {
            @Override
            public void capture(final CapturedInterface iface, final long timeNs, final boolean inbound,
                                final byte[] bytes, final int offset, final int length, final String comment) {
                counts.merge(iface.ifName(), 1, Integer::sum);
            }

            @Override
            public void close() {
            }

            @Override
            public void abort() {
            }
        };
    }

    /** The frames each interface saw, in order, as the capture rules define them, captured in memory. */
    private static Map<String, List<byte[]>> simulatedFrames() {
        final Map<String, List<byte[]>> frames = new LinkedHashMap<>();
        final CaptureSink memory = new CaptureSink() {
            @Override
            public void capture(final CapturedInterface iface, final long timeNs, final boolean inbound,
                                final byte[] bytes, final int offset, final int length, final String comment) {
                frames.computeIfAbsent(iface.ifName(), k -> new ArrayList<>())
                        .add(Arrays.copyOfRange(bytes, offset, offset + length));
            }

            @Override
            public void close() {
            }

            @Override
            public void abort() {
            }
        };
        final AcpVirtualization scenario = new AcpVirtualization();
        final Topology topology = scenario.build();
        scenario.network().trace(topology, Flow.icmp("vm1", "vm3"), CaptureSet.everything(topology, memory));
        return frames;
    }

    private static List<byte[]> readWithPcap4j(final Path file) throws Exception {
        final List<byte[]> packets = new ArrayList<>();
        final PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            requireTool("libpcap (apt-get install libpcap0.8)");
            return packets;
        } catch (PcapNativeException e) {
            // pcap4j reports a libpcap it cannot find (or one too old) this way, not as a link error
            if (String.valueOf(e.getMessage()).contains("not supported by the pcap library")) {
                requireTool("libpcap (apt-get install libpcap0.8)");
            }
            throw e;
        }
        try {
            byte[] raw;
            while ((raw = handle.getNextRawPacket()) != null) {
                packets.add(raw);
            }
        } finally {
            handle.close();
        }
        return packets;
    }

    private static int cli(final String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    private static List<String> tshark(final Path file, final String... args) throws IOException, InterruptedException {
        if (!onPath("tshark")) {
            requireTool("tshark (apt-get install tshark)");
        }
        final List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString()));
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        final String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        final String warnings = stderr.lines().filter(l -> !l.startsWith("Running as user")).reduce("", String::concat);
        assertThat(warnings).as("tshark stderr").isEmpty();
        return stdout.isEmpty() ? List.of() : stdout.lines().toList();
    }

    private static boolean onPath(final String tool) {
        for (final String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** CI installs every tool the tests need (.ci/run): there a missing one is a failure; locally a skip. */
    private static void requireTool(final String tool) {
        if (System.getenv("CI") != null) {
            fail(tool + " is required in CI but is missing");
        }
        Assumptions.abort(tool + " is not installed");
    }
}

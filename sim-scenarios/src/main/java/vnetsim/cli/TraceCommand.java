package vnetsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.DhcpTrace;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.pcap.CaptureException;
import vnetsim.pcap.CaptureSet;
import vnetsim.pcap.CaptureSink;
import vnetsim.pcap.PcapDirectoryWriter;
import vnetsim.pcap.PcapngWriter;
import vnetsim.pcap.TeeSink;
import vnetsim.scenario.Scenario;
import vnetsim.topology.Topology;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;
import vnetsim.whatif.VsphereChange;

/** {@code vnetsim trace SCENARIO FROM TO}: one packet, hop by hop. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Trace one packet from an endpoint to another, hop by hop.",
                "Caches are warm by default (ARP and FDBs learned by an earlier exchange), as the design documents' "
                        + "tables assume; --cold starts empty and shows the ARP exchange and the floods.",
                "Exit status 0 when the simulation ran, whatever the packet's outcome; 1 when a capture cannot be "
                        + "written; 2 for a usage error."})
final class TraceCommand implements Callable<Integer> {
    enum Format { TABLE, MARKDOWN, JSON, HTML }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario name (see 'vnetsim scenarios') or a network folder")
    private String scenarioName;

    @Parameters(index = "1", paramLabel = "FROM", description = "sender: short id (vm1, pod2) or display name")
    private String from;

    @Parameters(index = "2", paramLabel = "TO", description = "destination: short id or display name, an IPv4 "
            + "address (with --migrate also one a workload held before it moved), or 'dhcp' to "
            + "run FROM's DHCP client (DISCOVER, OFFER, REQUEST, ACK, then a ping to the lease's router)")
    private String to;

    @Option(names = "--set", paramLabel = "PORTGROUP.FIELD=VALUE",
            description = "change a vSphere port group first (networks with a vSphere layer): allowPromiscuous, "
                    + "macChanges, forgedTransmits (true/false), vlanId (0-4095), vlanTrunk (0-4094), macLearning; "
                    + "e.g. --set Trunk.allowPromiscuous=true; repeatable")
    private List<String> settings = new ArrayList<>();

    @Option(names = "--cold", description = "start with empty ARP caches and FDBs")
    private boolean cold;

    @Option(names = "--migrate", paramLabel = "WORKLOAD=NODE",
            description = "live-migrate a workload to another node first (virtctl migrate; networks with "
                    + "OVN-Kubernetes user-defined networks); repeatable")
    private List<String> migrations = new ArrayList<>();

    @Option(names = "--view", defaultValue = "document", paramLabel = "VIEW",
            description = "document (one row per interface, as the design documents) or full (every ingress "
                    + "and egress); default ${DEFAULT-VALUE}")
    private View view;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, markdown, json or html (one self-contained page: picture, steps, every frame); "
                    + "default ${DEFAULT-VALUE}")
    private Format format;

    @Option(names = "--protocol", defaultValue = "icmp", paramLabel = "PROTOCOL",
            description = "icmp (echo request), udp (one datagram) or arp (arping the destination); default "
                    + "${DEFAULT-VALUE}")
    private Protocol protocol;

    @Option(names = "--pcap", paramLabel = "FILE.pcapng",
            description = "write every frame of the run to one pcapng file, one interface per simulated interface")
    private Path pcap;

    @Option(names = "--pcap-dir", paramLabel = "DIR",
            description = "write one classic .pcap per interface into DIR, with an index.tsv")
    private Path pcapDir;

    @Override
    public Integer call() {
        final Scenario original = vnetsim.folder.Networks.named(scenarioName);
        final Scenario scenario = migrated(original);
        final Network network = network(scenario);
        final Topology topology = network.topology();
        Network.endpoint(topology, from);                      // usage errors before any file is created
        final boolean dhcp = to.equalsIgnoreCase("dhcp") && topology.findEndpoint(to).isEmpty();
        final int address = topology.findEndpoint(to).isEmpty() ? ipv4OrZero(to) : 0;
        final FormerAddress former = address == 0 ? null : formerAddress(original, scenario, topology, address);
        if (!dhcp) {
            for (final String end : address == 0 ? new String[] {from, to} : new String[] {from}) {
                final int index = Network.endpoint(topology, end);
                if (topology.endpoint(index).ip() == 0) {
                    throw new IllegalArgumentException(end + " takes its address by DHCP and has none yet: run "
                            + "'vnetsim trace " + scenarioName + " " + end + " dhcp' (the exchange, then a ping to "
                            + "its gateway)");
                }
            }
        }
        checkCaptureTargetsApart();
        if (dhcp && format == Format.HTML) {
            throw new ParameterException(spec.commandLine(), "--format html draws one traced flow; a DHCP exchange "
                    + "is several: use --format table, markdown or json");
        }
        final Flow flow = new Flow(from, to, protocol, cold);
        final PrintWriter out = spec.commandLine().getOut();
        final Trace trace;
        final CaptureSink sink;
        try {
            sink = openSinks();
        } catch (CaptureException e) {
            spec.commandLine().getErr().println("vnetsim: " + e.getMessage());
            return 1;
        }
        try {
            if (dhcp) {
                final DhcpTrace exchange = network.dhcp(from, sink == null ? null : CaptureSet.everything(topology, sink));
                if (sink != null) {
                    sink.close();
                }
                out.print(switch (format) {
                    case TABLE -> DhcpReport.text(exchange, view, false);
                    case MARKDOWN -> DhcpReport.text(exchange, view, true);
                    case JSON, HTML -> DhcpReport.json(exchange, view);   // HTML refused above
                });
                out.flush();
                return 0;
            }
            trace = former != null
                    ? former.network().traceToAddress(from, address, cold ? 0 : former.staleMac(),
                            sink == null ? null : CaptureSet.everything(topology, sink))
                    : network.trace(topology, flow, sink == null ? null : CaptureSet.everything(topology, sink));
            if (sink != null) {
                sink.close();
            }
        } catch (CaptureException e) {
            sink.abort();
            spec.commandLine().getErr().println("vnetsim: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (sink != null) {
                sink.abort();
            }
            throw e;
        }
        out.print(switch (format) {
            case TABLE -> StepTable.describe(trace, view);
            case MARKDOWN -> StepTable.markdown(trace.steps(view), view);
            case JSON -> TraceJson.render(trace, view) + "\n";
            case HTML -> vnetsim.draw.HtmlReport.trace(vnetsim.draw.Drawing.of(network.name(), topology, trace, null));
        });
        out.flush();
        return 0;
    }

    /** The network after each {@code --migrate}, each move reported with the address before and after. */
    private Scenario migrated(final Scenario scenario) {
        if (migrations.isEmpty()) {
            return scenario;
        }
        if (!(scenario instanceof vnetsim.folder.udn.UdnScenario udn)) {
            throw new ParameterException(spec.commandLine(), "--migrate needs a network of OVN-Kubernetes "
                    + "user-defined networks (manifests with UserDefinedNetwork or ClusterUserDefinedNetwork); "
                    + scenario.name() + " has none");
        }
        vnetsim.folder.udn.UdnScenario result = udn;
        for (final String m : migrations) {
            final int eq = m.indexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--migrate " + m + ": expected WORKLOAD=NODE");
            }
            final String workload = m.substring(0, eq).trim();
            final String node = m.substring(eq + 1).trim();
            final vnetsim.ovn.UdnAddress before;
            try {
                before = result.cluster().address(workload);
                result = result.migrate(workload, node);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--migrate " + m + ": " + e.getMessage());
            }
            final vnetsim.ovn.UdnAddress after = result.cluster().address(workload);
            (format == Format.TABLE || format == Format.MARKDOWN ? spec.commandLine().getOut()
                    : spec.commandLine().getErr()).println("Migrated " + workload + " to " + node + ": "
                    + vnetsim.frame.Ipv4Address.format(before.ip()) + " -> "
                    + vnetsim.frame.Ipv4Address.format(after.ip())
                    + (before.ip() == after.ip() ? " (address kept)" : " (new address from " + node + "'s subnet)"));
            (format == Format.TABLE || format == Format.MARKDOWN ? spec.commandLine().getOut()
                    : spec.commandLine().getErr()).println("  " + result.cluster().gratuitousArpAfterMigration(workload));
        }
        return result;
    }

    /**
     * An address no device of the (migrated) network has, on a network whose workloads migrate: the trace runs
     * there, with the sender's ARP cache still mapping it to the MAC of the workload that held it before the
     * migrations (unless --cold). Null when some device has the address (the ordinary trace handles it).
     */
    private FormerAddress formerAddress(final Scenario original, final Scenario now, final Topology topology,
                                        final int address) {
        for (int d = 0; d < topology.deviceCount(); d++) {
            for (final vnetsim.device.InterfaceAddress a : topology.device(d).addresses()) {
                if (a.ip() == address) {
                    return null;
                }
            }
        }
        if (!(now instanceof vnetsim.folder.udn.UdnScenario udn)) {
            throw new IllegalArgumentException("no device of " + now.name() + " has the address " + to);
        }
        if (protocol != Protocol.ICMP) {
            throw new ParameterException(spec.commandLine(), "a trace to an address no device has (" + to
                    + ") sends ICMP echo; drop --protocol " + protocol.name().toLowerCase(java.util.Locale.ROOT));
        }
        final Topology before = original.network().topology();
        long staleMac = 0;
        String holder = null;
        for (final var e : before.endpointIds().entrySet()) {
            if (before.endpoint(e.getValue()).ip() == address) {
                staleMac = before.endpoint(e.getValue()).mac();
                holder = e.getKey();
            }
        }
        final PrintWriter note = format == Format.TABLE || format == Format.MARKDOWN ? spec.commandLine().getOut()
                : spec.commandLine().getErr();
        if (holder == null) {
            note.println("No device has " + to + " (before or after the migrations): " + from + " ARPs for it");
        } else if (cold) {
            note.println(to + " was " + holder + "'s address before the migration; " + from + "'s ARP entry for it "
                    + "has aged out (--cold), so it ARPs");
        } else {
            note.println(to + " was " + holder + "'s address before the migration; " + from + "'s ARP cache still "
                    + "maps it to " + vnetsim.frame.MacAddress.format(staleMac) + " (learned before; --cold: aged out)");
        }
        return new FormerAddress(udn.cluster(), holder == null ? 0 : staleMac);
    }

    /** A trace target no device has: the network to trace it in, and the sender's stale ARP entry (0: none). */
    private record FormerAddress(vnetsim.ovn.UdnCluster network, long staleMac) {
    }

    /** The IPv4 address {@code text} is ("192.168.24.6"), or 0 when it is not one. */
    private static int ipv4OrZero(final String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return 0;
        }
        try {
            return vnetsim.frame.Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** {@code --pcap X --pcap-dir X} (or a pcapng inside the directory) would lose one output to the other. */
    private void checkCaptureTargetsApart() {
        // '' is the current directory as a path: "cannot write capture : target is a directory" said nothing useful
        if (pcap != null && pcap.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--pcap needs a file name, not ''");
        }
        if (pcapDir != null && pcapDir.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--pcap-dir needs a directory name, not ''");
        }
        if (pcap == null || pcapDir == null) {
            return;
        }
        final Path file = pcap.toAbsolutePath().normalize();
        final Path dir = pcapDir.toAbsolutePath().normalize();
        if (file.equals(dir) || file.startsWith(dir)) {
            throw new ParameterException(spec.commandLine(), "--pcap " + pcap + " is "
                    + (file.equals(dir) ? "the same path as" : "inside") + " --pcap-dir " + pcapDir
                    + "; give the pcapng file a path outside the directory");
        }
    }

    /** The scenario's network, with the --set changes applied to its vSphere layer (what-if changes). */
    private Network network(final Scenario scenario) {
        Network network = scenario.network();
        for (final String setting : settings) {
            network = network.with(VsphereChange.setting(setting));
        }
        return network;
    }

    private CaptureSink openSinks() {
        final List<CaptureSink> sinks = new ArrayList<>();
        try {
            if (pcap != null) {
                sinks.add(PcapngWriter.create(pcap));
            }
            if (pcapDir != null) {
                sinks.add(PcapDirectoryWriter.create(pcapDir));
            }
        } catch (CaptureException e) {
            sinks.forEach(CaptureSink::abort);
            throw e;
        }
        if (sinks.isEmpty()) {
            return null;
        }
        return sinks.size() == 1 ? sinks.get(0) : new TeeSink(sinks);
    }
}

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
import vnetsim.network.VsphereSpec;
import vnetsim.pcap.CaptureException;
import vnetsim.pcap.CaptureSet;
import vnetsim.pcap.CaptureSink;
import vnetsim.pcap.PcapDirectoryWriter;
import vnetsim.pcap.PcapngWriter;
import vnetsim.pcap.TeeSink;
import vnetsim.scenario.Scenario;
import vnetsim.scenario.VsphereNestedLab;
import vnetsim.topology.Topology;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

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

    @Parameters(index = "2", paramLabel = "TO", description = "destination: short id or display name, or 'dhcp' to "
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
        final Scenario scenario = migrated(vnetsim.folder.Networks.named(scenarioName));
        final Network network = network(scenario);
        final Topology topology = network.topology();
        Network.endpoint(topology, from);                      // usage errors before any file is created
        final boolean dhcp = to.equalsIgnoreCase("dhcp") && topology.findEndpoint(to).isEmpty();
        if (!dhcp) {
            for (final String end : new String[] {from, to}) {
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
            trace = network.trace(topology, flow, sink == null ? null : CaptureSet.everything(topology, sink));
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
            spec.commandLine().getOut().println("Migrated " + workload + " to " + node + ": "
                    + vnetsim.frame.Ipv4Address.format(before.ip()) + " -> "
                    + vnetsim.frame.Ipv4Address.format(after.ip())
                    + (before.ip() == after.ip() ? " (address kept)" : " (new address from " + node + "'s subnet)"));
        }
        return result;
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

    /** The scenario's network, with the --set changes applied to its vSphere layer. */
    private Network network(final Scenario scenario) {
        if (settings.isEmpty()) {
            return scenario.network();
        }
        if (!(scenario instanceof VsphereNestedLab lab)) {
            throw new IllegalArgumentException("--set changes a vSphere port group; " + scenario.name()
                    + " has no vSphere layer (try vsphere-nested-lab)");
        }
        VsphereSpec spec = lab.vsphere();
        for (final String setting : settings) {
            spec = spec.withSetting(setting);
        }
        return spec.network();
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

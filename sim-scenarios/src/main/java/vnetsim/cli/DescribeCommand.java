package vnetsim.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.device.Device;
import vnetsim.device.TrafficSource;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.scenario.Scenario;
import vnetsim.topology.Topology;

/** {@code vnetsim describe SCENARIO}: devices, interfaces, VLANs, endpoints with MAC and IP, and the links. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a scenario: devices, interfaces, VLANs, endpoints with MAC and IP.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario name (see 'vnetsim scenarios') "
            + "or a network folder")
    private String scenarioName;

    @picocli.CommandLine.Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (json for network folders); default ${DEFAULT-VALUE}")
    private String format;

    @Override
    public Integer call() {
        final Scenario scenario = vnetsim.folder.Networks.named(scenarioName);
        if (!format.equals("text") && !(format.equals("json") && scenario instanceof vnetsim.folder.FolderScenario)) {
            throw new IllegalArgumentException("--format '" + format + "' is not valid here; valid: text"
                    + (scenario instanceof vnetsim.folder.FolderScenario ? ", json" : " (json describes network "
                    + "folders)"));
        }
        if (scenario instanceof vnetsim.folder.FolderScenario folder) {
            final vnetsim.folder.FolderDescription d = new vnetsim.folder.FolderDescription(folder);
            spec.commandLine().getOut().print(format.equals("json") ? d.json() : d.text());
            spec.commandLine().getOut().flush();
            return 0;
        }
        final Topology t = scenario.build();
        final PrintWriter out = spec.commandLine().getOut();
        out.println(scenario.name() + ": " + scenario.description());
        final Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int d = 0; d < t.deviceCount(); d++) {
            byHost.computeIfAbsent(t.device(d).host(), k -> new java.util.ArrayList<>()).add(d);
        }
        out.println();
        out.println("Devices and interfaces:");
        byHost.forEach((host, devices) -> {
            out.println("  " + host);
            for (final int d : devices) {
                out.println("    " + line(t, d));
            }
        });
        out.println();
        out.println("Endpoints:");
        t.endpointIds().forEach((id, d) -> {
            final TrafficSource e = t.endpoint(d);
            out.printf("  %-6s %-18s %-7s %s/%d  gw %s  mac %s  on %s%n", id, t.device(d).host(),
                    t.device(d).interfaceName(0), Ipv4Address.format(e.ip()), e.prefixLength(),
                    Ipv4Address.format(e.gateway()), MacAddress.format(e.mac()), peer(t, d, 0));
        });
        return 0;
    }

    /** The device's own description: its first line, then its sub-lines indented under it. */
    private static String line(final Topology t, final int d) {
        final List<String> lines = t.device(d).describe(p -> peer(t, d, p));
        return String.join("\n      ", lines);
    }

    private static String peer(final Topology t, final int d, final int p) {
        final int peer = t.peerDevice(d, p);
        if (peer == Topology.NOT_CONNECTED) {
            return "nothing";
        }
        final Device pd = t.device(peer);
        return pd.host() + "/" + pd.portName(t.peerPort(d, p));
    }
}

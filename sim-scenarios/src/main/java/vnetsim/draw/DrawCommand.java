package vnetsim.draw;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.scenario.Scenarios;

/** {@code vnetsim draw NETWORK [--trace FROM TO [--cold]] [--node NODE] [--format ...] [-o FILE]}. */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = {"Draw a network: hosts with their NICs, VLAN subinterfaces, bridges and workloads, the switch "
                + "with its ports, the router with its subinterfaces, VLANs in colour.",
                "With --trace, the traced packet's path on top: hops numbered as the trace's steps, the tag on every "
                        + "link it crossed, where and why it was dropped; with --cold, the ARP broadcast's flood.",
                "Exit status 0 when drawn, 1 when the file cannot be written, 2 for a usage error."})
public final class DrawCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { SVG, HTML, MERMAID, DOT }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "a scenario name (see 'vnetsim scenarios')")
    private String networkName;

    @Option(names = "--trace", arity = "2", paramLabel = "ENDPOINT",
            description = "draw the path of a packet FROM TO (short id or display name)")
    private List<String> trace;

    @Option(names = "--cold", description = "with --trace: start with empty caches and draw the ARP flood")
    private boolean cold;

    @Option(names = "--protocol", defaultValue = "icmp", paramLabel = "PROTOCOL",
            description = "with --trace: icmp, udp or arp; default ${DEFAULT-VALUE}")
    private Protocol protocol;

    @Option(names = "--node", paramLabel = "NODE", description = "draw only this node's inside (e.g. node0)")
    private String node;

    @Option(names = "--format", defaultValue = "svg", paramLabel = "FORMAT",
            description = "svg, html, mermaid or dot; default ${DEFAULT-VALUE}")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (default: standard output)")
    private Path output;

    @Override
    public Integer call() {
        if (trace != null && trace.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trace takes one FROM TO pair, got "
                    + trace.size() / 2 + " pairs: draw one path at a time");
        }
        if (cold && trace == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cold needs --trace FROM TO");
        }
        // a built-in Java scenario as before, else a network folder (shipped by name, or a path): vsphere-nested-lab
        final Network network = Scenarios.find(networkName).map(vnetsim.scenario.Scenario::network)
                .orElseGet(() -> vnetsim.folder.Networks.named(networkName).network());
        final Drawing drawing;
        if (trace == null) {
            drawing = Drawing.network(network, node);
        } else {
            final var topology = network.topology();
            Network.endpoint(topology, trace.get(0));
            Network.endpoint(topology, trace.get(1));
            drawing = Drawing.trace(network, new Flow(trace.get(0), trace.get(1), protocol, cold), node);
        }
        final String text = switch (format) {
            case SVG -> drawing.svg();
            case MERMAID -> drawing.mermaid();
            case DOT -> drawing.dot();
            case HTML -> HtmlReport.drawing(drawing);
        };
        try {
            OutputFile.write(output, text, spec.commandLine().getOut());
        } catch (OutputFile.OutputException e) {
            spec.commandLine().getErr().println("vnetsim: " + e.getMessage());
            return 1;
        }
        return 0;
    }
}

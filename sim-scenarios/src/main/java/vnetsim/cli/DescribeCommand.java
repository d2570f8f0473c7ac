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
import vnetsim.device.BridgePort;
import vnetsim.device.Device;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.PhysicalNic;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.VlanSubinterface;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;
import vnetsim.scenario.Scenario;
import vnetsim.scenario.Scenarios;
import vnetsim.topology.Topology;

/** {@code vnetsim describe SCENARIO}: devices, interfaces, VLANs, endpoints with MAC and IP, and the links. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe a scenario: devices, interfaces, VLANs, endpoints with MAC and IP.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a scenario name (see 'vnetsim scenarios')")
    private String scenarioName;

    @Override
    public Integer call() {
        final Scenario scenario = Scenarios.named(scenarioName);
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
            final Endpoint e = t.endpoint(d);
            out.printf("  %-6s %-18s %-7s %s/%d  gw %s  mac %s  on %s%n", id, e.host(), e.interfaceName(0),
                    Ipv4Address.format(e.ip()), e.prefixLength(), Ipv4Address.format(e.gateway()),
                    MacAddress.format(e.mac()), peer(t, d, Endpoint.NIC));
        });
        return 0;
    }

    private static String line(final Topology t, final int d) {
        final Device device = t.device(d);
        if (device instanceof PhysicalNic nic) {
            return nic.interfaceName(0) + "  physical NIC, mac " + MacAddress.format(nic.mac()) + ", mtu "
                    + nic.mtu() + ", cabled to " + peer(t, d, PhysicalNic.WIRE);
        }
        if (device instanceof VlanSubinterface sub) {
            return sub.interfaceName(0) + "  802.1Q VLAN " + sub.vid() + " on " + peer(t, d, VlanSubinterface.LOWER)
                    + ", master " + peer(t, d, VlanSubinterface.UPPER);
        }
        if (device instanceof LinuxBridge br) {
            final StringBuilder sb = new StringBuilder(br.interfaceName(0) + "  Linux bridge, vlan_filtering "
                    + (br.vlanFiltering() ? 1 : 0) + ", STP off, ports:");
            for (int p = 0; p < br.portCount(); p++) {
                final BridgePort port = br.port(p);
                sb.append(' ').append(port.name());
                if (br.vlanFiltering()) {
                    sb.append(" (vids ").append(port.vids()).append(", pvid ").append(port.pvid()).append(')');
                }
            }
            return sb.toString();
        }
        if (device instanceof TrunkSwitch sw) {
            final StringBuilder sb = new StringBuilder("ports:");
            for (int p = 0; p < sw.portCount(); p++) {
                sb.append("\n      ").append(sw.interfaceName(p)).append("  ").append(mode(sw.mode(p)))
                        .append(", to ").append(peer(t, d, p));
            }
            return sb.toString();
        }
        if (device instanceof RoutingFirewall fw) {
            final StringBuilder sb = new StringBuilder();
            for (int port = 0; port < fw.portCount(); port++) {
                final int p = port;
                final boolean routedPort = fw.interfaces().stream().anyMatch(ri -> ri.port() == p && !ri.isTagged());
                sb.append(port == 0 ? "" : "\n    ").append(fw.interfaceName(port))
                        .append(routedPort ? "  routed port, mac " : "  trunk uplink, mac ")
                        .append(MacAddress.format(fw.mac(port))).append(", to ").append(peer(t, d, port));
                for (final RouterInterface ri : fw.interfaces()) {
                    if (ri.port() != port) {
                        continue;
                    }
                    sb.append("\n      ").append(ri.name()).append(ri.isTagged() ? "  VLAN " + ri.vid() : "  untagged")
                            .append("  ").append(Ipv4Address.format(ri.ip())).append('/').append(ri.prefixLength())
                            .append(" (routes ").append(ri.subnet()).append(')');
                }
            }
            for (final var route : fw.routes()) {
                sb.append("\n      route ").append(route);
            }
            sb.append("\n      ACL: ").append(fw.acl().isEmpty() ? "no rules (default permit)"
                    : fw.acl().stream().map(r -> r.text()).toList());
            return sb.toString();
        }
        if (device instanceof Endpoint e) {
            return e.interfaceName(0) + "  " + e.workload() + " NIC " + MacAddress.format(e.mac()) + " "
                    + Ipv4Address.format(e.ip()) + "/" + e.prefixLength() + ", plugged into " + peer(t, d, 0);
        }
        return device.interfaceName(0) + "  " + device.kind().description();
    }

    private static String mode(final SwitchportMode mode) {
        if (mode instanceof SwitchportMode.Trunk trunk) {
            return "switchport mode trunk, allowed vlan " + trunk.allowed() + ", native vlan " + trunk.nativeVlan();
        }
        return "switchport mode access, vlan " + ((SwitchportMode.Access) mode).vlan();
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

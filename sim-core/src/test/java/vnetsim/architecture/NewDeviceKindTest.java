package vnetsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.device.Action;
import vnetsim.device.Device;
import vnetsim.device.Egress;
import vnetsim.device.Endpoint;
import vnetsim.device.Kind;
import vnetsim.device.Role;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;
import vnetsim.topology.LinkKind;
import vnetsim.topology.TopologyBuilder;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * A device kind the main code has never heard of (an Ethernet hub, defined only here with its own {@link Kind}
 * line) traces end to end: the engine, the topology, the trace notes and the views work from what the device
 * says about itself. Adding a kind is its class, its test and one enum line.
 */
class NewDeviceKindTest {
    /** The one line a new kind adds (here in a test enum; a built-in kind adds it to DeviceKind). */
    enum TestKind implements Kind {
        HUB(Role.L2_SWITCHING, "hub", "Ethernet hub (repeater)", false);

        private final Role role;
        private final String noun;
        private final String description;
        private final boolean portsAreInterfaces;

        TestKind(final Role role, final String noun, final String description, final boolean portsAreInterfaces) {
            this.role = role;
            this.noun = noun;
            this.description = description;
            this.portsAreInterfaces = portsAreInterfaces;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public String noun() {
            return noun;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean portsAreInterfaces() {
            return portsAreInterfaces;
        }
    }

    /** A repeater: every frame goes out of every other port, bytes unchanged; it learns nothing. */
    static final class Hub implements Device {
        private final String host;
        private final int ports;

        Hub(final String host, final int ports) {
            this.host = host;
            this.ports = ports;
        }

        @Override
        public void receive(final Frame frame, final int ingress, final Egress out) {
            final int last = ingress == ports - 1 ? ports - 2 : ports - 1;
            for (int p = 0; p < ports; p++) {
                if (p != ingress && p != last) {
                    out.transmit(out.copy(frame), p, Action.FLOODED);
                }
            }
            out.transmit(frame, last, Action.FLOODED);
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public String interfaceName(final int port) {
            return "hub0";
        }

        @Override
        public String portName(final int port) {
            return "hub0 port " + (port + 1);
        }

        @Override
        public int portCount() {
            return ports;
        }

        @Override
        public Kind kind() {
            return TestKind.HUB;
        }
    }

    private static Endpoint vm(final String name, final String ip) {
        final int address = Ipv4Address.parse(ip);
        return new Endpoint(name, "eth0", Endpoint.Workload.VM, 0x0200_0000_0000L | (address & 0xffffffffL), address,
                24, Ipv4Address.parse("10.0.0.1"), 64);
    }

    private static Network hubNetwork() {
        return new Network("hub", () -> {
            final TopologyBuilder b = new TopologyBuilder();
            final int a = b.addEndpoint("a", vm("VM A", "10.0.0.10"));
            final int c = b.addEndpoint("c", vm("VM C", "10.0.0.12"));
            final int hub = b.add(new Hub("lab", 3));
            b.link(a, Endpoint.NIC, hub, 0, LinkKind.CABLE);
            b.link(c, Endpoint.NIC, hub, 1, LinkKind.CABLE);
            return b.build();
        });
    }

    @Test
    void a_kind_defined_outside_the_device_package_traces_with_its_own_noun() {
        final Trace trace = hubNetwork().trace(Flow.icmp("a", "c"));

        assertThatTrace(trace).isDelivered();
        assertThat(trace.steps().stream().map(Step::note).toList())
                .containsExactly("Exiting VM interface", "Flooded by hub (unknown unicast: destination not learned)",
                        "Entering VM interface");
        assertThat(trace.steps(View.FULL)).anySatisfy(s -> assertThat(s.device()).isEqualTo("lab"));
    }

    @Test
    void the_hub_has_no_port_to_nothing_so_its_third_port_drops_as_not_connected() {
        final Trace cold = hubNetwork().trace(Flow.icmp("a", "c").coldStart());

        assertThat(cold.events()).anySatisfy(s -> assertThat(s.note()).contains("nothing is connected"));
        assertThatTrace(cold).isDelivered();
    }
}

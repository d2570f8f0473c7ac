package vnetsim.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.device.Sketch.Part;
import vnetsim.device.Sketch.Shape;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.device.l3.RouterInterface;
import vnetsim.frame.Frame;
import vnetsim.frame.Ipv4Address;

/** Each device says how a picture draws it; a kind that says nothing is one box named by its kind. */
class SketchTest {
    @Test
    void aRouterDrawsEachPortAndEachRoutedInterfaceLinkedToItsPort() {
        final RoutingFirewall fw = new RoutingFirewall("Firewall", "eth0", 0x02_00_00_00_00_01L);
        final int wan = fw.addPort("eth1", 0x02_00_00_00_00_02L);
        fw.addInterface(new RouterInterface("eth0.2003", 2003, Ipv4Address.parse("172.16.4.1"), 24, 1500, 0));
        fw.addInterface(new RouterInterface("eth1", 0, Ipv4Address.parse("192.0.2.2"), 30, 1500, wan));

        final Sketch sketch = fw.sketch();

        assertThat(sketch.detail()).isEqualTo("routing firewall");
        assertThat(sketch.parts()).containsExactly(
                new Part(Shape.ROUTER_PORT, "eth0", "trunk uplink", 0, "", List.of(0)),
                new Part(Shape.ROUTER_PORT, "eth1", "routed port", 0, "", List.of(1)),
                new Part(Shape.ROUTER_SUBINTERFACE, "eth0.2003", "VLAN 2003 172.16.4.1/24", 2003, "172.16.4.0/24",
                        List.of()),
                new Part(Shape.ROUTER_SUBINTERFACE, "eth1", "192.0.2.2/30", 0, "192.0.2.0/30", List.of()));
        assertThat(sketch.links()).containsExactly(new Sketch.Link(2, 0, 2003), new Sketch.Link(3, 1, 0));
    }

    @Test
    void aSwitchDrawsOneBoxPerPortAccessPortsInTheirVlan() {
        final TrunkSwitch sw = new TrunkSwitch("Switch", 300_000_000_000L);
        sw.addPort("Ethernet1/1", new SwitchportMode.Access(2003));
        sw.addPort("Ethernet1/2", new SwitchportMode.Trunk(VlanSet.of(2003, 2005), 1, false));

        final List<Part> parts = sw.sketch().parts();

        assertThat(parts).extracting(Part::shape, Part::name, Part::vlan, Part::ports).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Shape.SWITCH_PORT, "Ethernet1/1", 2003, List.of(0)),
                org.assertj.core.groups.Tuple.tuple(Shape.SWITCH_PORT, "Ethernet1/2", 0, List.of(1)));
        assertThat(parts.get(0).detail()).isEqualTo("access 2003");
        assertThat(parts.get(1).detail()).startsWith("trunk ");
    }

    @Test
    void aLinuxHostDrawsEachNicWithItsAddresses() {
        final LinuxHost host = new LinuxHost("router0");
        final int nic = host.addNic("ens3", 0x02_00_00_00_00_03L, 1500);
        host.addAddress(nic, Ipv4Address.parse("10.0.0.1"), 24);
        host.setForwarding(true);

        assertThat(host.sketch().parts()).containsExactly(
                new Part(Shape.NIC, "ens3", "host, ip_forward 10.0.0.1/24", 0, "", List.of(0)));
    }

    @Test
    void aKindThatSaysNothingIsOneBoxHoldingAllItsPortsNamedByItsKind() {
        final Kind hub = new Kind() {
            @Override public Role role() { return Role.L2_SWITCHING; }
            @Override public String noun() { return "hub"; }
            @Override public String description() { return "Ethernet hub"; }
            @Override public boolean portsAreInterfaces() { return false; }
        };
        final Device device = new Device() {
            @Override public String host() { return "lab"; }
            @Override public String interfaceName(final int port) { return "hub0"; }
            @Override public int portCount() { return 3; }
            @Override public Kind kind() { return hub; }
            @Override public void receive(final Frame frame, final int port, final Egress out) { }
        };

        assertThat(device.sketch()).isEqualTo(new Sketch(
                List.of(new Part(Shape.OTHER, "hub0", "Ethernet hub", 0, "", List.of(0, 1, 2))), List.of(), ""));
    }
}

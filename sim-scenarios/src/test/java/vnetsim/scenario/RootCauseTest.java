package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static vnetsim.testing.TraceAssert.assertThatTrace;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.network.NetworkSpec;
import vnetsim.network.SwitchSpec;
import vnetsim.trace.PacketDrop;
import vnetsim.trace.Trace;

/** A flow that fails because a packet it depended on failed names that packet's drop as its cause. */
class RootCauseTest {
    private static Network withoutVlan(final String port, final int vid) {
        final NetworkSpec spec = new AcpVirtualization().spec();
        final SwitchSpec sw = spec.switchNamed("Switch");
        return spec.withSwitch(sw.withPort(sw.port(port).withoutAllowed(vid))).network();
    }

    @Test
    void routerArpNotFloodedToTheDestinationNamesTheSwitchPortThatRefusedTheVlan() {
        final Trace t = withoutVlan("Ethernet1/3", 2004).trace(Flow.icmp("vm1", "vm3").coldStart());
        assertThatTrace(t).isDroppedAt("Firewall", "Uplink 1").because(DropReason.NEIGHBOR_UNREACHABLE)
                .hasCauseAt("Switch", "Ethernet1/3", DropReason.VLAN_NOT_ALLOWED_EGRESS)
                .withCausePacketContaining("ARP request who-has 172.16.5.10 tell 172.16.5.1");
        assertThat(t.cause().reason()).isEqualTo("VLAN 2004 is not allowed on the egress port");
        assertThat(t.cause().text()).isEqualTo("ARP request who-has 172.16.5.10 tell 172.16.5.1 (VLAN 2004), "
                + "flooded by Switch but not out Ethernet1/3, dropped at Switch/Ethernet1/3: "
                + "VLAN 2004 is not allowed on the egress port");
    }

    @Test
    void warmTraceNamesTheSameCause() {
        final Trace t = withoutVlan("Ethernet1/3", 2004).trace(Flow.icmp("vm1", "vm3"));
        assertThatTrace(t).isDropped().hasCauseAt("Switch", "Ethernet1/3", DropReason.VLAN_NOT_ALLOWED_EGRESS);
    }

    @Test
    void senderWhoseArpIsRefusedOnIngressNamesThatDrop() {
        final Trace t = withoutVlan("Ethernet1/3", 2004).trace(Flow.icmp("vm3", "vm1").coldStart());
        assertThatTrace(t).isDropped()
                .hasCauseAt("Switch", "Ethernet1/3", DropReason.VLAN_NOT_ALLOWED_INGRESS)
                .withCausePacketContaining("ARP request who-has 172.16.5.1 tell 172.16.5.10");
        assertThat(t.cause().reason()).contains("VLAN 2004");
    }

    @Test
    void aPacketDroppedForItsOwnReasonIsItsOwnCause() {
        final NetworkSpec spec = new AcpVirtualization().spec();
        final Trace t = spec.network().trace(Flow.icmp("vm1", "vm3"));
        assertThat(t.cause()).isNull();
        assertThat(t.drops()).isEmpty();
        final Trace cold = spec.network().trace(Flow.icmp("vm1", "vm3").coldStart());
        assertThat(cold.drops()).isNotEmpty().allSatisfy(d -> assertThat(d.packet()).startsWith("ARP"));
        assertThat(cold.events().stream().filter(s -> s.action() == Action.DROPPED).count())
                .isEqualTo(cold.drops().size());
    }

    @Test
    void dropsListsEveryDropWithItsPacket() {
        final Trace t = withoutVlan("Ethernet1/3", 2004).trace(Flow.icmp("vm1", "vm3").coldStart());
        assertThat(t.drops()).extracting(PacketDrop::code).contains(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(t.drops()).anySatisfy(d -> assertThat(d.packet()).startsWith("ARP request who-has 172.16.5.10"));
    }
}

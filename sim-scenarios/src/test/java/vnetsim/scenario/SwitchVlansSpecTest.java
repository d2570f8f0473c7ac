package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vnetsim.device.DropReason;
import vnetsim.device.l2.VlanSet;
import vnetsim.network.NetworkSpec;
import vnetsim.trace.Trace;

/** SwitchSpec.vlans: a VLAN allowed on a trunk but not created on the switch carries nothing. */
class SwitchVlansSpecTest {
    @Test
    void a_vlan_that_does_not_exist_on_the_switch_is_dropped_where_it_enters() {
        final NetworkSpec acp = new AcpVirtualization().spec();
        final NetworkSpec without2004 = acp.withSwitch(acp.switchNamed("Switch").withVlans(VlanSet.of(1, 2003, 2005)));
        final Trace t = without2004.network().trace("vm3", "vm5");
        // vm3's ARP for its gateway dies at the switch, so the ping never leaves vm3; the reason says where and why
        assertThat(t.drop().cause()).isEqualTo(DropReason.NEIGHBOR_UNREACHABLE);
        assertThat(t.cause().device()).isEqualTo("Switch");
        assertThat(t.cause().iface()).isEqualTo("Ethernet1/3");
        assertThat(t.cause().reason()).isEqualTo("VLAN 2004 is allowed on this port but does not exist on the switch "
                + "(no 'vlan 2004' line)");
        assertThat(acp.network().trace("vm3", "vm5").isDelivered()).isTrue();
    }
}

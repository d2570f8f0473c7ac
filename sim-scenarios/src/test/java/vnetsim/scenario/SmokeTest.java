package vnetsim.scenario;

import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;

class SmokeTest {
    @Test
    void print() {
        for (String[] p : new String[][] {{"vm1", "vm3"}, {"vm1", "vm4"}, {"vm1", "pod2"}, {"vm3", "vm1"}}) {
            Trace t = new AcpVirtualization().network().trace(p[0], p[1]);
            System.out.println("=== " + t.title() + " " + t.outcome() + " " + t.drop());
            for (Step s : t.steps()) {
                System.out.println(s.step() + " | " + s.device() + " | " + s.iface() + " | " + (s.tagged() ? "Tagged " + s.vlan() : "Untagged") + " -> " + s.vlanOut() + " | " + s.action() + " | " + s.note() + " | ttl " + s.ttl() + " " + s.srcMac());
            }
        }
        Trace t = new AcpVirtualization().network().trace(Flow.icmp("vm1", "vm3").coldStart());
        System.out.println("=== cold " + t.outcome() + " events " + t.events().size());
        for (Step s : t.events()) {
            System.out.println(s.step() + " " + s.timeNs() + " | " + s.source() + ">" + s.destination() + " | " + s.device() + " | " + s.iface() + " | " + s.direction() + " | " + s.vlan() + " | " + s.action() + " | " + s.note());
        }
    }
}

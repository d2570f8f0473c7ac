package vnetsim.folder.compile;

import java.util.HashMap;
import java.util.Map;
import vnetsim.device.BridgePort;
import vnetsim.device.Endpoint;
import vnetsim.device.LinuxBridge;
import vnetsim.device.PhysicalNic;
import vnetsim.device.RoutingFirewall;
import vnetsim.device.TrunkSwitch;
import vnetsim.device.VlanSubinterface;
import vnetsim.device.l3.RouterInterface;
import vnetsim.folder.compile.NodePlan.BridgePlan;
import vnetsim.folder.compile.NodePlan.NicPlan;
import vnetsim.folder.compile.NodePlan.PortPlan;
import vnetsim.folder.compile.NodePlan.VlanPlan;
import vnetsim.folder.firewall.FirewallConfig;
import vnetsim.frame.EtherType;
import vnetsim.topology.LinkKind;
import vnetsim.topology.Topology;
import vnetsim.topology.TopologyBuilder;

/**
 * Instantiates a {@link NetworkPlan} as devices and links, fresh on every call: switches, firewalls, then each
 * node's devices in the order its policies create them, then workloads.
 */
public final class TopologyFactory {
    private final TopologyBuilder b = new TopologyBuilder();
    /** "host/interface" of a cable end: {device index, port}. */
    private final Map<String, int[]> cableEnds = new HashMap<>();

    private TopologyFactory() {
    }

    public static Topology build(final NetworkPlan plan) {
        return new TopologyFactory().instantiate(plan);
    }

    private Topology instantiate(final NetworkPlan plan) {
        for (final SwitchPlan s : plan.switches()) {
            final TrunkSwitch sw = new TrunkSwitch(s.hostname(), TrunkSwitch.DEFAULT_AGEING_NS);
            sw.setCreatedVlans(s.createdVlans());
            final int index = b.add(sw);
            for (final SwitchPlan.Port p : s.ports()) {
                final int port = sw.addPort(p.name(), p.mode());
                sw.setPortUp(port, p.up());
                cableEnds.put(s.hostname() + "/" + p.name(), new int[] {index, port});
            }
        }
        for (final FirewallConfig f : plan.firewalls()) {
            final RoutingFirewall fw = new RoutingFirewall(f.name(), f.uplink(), f.mac());
            f.subinterfaces().forEach(s -> fw.addInterface(new RouterInterface(s.name(), s.vlan(), s.ip(),
                    s.prefixLength(), s.mtu())));
            f.acl().forEach(fw::addAclRule);
            cableEnds.put(f.name() + "/" + f.uplink(), new int[] {b.add(fw), RoutingFirewall.UPLINK});
        }
        final Map<String, int[]> bridgePorts = new HashMap<>();
        for (final NodePlan n : plan.nodes()) {
            node(n, bridgePorts);
        }
        for (final CablePlan c : plan.cables()) {
            final int[] x = cableEnds.get(c.hostA() + "/" + c.interfaceA());
            final int[] y = cableEnds.get(c.hostB() + "/" + c.interfaceB());
            if (x != null && y != null) {
                b.link(x[0], x[1], y[0], y[1], LinkKind.CABLE);
            }
        }
        for (final WorkloadPlan w : plan.workloads()) {
            final Endpoint e = new Endpoint(w.display(), w.iface(), w.kind(), w.mac(), w.ip(), w.prefixLength(),
                    w.gateway(), 64);
            final int index = b.addEndpoint(w.id(), e);
            final int[] port = bridgePorts.get(w.node() + "/" + w.bridge() + "/" + w.vethName());
            b.link(index, Endpoint.NIC, port[0], port[1], LinkKind.VETH);
        }
        return b.build();
    }

    private void node(final NodePlan n, final Map<String, int[]> bridgePorts) {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, PhysicalNic> nics = new HashMap<>();
        final Map<String, Object> planByName = new HashMap<>();
        n.nics().forEach(x -> planByName.put(x.name(), x));
        n.vlans().forEach(x -> planByName.put(x.name(), x));
        n.bridges().forEach(x -> planByName.put(x.name(), x));
        final Map<String, LinuxBridge> bridges = new HashMap<>();
        for (final String name : n.order()) {                // devices in creation order
            final Object p = planByName.get(name);
            if (p instanceof NicPlan nic) {
                final PhysicalNic dev = new PhysicalNic(n.name(), nic.name(), nic.mac(), nic.mtu());
                dev.setUp(nic.up());
                nics.put(nic.name(), dev);
                final int i = b.add(dev);
                index.put(nic.name(), i);
                cableEnds.put(n.name() + "/" + nic.name(), new int[] {i, PhysicalNic.WIRE});
            } else if (p instanceof VlanPlan v) {
                final VlanSubinterface dev = new VlanSubinterface(n.name(), v.name(), v.vid(), EtherType.VLAN_8021Q,
                        v.reorderHeaders(), v.mtu());
                dev.setUp(v.up());
                index.put(v.name(), b.add(dev));
            } else if (p instanceof BridgePlan br) {
                final LinuxBridge dev = new LinuxBridge(n.name(), br.name(), br.vlanFiltering(),
                        LinuxBridge.DEFAULT_AGEING_NS);
                index.put(br.name(), b.add(dev));
                bridges.put(br.name(), dev);
            }
        }
        for (final String name : n.order()) {                // then the links between them
            final Object p = planByName.get(name);
            if (p instanceof VlanPlan v) {
                final PhysicalNic parent = nics.get(v.parent());
                b.link(index.get(v.parent()), parent.addSubinterface(v.vid(), v.name()), index.get(v.name()),
                        VlanSubinterface.LOWER, LinkKind.STACK);
                if (v.master() != null) {
                    parent.setPromiscuous(true);      // enslaved subinterface: the parent goes promiscuous
                }
            } else if (p instanceof BridgePlan br) {
                final LinuxBridge dev = bridges.get(br.name());
                final int i = index.get(br.name());
                for (final PortPlan port : br.ports()) {
                    final int pi = dev.addPort(new BridgePort(port.name(), port.vids(), port.untagged(), port.pvid(),
                            false, port.mtu()));
                    dev.setPortUp(pi, br.up());
                    switch (port.kind()) {
                        case VLAN -> b.link(index.get(port.name()), VlanSubinterface.UPPER, i, pi, LinkKind.STACK);
                        case NIC -> b.link(index.get(port.name()), nics.get(port.name()).setMaster(br.name()), i, pi,
                                LinkKind.STACK);
                        case WORKLOAD -> bridgePorts.put(n.name() + "/" + br.name() + "/" + port.name(),
                                new int[] {i, pi});
                    }
                }
            }
        }
    }
}

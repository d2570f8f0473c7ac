package vnetsim.network;

import java.util.Optional;

/**
 * Names the broadcast domain a workload or router interface is in, for the duplicate-address check: the VLAN
 * its frames carry on the switch it is cabled to ("VLAN 2003 on tor"; switches trunked to each other are not
 * merged, so a duplicate across them goes unreported rather than a false one reported), or, where no switch
 * decides, the bridge or port itself ("node0/br-lab", "Firewall/eth1"). It follows a frame out of the bridge the way the
 * devices forward it: through a subinterface (tagged with its VID) or the NIC itself (tagged with the port's
 * VLAN unless the port sends it untagged), onto a switch port (access VLAN, native VLAN, or the tag).
 */
final class Segments {
    private static final int UNTAGGED = -1;

    private final NetworkSpec spec;

    Segments(final NetworkSpec spec) {
        this.spec = spec;
    }

    String ofWorkload(final WorkloadSpec w) {
        if (!w.isBridged() || w.attachment() instanceof WorkloadAttachment.Masquerade) {
            return w.id();                                   // alone on its cable, or behind its own pod
        }
        if (w.isMacvlan()) {
            return onWire(w.host(), w.macvlanParent(), UNTAGGED);
        }
        if (w.hostDevice() != null) {
            return onWire(w.host(), w.hostDevice(), UNTAGGED);
        }
        final HostSpec host = spec.host(w.host());
        final BridgeSpec bridge = host.bridge(w.bridge());
        final int vid = bridge.vlanFiltering() ? pvid(bridge, w.vlans()) : UNTAGGED;
        for (final BridgePortSpec port : bridge.ports()) {
            final Optional<VlanSpec> vlan = Names.find(host.vlans(), port.name(), VlanSpec::name);
            if (vlan.isPresent()) {
                return onWire(host.name(), vlan.get().parent(), vlan.get().vid());
            }
            if (!bridge.vlanFiltering()) {
                return onWire(host.name(), port.name(), UNTAGGED);
            }
            final PortVlans vlans = port.vlans() != null ? port.vlans() : PortVlans.access(bridge.defaultPvid());
            if (vid != PortVlans.NO_PVID && vlans.vids().contains(vid)) {
                return onWire(host.name(), port.name(), vlans.untagged().contains(vid) ? UNTAGGED : vid);
            }
        }
        return host.name() + "/" + bridge.name() + (vid == UNTAGGED ? "" : " VLAN " + vid);
    }

    String ofRouterInterface(final RouterSpec r, final RouterInterfaceSpec ri) {
        return onWire(r.name(), ri.port(), ri.vid() == RouterInterfaceSpec.UNTAGGED ? UNTAGGED : ri.vid());
    }

    private static int pvid(final BridgeSpec bridge, final PortVlans vlans) {
        return vlans != null ? vlans.pvid() : bridge.defaultPvid() == 0 ? PortVlans.NO_PVID : bridge.defaultPvid();
    }

    /** The domain of a frame leaving {@code device/iface} with this tag (or untagged). */
    private String onWire(final String device, final String iface, final int tag) {
        final String here = device + "/" + iface + (tag == UNTAGGED ? "" : " VLAN " + tag);
        final Optional<LinkSpec> link = spec.links().stream().filter(l -> l.touches(device, iface)).findFirst();
        if (link.isEmpty()) {
            return here;
        }
        final LinkSpec.End far = link.get().a().equals(new LinkSpec.End(device, iface)) ? link.get().b()
                : link.get().a();
        final Optional<SwitchSpec> sw = Names.find(spec.switches(), far.device(), SwitchSpec::name);
        if (sw.isEmpty()) {
            return here;
        }
        final SwitchPortSpec port = sw.get().port(far.iface());
        if (port.mode() == SwitchPortSpec.Mode.ACCESS) {
            return "VLAN " + port.accessVlan() + " on " + sw.get().name();
        }
        return "VLAN " + (tag == UNTAGGED ? port.nativeVlan() : tag) + " on " + sw.get().name();
    }
}

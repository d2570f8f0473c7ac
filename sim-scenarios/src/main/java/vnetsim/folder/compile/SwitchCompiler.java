package vnetsim.folder.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vnetsim.device.l2.SwitchportMode;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.nxos.SwitchConfig;
import vnetsim.folder.nxos.SwitchConfig.SwitchInterface;

/**
 * A switch's cabled ports with the modes its running-config gives them (NX-OS defaults: access VLAN 1, trunk
 * allows 1-4094 with native VLAN 1), and the VLANs that exist on it. Uncabled ports are listed, not simulated.
 */
final class SwitchCompiler {
    private SwitchCompiler() {
    }

    static SwitchPlan compile(final SwitchConfig config, final Set<String> cabled, final Diagnostics diagnostics) {
        final List<SwitchPlan.Port> ports = new ArrayList<>();
        final List<String> uncabled = new ArrayList<>();
        final List<String> assumedL2 = new ArrayList<>();
        final VlanSet created = config.createdVlans();
        for (final SwitchInterface i : config.interfaces()) {
            if (!cabled.contains(i.name())) {
                uncabled.add(i.name());
                continue;
            }
            if (!i.layer2()) {
                diagnostics.warn(i.at(), i.name() + " on " + config.hostname() + " is a routed port ('no switchport'); "
                        + "routed ports are not simulated yet, so it carries nothing");
            }
            if (!i.layer2Said()) {
                assumedL2.add(i.name());
            }
            final SwitchportMode mode = i.mode() == SwitchConfig.Mode.TRUNK
                    ? new SwitchportMode.Trunk(i.allowed(), i.nativeVlan(), false)
                    : new SwitchportMode.Access(i.accessVlan());
            final VlanSet used = i.mode() == SwitchConfig.Mode.TRUNK ? i.allowed() : VlanSet.of(i.accessVlan());
            final VlanSet missing = used.minus(created);
            if (!missing.isEmpty() && (i.mode() == SwitchConfig.Mode.ACCESS || !i.allowedAt().equals(i.at()))) {
                diagnostics.warn(i.mode() == SwitchConfig.Mode.TRUNK ? i.allowedAt() : i.at(), "VLAN " + missing
                        + " " + (i.mode() == SwitchConfig.Mode.TRUNK ? "is allowed on " : "is the access VLAN of ")
                        + i.name() + " but never created with 'vlan N' on " + config.hostname()
                        + ": the switch carries nothing in it");
            }
            ports.add(new SwitchPlan.Port(i.name(), mode, i.layer2() && !i.shutdown(), i.description(), i.at()));
        }
        if (!assumedL2.isEmpty()) {
            diagnostics.warn(config.at(), config.hostname() + ": " + assumedL2 + " have no 'switchport' line; Layer 2 "
                    + "is assumed (on some Nexus 9000 platforms ports default to Layer 3: add 'switchport' or "
                    + "'system default switchport')");
        }
        final List<SwitchPlan.Svi> svis = new ArrayList<>();
        final long mac = 0x025c_0000_0000L | (config.hostname().hashCode() & 0xffff_ffffL);
        for (final SwitchConfig.Svi svi : config.svis()) {
            if (svi.shutdown()) {
                diagnostics.warn(svi.at(), "interface Vlan" + svi.vlan() + " on " + config.hostname() + " is shut down "
                        + "(NX-OS SVIs start shut; add 'no shutdown')");
            } else if (!created.contains(svi.vlan())) {
                diagnostics.warn(svi.at(), "interface Vlan" + svi.vlan() + " on " + config.hostname() + " stays down: "
                        + "VLAN " + svi.vlan() + " was never created (NX-OS autostate)");
            } else if (config.interfaceVlanFeature()) {
                svis.add(new SwitchPlan.Svi(svi.vlan(), vnetsim.frame.Ipv4Address.parse(svi.address()),
                        svi.prefixLength(), svi.mtu(), mac, svi.at()));
            }
        }
        return new SwitchPlan(config.hostname(), created, ports, uncabled, svis, config.at());
    }
}

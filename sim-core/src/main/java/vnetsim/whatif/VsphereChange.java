package vnetsim.whatif;

import java.util.List;
import java.util.Locale;
import vnetsim.analysis.Change;
import vnetsim.analysis.NetworkSource;
import vnetsim.device.vsphere.VlanPolicy;
import vnetsim.network.VsphereSpec;

/**
 * A change to the vSphere layer of a network ({@link VsphereSpec}): one port group's security policy, VLAN or MAC
 * learning, named as the vSphere API names the fields ({@code HostPortGroupSpec.policy.security.allowPromiscuous},
 * {@code macChanges}, {@code forgedTransmits}, {@code vlanId}; a distributed port group's VLAN trunk range and
 * {@code macLearningPolicy.enabled}). Written either as a what-if line
 * ({@code set portgroup [ESXI/]PORTGROUP FIELD VALUE}, see {@link ChangeParser}) or as {@code trace --set}
 * ({@code [ESXI/]PORTGROUP.FIELD=VALUE}, {@link #setting}). Without an ESXi host the change applies to the port
 * group of that name on every host that has one.
 */
public sealed interface VsphereChange extends Change {
    /** The fields a change can set, for messages and help. */
    String FIELDS = "allowPromiscuous, macChanges, forgedTransmits (true|false, accept|reject), "
            + "vlanId (0-4095), vlanTrunk (a distributed trunk range: 0-4094), macLearning (true|false)";

    /** The changed copy. */
    VsphereSpec apply(VsphereSpec spec);

    /** The text that wrote this change. */
    String text();

    @Override
    default NetworkSource applyTo(final NetworkSource network) {
        if (!(network instanceof VsphereSpec spec)) {
            throw new IllegalArgumentException("'" + text() + "' changes a vSphere port group; network '"
                    + network.name() + "' has no vSphere layer (no vsphere/*.yaml in its folder)");
        }
        return apply(spec);
    }

    @Override
    default String describe() {
        return text();
    }

    /** The three security settings of a port group (all Accept/Reject). */
    enum Security {
        /** {@code allowPromiscuous}: Promiscuous mode. */
        PROMISCUOUS,
        /** {@code macChanges}: MAC address changes. */
        MAC_CHANGES,
        /** {@code forgedTransmits}: Forged transmits. */
        FORGED_TRANSMITS
    }

    /**
     * Promiscuous mode, MAC address changes or Forged transmits set to Accept ({@code accept}) or Reject.
     *
     * @param esxi      the ESXi host, or null for every host with the port group
     * @param portGroup the port group's name
     */
    record SetSecurity(String text, String esxi, String portGroup, Security setting, boolean accept)
            implements VsphereChange {
        @Override
        public VsphereSpec apply(final VsphereSpec spec) {
            return spec.withPortGroup(esxi, portGroup, g -> g.withSecurity(switch (setting) {
                case PROMISCUOUS -> g.security().withPromiscuous(accept);
                case MAC_CHANGES -> g.security().withMacChanges(accept);
                case FORGED_TRANSMITS -> g.security().withForgedTransmits(accept);
            }));
        }
    }

    /**
     * The port group's VLAN: {@code vlanId} 0 (none), 1-4094 (tagged by the vSwitch), 4095 (all), or a
     * distributed port group's trunk range.
     *
     * @param esxi the ESXi host, or null for every host with the port group
     */
    record SetVlan(String text, String esxi, String portGroup, VlanPolicy vlan) implements VsphereChange {
        @Override
        public VsphereSpec apply(final VsphereSpec spec) {
            return spec.withPortGroup(esxi, portGroup, g -> g.withVlan(vlan));
        }
    }

    /**
     * MAC learning on or off (a distributed port group's {@code macLearningPolicy.enabled}).
     *
     * @param esxi the ESXi host, or null for every host with the port group
     */
    record SetMacLearning(String text, String esxi, String portGroup, boolean on) implements VsphereChange {
        @Override
        public VsphereSpec apply(final VsphereSpec spec) {
            return spec.withPortGroup(esxi, portGroup, g -> g.withMacLearning(on));
        }
    }

    /**
     * {@code trace --set}'s form: {@code [ESXI/]PORTGROUP.FIELD=VALUE}, FIELD optionally written with its API path
     * ({@code Trunk.policy.security.allowPromiscuous=true}).
     *
     * @throws IllegalArgumentException naming the setting and what would be valid
     */
    static VsphereChange setting(final String setting) {
        final int eq = setting.indexOf('=');
        final int dot = eq < 0 ? -1 : setting.lastIndexOf('.', eq);
        if (eq < 0 || dot <= 0) {
            throw new IllegalArgumentException("setting '" + setting + "' is not PORTGROUP.FIELD=VALUE (e.g. "
                    + "Trunk.allowPromiscuous=true); fields: " + FIELDS);
        }
        String target = setting.substring(0, dot).trim();
        for (final String prefix : List.of(".policy.security", ".macManagementPolicy")) {
            if (target.endsWith(prefix)) {
                target = target.substring(0, target.length() - prefix.length());
            }
        }
        try {
            return of(setting, target, setting.substring(dot + 1, eq).trim(), setting.substring(eq + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + setting + "': " + e.getMessage(), e);
        }
    }

    /**
     * One change from its parts.
     *
     * @param text   how the user wrote it (for reports and errors)
     * @param target {@code PORTGROUP} or {@code ESXI/PORTGROUP}
     * @param field  one of {@link #FIELDS}, optionally with its API prefix ({@code policy.security.})
     * @param value  the new value
     * @throws IllegalArgumentException naming the field or value and what would be valid (the caller adds which
     *                                  change it was)
     */
    static VsphereChange of(final String text, final String target, final String field, final String value) {
        final int slash = target.indexOf('/');
        final String esxi = slash < 0 ? null : target.substring(0, slash).trim();
        final String group = target.substring(slash + 1).trim();
        if (group.isEmpty() || (esxi != null && esxi.isEmpty())) {
            throw new IllegalArgumentException("name a port group (PORTGROUP or ESXI/PORTGROUP)");
        }
        String f = field;
        for (final String prefix : List.of("policy.security.", "macManagementPolicy.", "macLearningPolicy.")) {
            if (f.startsWith(prefix)) {
                f = f.substring(prefix.length());
            }
        }
        return switch (f) {
            case "allowPromiscuous" -> new SetSecurity(text, esxi, group, Security.PROMISCUOUS, accept(value));
            case "macChanges" -> new SetSecurity(text, esxi, group, Security.MAC_CHANGES, accept(value));
            case "forgedTransmits" -> new SetSecurity(text, esxi, group, Security.FORGED_TRANSMITS,
                    accept(value));
            case "macLearning", "enabled" -> new SetMacLearning(text, esxi, group, accept(value));
            case "vlanId" -> {
                try {
                    yield new SetVlan(text, esxi, group, VlanPolicy.ofVlanId(Integer.parseInt(value)));
                } catch (IllegalArgumentException e) {          // NumberFormatException included
                    throw new IllegalArgumentException("vlanId must be 0 (none), 1-4094 or 4095 "
                            + "(all), not '" + value + "'", e);
                }
            }
            case "vlanTrunk" -> {
                try {
                    yield new SetVlan(text, esxi, group, VlanPolicy.Trunk.parse(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("vlanTrunk must be VLAN ranges within "
                            + "0-4094 such as 0-4094 or 1925-1928, not '" + value + "'", e);
                }
            }
            default -> throw new IllegalArgumentException("unknown port group field '" + field
                    + "'; fields: " + FIELDS);
        };
    }

    private static boolean accept(final String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "accept", "on" -> true;
            case "false", "reject", "off" -> false;
            default -> throw new IllegalArgumentException("value must be true (Accept) or false "
                    + "(Reject), not '" + value + "'");
        };
    }
}

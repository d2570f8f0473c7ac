package vnetsim.folder.nmstate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.nmstate.NmInterface.BondConfig;
import vnetsim.folder.nmstate.NmInterface.State;
import vnetsim.folder.nmstate.NmInterface.Type;
import vnetsim.folder.nmstate.NmInterface.VlanConfig;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.ScalarNode;

/**
 * Reads one entry of {@code interfaces:} as nmstate does (rust/src/lib/ifaces/*.rs): types ethernet, vlan,
 * linux-bridge, bond; state up (default), down, absent; mtu; mac-address; ipv4/ipv6. Bridge port VLAN sections are
 * validated as nmstate's {@code BridgePortVlanConfig::sanitize()} validates them. For policies applied by
 * kubernetes-nmstate, an up linux-bridge's ports without a {@code vlan} key get the default trunk
 * ({@code mode: trunk, trunk-tags: [{id-range: {min: 2, max: 4094}}]}) and a warning saying so.
 */
public final class InterfaceReader {
    /** Linux bond modes (drivers/net/bonding); the simulator forwards through the first two. */
    static final List<String> BOND_MODES = List.of("active-backup", "802.3ad", "balance-rr", "balance-xor",
            "broadcast", "balance-tlb", "balance-alb");
    private static final String VID_RANGE = "valid VLAN IDs are 1-4094 (0 is a priority tag, 4095 reserved)";

    private final Diagnostics diagnostics;
    private final String policy;
    private final boolean kubernetesNmstate;

    /** @param kubernetesNmstate true for NNCPs: kubernetes-nmstate's default trunk applies */
    public InterfaceReader(final Diagnostics diagnostics, final String policy, final boolean kubernetesNmstate) {
        this.diagnostics = diagnostics;
        this.policy = policy;
        this.kubernetesNmstate = kubernetesNmstate;
    }

    public Optional<NmInterface> read(final Node node) {
        final Optional<Fields> fields = Fields.of(node, diagnostics, "interface");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        final Fields f = fields.get();
        final Optional<String> name = f.requiredString("name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        final String ctx = "interface '" + name.get() + "'";
        final Fields i = new Fields(f.node(), diagnostics, ctx);
        i.ignore("name", "description", "profile-name", "controller");
        final String typeText = i.string("type").orElse(null);
        final State state = i.oneOf("state", "up", "down", "absent")
                .map(s -> State.valueOf(s.toUpperCase(java.util.Locale.ROOT))).orElse(State.UP);
        if (typeText == null) {
            if (state != State.ABSENT) {
                diagnostics.error(i.at(), ctx + " has no type; valid: ethernet, vlan, linux-bridge, bond");
            }
            i.finish();
            return state == State.ABSENT ? Optional.of(new NmInterface(name.get(), null, State.ABSENT, null, null,
                    null, null, null, null, null, policy, i.at())) : Optional.empty();
        }
        final Type type = switch (typeText) {
            case "ethernet" -> Type.ETHERNET;
            case "vlan" -> Type.VLAN;
            case "linux-bridge" -> Type.LINUX_BRIDGE;
            case "bond" -> Type.BOND;
            default -> null;
        };
        if (type == null) {
            diagnostics.warn(i.at("type"), ctx + ": interface type '" + typeText + "' is not simulated (ethernet, "
                    + "vlan, linux-bridge and bond are); the interface is ignored");
            return Optional.empty();
        }
        final Integer mtu = i.integer("mtu", 68, 65535, "valid MTUs are 68-65535").orElse(null);
        final String mac = i.string("mac-address").map(m -> mac(m, i.at("mac-address"), ctx)).orElse(null);
        final IpConfig ipv4 = i.map("ipv4", ctx + " ipv4").map(ip -> ip(ip, false)).orElse(null);
        final IpConfig ipv6 = i.map("ipv6", ctx + " ipv6").map(ip -> ip(ip, true)).orElse(null);
        VlanConfig vlan = null;
        BridgeConfig bridge = null;
        BondConfig bond = null;
        switch (type) {
            case VLAN -> {
                vlan = i.map("vlan", ctx + " vlan").map(v -> vlan(v, ctx)).orElse(null);
                if (vlan == null && state != State.ABSENT && !i.has("vlan")) {
                    diagnostics.error(i.at(), ctx + " of type vlan needs a 'vlan' section with base-iface and id");
                    return Optional.empty();
                }
                if (vlan == null && state != State.ABSENT) {
                    return Optional.empty();
                }
            }
            case LINUX_BRIDGE -> bridge = i.map("bridge", ctx + " bridge").map(b -> bridge(b, ctx, state))
                    .orElse(null);
            case BOND -> {
                bond = i.map("link-aggregation", ctx + " link-aggregation").map(b -> bond(b, ctx)).orElse(null);
                if (bond == null && state != State.ABSENT && !i.has("link-aggregation")) {
                    diagnostics.error(i.at(), ctx + " of type bond needs a 'link-aggregation' section with mode "
                            + "and port");
                }
                if (bond == null && state != State.ABSENT) {
                    return Optional.empty();
                }
            }
            default -> i.ignore("ethernet");
        }
        i.finish();
        return Optional.of(new NmInterface(name.get(), type, state, mtu, mac, ipv4, ipv6, vlan, bridge, bond, policy,
                i.at()));
    }

    private String mac(final String text, final Location at, final String ctx) {
        try {
            vnetsim.frame.MacAddress.parse(text);
            return text.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, "mac-address '" + text + "' of " + ctx + " is not a MAC address "
                    + "(six hex bytes separated by ':')");
            return null;
        }
    }

    private IpConfig ip(final Fields ip, final boolean v6) {
        final boolean enabled = ip.bool("enabled").orElse(false);
        final List<String> addresses = new ArrayList<>();
        ip.list("address").ifPresent(list -> {
            for (final Node a : list) {
                Fields.of(a, diagnostics, ip.context() + " address").ifPresent(af -> {
                    final Optional<String> addr = af.requiredString("ip");
                    final Optional<Integer> len = af.integer("prefix-length", 0, v6 ? 128 : 32,
                            "valid prefix lengths are 0-" + (v6 ? 128 : 32));
                    af.finish();
                    if (addr.isPresent() && len.isPresent()) {
                        if (!v6 && !isIpv4(addr.get())) {
                            diagnostics.error(af.at("ip"), "ip '" + addr.get() + "' in " + ip.context()
                                    + " is not an IPv4 address");
                        } else {
                            addresses.add(addr.get() + "/" + len.get());
                        }
                    }
                });
            }
        });
        final boolean dhcp = ip.bool("dhcp").orElse(false) | ip.bool("autoconf").orElse(false);
        ip.ignore("auto-dns", "auto-gateway", "auto-routes", "auto-route-table-id", "auto-route-metric",
                "dhcp-client-id", "dhcp-duid", "addr-gen-mode", "allow-extra-address");
        if (!enabled && (!addresses.isEmpty() || dhcp)) {
            diagnostics.warn(ip.at(), ip.context() + ": 'enabled' is false, so its addresses and DHCP are "
                    + "ignored (nmstate: \"all other IP parameters will be ignored\")");
            addresses.clear();
        }
        if (enabled && dhcp) {
            diagnostics.warn(ip.at(), ip.context() + ": DHCP/autoconf is not simulated; no address is assumed");
        }
        ip.finish();
        return new IpConfig(enabled, enabled ? addresses : List.of(), enabled && dhcp, ip.at());
    }

    private static boolean isIpv4(final String text) {
        try {
            vnetsim.frame.Ipv4Address.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private VlanConfig vlan(final Fields v, final String ctx) {
        final Optional<String> base = v.requiredString("base-iface");
        final Optional<Integer> id = v.integer("id", 1, 4094, VID_RANGE);
        if (!v.has("id")) {
            diagnostics.error(v.at(), ctx + " vlan has no 'id'; " + VID_RANGE);
        }
        final boolean reorder = v.bool("reorder-headers").orElse(true);
        v.oneOf("protocol", "802.1q", "802.1ad").filter(p -> p.equals("802.1ad")).ifPresent(p ->
                diagnostics.warn(v.at("protocol"), ctx + ": protocol 802.1ad (QinQ S-tag) is not simulated; "
                        + "the interface tags 802.1Q"));
        v.ignore("loose-binding", "registration-protocol");
        v.finish();
        if (base.isEmpty() || id.isEmpty()) {
            return null;
        }
        return new VlanConfig(base.get(), id.get(), reorder, v.at());
    }

    private BridgeConfig bridge(final Fields b, final String ctx, final State state) {
        Boolean stp = null;
        final Optional<Fields> options = b.map("options", ctx + " bridge options");
        if (options.isPresent()) {
            final Fields o = options.get();
            final Optional<Fields> stpSection = o.map("stp", ctx + " stp");
            if (stpSection.isPresent()) {
                stp = stpSection.get().bool("enabled").orElse(null);
                stpSection.get().ignore("forward-delay", "hello-time", "max-age", "priority");
                stpSection.get().finish();
            }
            o.ignore("mac-ageing-time", "multicast-snooping", "group-forward-mask", "hash-max", "vlan-protocol");
            o.finish();
        }
        final List<BridgePortConfig> ports = new ArrayList<>();
        final String portKey = b.has("ports") && !b.has("port") ? "ports" : "port";
        b.list(portKey).ifPresent(list -> {
            for (final Node p : list) {
                port(p, ctx, state).ifPresent(ports::add);
            }
        });
        final java.util.Set<String> seen = new java.util.HashSet<>();
        for (final BridgePortConfig p : ports) {
            if (!seen.add(p.name())) {
                diagnostics.error(p.at(), ctx + " lists port '" + p.name() + "' twice");
            }
        }
        b.finish();
        return new BridgeConfig(ports, stp, b.at());
    }

    private Optional<BridgePortConfig> port(final Node node, final String ctx, final State state) {
        final Optional<Fields> pf = Fields.of(node, diagnostics, ctx + " port");
        if (pf.isEmpty()) {
            return Optional.empty();
        }
        final Fields p = pf.get();
        final Optional<String> name = p.requiredString("name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        final String pctx = ctx + " port '" + name.get() + "'";
        p.ignore("stp-hairpin-mode", "stp-path-cost", "stp-priority");
        PortVlan vlan = null;
        boolean defaulted = false;
        if (p.has("vlan")) {
            vlan = p.map("vlan", pctx + " vlan").map(v -> portVlan(v, pctx)).orElse(null);
        } else if (kubernetesNmstate && state == NmInterface.State.UP) {
            vlan = PortVlan.kubernetesNmstateDefault(p.at());
            defaulted = true;
            diagnostics.warn(p.at(), pctx + " has no 'vlan' key, so kubernetes-nmstate adds its default trunk "
                    + "(mode trunk, trunk-tags 2-4094, native VLAN 1 untagged): the bridge filters VLANs. "
                    + "Write 'vlan: {}' on the port to keep the bridge VLAN-unaware");
        }
        p.finish();
        return Optional.of(new BridgePortConfig(name.get(), vlan, defaulted, p.at()));
    }

    /** nmstate BridgePortVlanConfig and its sanitize(). */
    private PortVlan portVlan(final Fields v, final String ctx) {
        final PortVlan.Mode mode = v.oneOf("mode", "trunk", "access")
                .map(m -> m.equals("trunk") ? PortVlan.Mode.TRUNK : PortVlan.Mode.ACCESS).orElse(null);
        final Integer tag = v.integer("tag", 0, 4094, VID_RANGE).orElse(null);
        final Boolean enableNative = v.bool("enable-native").orElse(null);
        List<PortVlan.TrunkTag> tags = null;
        final Optional<List<Node>> trunk = v.list("trunk-tags");
        if (trunk.isPresent()) {
            tags = new ArrayList<>();
            for (final Node t : trunk.get()) {
                trunkTag(t, ctx).ifPresent(tags::add);
            }
        }
        v.finish();
        final PortVlan result = new PortVlan(mode, tag, enableNative, tags, v.at());
        if (mode == PortVlan.Mode.TRUNK && tag != null && tag != 0 && !Boolean.TRUE.equals(enableNative)) {
            diagnostics.error(v.at(), ctx + ": tag " + tag + " in trunk mode needs 'enable-native: true' (nmstate: "
                    + "\"Bridge VLAN filtering `tag` cannot be use in trunk mode without `enable-native`\")");
        }
        if (mode == PortVlan.Mode.ACCESS && Boolean.TRUE.equals(enableNative)) {
            diagnostics.error(v.at(), ctx + ": 'enable-native: true' cannot be set in access mode (nmstate); "
                    + "remove it or use mode trunk");
        }
        if (mode == PortVlan.Mode.ACCESS && tags != null && !tags.isEmpty()) {
            diagnostics.error(v.at(), ctx + ": access mode cannot have trunk-tags (nmstate); use mode trunk, or "
                    + "give the access VLAN as 'tag'");
        }
        if (mode == PortVlan.Mode.TRUNK && tags == null) {
            diagnostics.error(v.at(), ctx + ": trunk mode needs trunk-tags (nmstate: \"trunk mode cannot have "
                    + "empty trunk-tags\")");
        }
        if (mode == null && !result.isEmpty()) {
            diagnostics.warn(v.at(), ctx + ": a vlan section without 'mode' turns VLAN filtering on but gives the "
                    + "port no VLANs of its own (nmstate maps it to an empty list); the port keeps PVID 1");
        }
        if (tags != null) {
            overlap(tags, v.at(), ctx);
        }
        return result;
    }

    private Optional<PortVlan.TrunkTag> trunkTag(final Node node, final String ctx) {
        final Optional<Fields> tf = Fields.of(node, diagnostics, ctx + " trunk-tag");
        if (tf.isEmpty()) {
            return Optional.empty();
        }
        final Fields t = tf.get();
        Optional<PortVlan.TrunkTag> result = Optional.empty();
        if (t.has("id")) {
            result = t.integer("id", 1, 4094, VID_RANGE).map(id -> new PortVlan.TrunkTag(id, id));
        } else if (t.has("id-range")) {
            result = t.map("id-range", ctx + " id-range").flatMap(r -> {
                final Optional<Integer> min = r.integer("min", 1, 4094, VID_RANGE);
                final Optional<Integer> max = r.integer("max", 1, 4094, VID_RANGE);
                if (!r.has("min") || !r.has("max")) {
                    diagnostics.error(r.at(), ctx + ": id-range needs both min and max");
                }
                r.finish();
                if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
                    diagnostics.error(r.at(), ctx + ": id-range min " + min.get() + " is above max " + max.get());
                    return Optional.empty();
                }
                return min.isPresent() && max.isPresent()
                        ? Optional.of(new PortVlan.TrunkTag(min.get(), max.get())) : Optional.empty();
            });
        } else {
            diagnostics.error(t.at(), ctx + ": a trunk tag is 'id: N' or 'id-range: {min, max}' (nmstate: "
                    + "\"BridgePortTrunkTag only support 'id' or 'id-range'\")");
        }
        t.finish();
        return result;
    }

    /** validate_overlap_trunk_tags(). */
    private void overlap(final List<PortVlan.TrunkTag> tags, final Location at, final String ctx) {
        for (int a = 0; a < tags.size(); a++) {
            for (int b = 0; b < a; b++) {
                final PortVlan.TrunkTag x = tags.get(a);
                final PortVlan.TrunkTag y = tags.get(b);
                if (x.min() <= y.max() && y.min() <= x.max()) {
                    diagnostics.error(at, ctx + ": trunk tag " + x + " overlaps " + y + " (nmstate rejects "
                            + "overlapping trunk tags)");
                }
            }
        }
    }

    private BondConfig bond(final Fields b, final String ctx) {
        final Optional<String> mode = b.requiredString("mode");
        if (mode.isPresent() && !BOND_MODES.contains(mode.get())) {
            diagnostics.error(b.at("mode"), ctx + ": bond mode '" + mode.get() + "' is not valid; valid: "
                    + String.join(", ", BOND_MODES));
            return null;
        }
        final List<String> ports = new ArrayList<>();
        final String key = b.has("port") ? "port" : b.has("ports") ? "ports" : "slaves";
        b.list(key).ifPresent(list -> list.forEach(n -> {
            if (n instanceof ScalarNode s && !s.isNull()) {
                ports.add(s.text());
            } else {
                diagnostics.error(n.at(), ctx + ": bond ports are interface names, not " + n.kindName());
            }
        }));
        String primary = null;
        String hash = "layer2";
        final Optional<Fields> options = b.map("options", ctx + " bond options");
        if (options.isPresent()) {
            final Fields o = options.get();
            primary = o.string("primary").orElse(null);
            hash = o.oneOf("xmit_hash_policy", "layer2", "layer2+3", "layer3+4", "encap2+3", "encap3+4",
                    "vlan+srcmac").orElse("layer2");
            o.ignore("miimon", "lacp_rate", "updelay", "downdelay", "ad_select", "fail_over_mac",
                    "primary_reselect", "arp_interval", "arp_ip_target", "min_links", "all_slaves_active");
            o.finish();
        }
        b.finish();
        if (mode.isEmpty()) {
            return null;
        }
        if (!mode.get().equals("active-backup") && !mode.get().equals("802.3ad")) {
            diagnostics.warn(b.at("mode"), ctx + ": bond mode '" + mode.get() + "' is read but forwarded as "
                    + "active-backup (only active-backup and 802.3ad are simulated)");
        }
        if (primary != null && !ports.contains(primary)) {
            diagnostics.error(b.at(), ctx + ": primary '" + primary + "' is not one of the bond's ports " + ports);
        }
        return new BondConfig(mode.get(), ports, primary, hash, b.at());
    }
}

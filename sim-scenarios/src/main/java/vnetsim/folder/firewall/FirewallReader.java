package vnetsim.folder.firewall;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vnetsim.device.l3.AclRule;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.ScalarNode;
import vnetsim.folder.yaml.TreeReader;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * Reads {@code firewalls/*.yaml} (format documented in src/networks/README.md):
 * <pre>
 * name: Firewall
 * uplink: {name: Uplink 1, mac: 00:1b:17:00:01:01}
 * interfaces:
 *   - {name: Uplink 1.2003, vlan: 2003, address: 172.16.4.1/24, mtu: 1500}
 * acl:
 *   - deny 172.16.4.0/24 172.16.6.0/24 icmp
 * </pre>
 */
public final class FirewallReader {
    private final Diagnostics diagnostics;

    public FirewallReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public List<FirewallConfig> readFile(final Path file, final String displayName) {
        final List<FirewallConfig> out = new ArrayList<>();
        for (final Node doc : new TreeReader(diagnostics).readYamlFile(file, displayName)) {
            read(doc).ifPresent(out::add);
        }
        return out;
    }

    public Optional<FirewallConfig> read(final Node doc) {
        return Fields.of(doc, diagnostics, "firewall").flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final String ctx = "firewall '" + name.orElse("?") + "'";
            String uplink = null;
            Long mac = null;
            final Optional<Fields> up = f.map("uplink", ctx + " uplink");
            if (up.isPresent()) {
                uplink = up.get().requiredString("name").orElse(null);
                final Optional<String> macText = up.get().requiredString("mac");
                if (macText.isPresent()) {
                    try {
                        mac = MacAddress.parse(macText.get());
                    } catch (IllegalArgumentException e) {
                        diagnostics.error(up.get().at("mac"), ctx + ": mac '" + macText.get() + "' is not a MAC "
                                + "address (six hex bytes separated by ':')");
                    }
                }
                up.get().finish();
            } else {
                diagnostics.error(f.at(), ctx + " has no uplink: {name, mac}");
            }
            final List<FirewallConfig.Subinterface> subs = new ArrayList<>();
            f.list("interfaces").ifPresent(list -> list.forEach(n -> sub(n, ctx).ifPresent(subs::add)));
            final Set<Integer> vlans = new HashSet<>();
            for (final FirewallConfig.Subinterface s : subs) {
                if (!vlans.add(s.vlan())) {
                    diagnostics.error(s.at(), ctx + ": VLAN " + s.vlan() + " has two subinterfaces; one per VLAN");
                }
            }
            final List<AclRule> acl = new ArrayList<>();
            f.list("acl").ifPresent(list -> list.forEach(n -> {
                if (n instanceof ScalarNode s && !s.isNull()) {
                    try {
                        acl.add(AclRule.parse(s.text()));
                    } catch (IllegalArgumentException e) {
                        diagnostics.error(n.at(), ctx + ": " + e.getMessage());
                    }
                } else {
                    diagnostics.error(n.at(), ctx + ": an ACL rule is one line 'permit|deny SRC DST [PROTOCOL]'");
                }
            }));
            f.finish();
            if (name.isEmpty() || uplink == null || mac == null) {
                return Optional.empty();
            }
            return Optional.of(new FirewallConfig(name.get(), uplink, mac, subs, acl, f.at()));
        });
    }

    private Optional<FirewallConfig.Subinterface> sub(final Node node, final String ctx) {
        return Fields.of(node, diagnostics, ctx + " interface").flatMap(s -> {
            final Optional<String> name = s.requiredString("name");
            final Optional<Integer> vlan = s.integer("vlan", 1, 4094, "valid VLAN IDs are 1-4094");
            if (!s.has("vlan")) {
                diagnostics.error(s.at(), ctx + ": interface needs 'vlan'");
            }
            final Optional<String> address = s.requiredString("address");
            final int mtu = s.integer("mtu", 68, 65535, "valid MTUs are 68-65535").orElse(1500);
            s.finish();
            if (name.isEmpty() || vlan.isEmpty() || address.isEmpty()) {
                return Optional.empty();
            }
            final String a = address.get();
            final int slash = a.indexOf('/');
            try {
                final int len = Integer.parseInt(a.substring(slash + 1));
                if (slash < 0 || len < 1 || len > 31) {
                    throw new IllegalArgumentException();
                }
                return Optional.of(new FirewallConfig.Subinterface(name.get(), vlan.get(),
                        Ipv4Address.parse(a.substring(0, slash)), len, mtu, s.at()));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                diagnostics.error(s.at("address"), ctx + ": address '" + a + "' is not valid; write A.B.C.D/LEN "
                        + "with LEN 1-31");
                return Optional.empty();
            }
        });
    }
}

package vnetsim.folder.dhcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.yaml.Fields;
import vnetsim.folder.yaml.Node;
import vnetsim.folder.yaml.TreeReader;
import vnetsim.frame.Ipv4Address;
import vnetsim.frame.MacAddress;

/**
 * Reads {@code dhcp/*.yaml}: one DHCPv4 server per YAML document, its subnet written with ISC Kea's
 * {@code Dhcp4} field names ({@code subnet4[].subnet}, {@code pools[].pool}, {@code option-data[]} with
 * {@code name: routers}, {@code valid-lifetime}), plus the interface Kea would listen on:
 * <pre>
 * name: dhcp-1928
 * interface: {name: eth0, mac: "02:00:c0:a8:1c:02", address: 192.168.28.2/24}
 * subnet4:
 *   - subnet: 192.168.28.0/24                    # the subnet mask option (1) is its prefix
 *     pools: [{pool: 192.168.28.100 - 192.168.28.199}]
 *     option-data: [{name: routers, data: 192.168.28.1}]
 *     valid-lifetime: 3600                       # the lease time option (51), seconds
 * </pre>
 * One subnet per server, and the interface's address must be in it (the server answers on that link only). Every
 * problem is an error or warning naming file and line.
 */
public final class DhcpReader {
    /** Kea's default valid-lifetime (seconds). */
    public static final int DEFAULT_LIFETIME = 7200;

    private final Diagnostics diagnostics;

    /** @param diagnostics where problems go */
    public DhcpReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Every server of one file, in order. */
    public List<DhcpConfig> readFile(final Path file, final String displayName) {
        final List<DhcpConfig> out = new ArrayList<>();
        for (final Node doc : new TreeReader(diagnostics).readYamlFile(file, displayName)) {
            read(doc).ifPresent(out::add);
        }
        return out;
    }

    /** Every server of one text (the fuzz tests' entry point). */
    public List<DhcpConfig> readText(final String text, final String displayName) {
        final List<DhcpConfig> out = new ArrayList<>();
        for (final Node doc : new TreeReader(diagnostics).readYaml(text, displayName, 0)) {
            read(doc).ifPresent(out::add);
        }
        return out;
    }

    /** One server, or empty (the problems reported). */
    public Optional<DhcpConfig> read(final Node doc) {
        return Fields.of(doc, diagnostics, "DHCP server").flatMap(f -> {
            final Optional<String> name = f.requiredString("name");
            final String ctx = "DHCP server '" + name.orElse("?") + "'";
            String iface = null;
            Long mac = null;
            int[] address = null;
            final Optional<Fields> i = f.map("interface", ctx + " interface");
            if (i.isPresent()) {
                iface = i.get().requiredString("name").orElse(null);
                mac = i.get().requiredString("mac").map(m -> mac(m, i.get().at("mac"), ctx)).orElse(null);
                address = i.get().requiredString("address").map(a -> cidr(a, i.get().at("address"), ctx))
                        .orElse(null);
                i.get().finish();
            } else {
                diagnostics.error(f.at(), ctx + " has no interface: {name, mac, address}");
            }
            final List<Node> subnets = f.list("subnet4").orElse(List.of());
            f.finish();
            if (subnets.size() != 1) {
                diagnostics.error(f.at("subnet4"), ctx + ": subnet4 must list exactly one subnet (found "
                        + subnets.size() + ")");
                return Optional.empty();
            }
            final Optional<Subnet> subnet = subnet(subnets.get(0), ctx);
            if (name.isEmpty() || iface == null || mac == null || address == null || subnet.isEmpty()) {
                return Optional.empty();
            }
            final Subnet s = subnet.get();
            final int mask = Ipv4Address.mask(s.prefix);
            if ((address[0] & mask) != s.network || address[1] != s.prefix) {
                diagnostics.error(f.at("interface"), ctx + ": interface address " + Ipv4Address.format(address[0])
                        + "/" + address[1] + " is not in subnet " + Ipv4Address.format(s.network) + "/" + s.prefix
                        + " (the server answers on the subnet of its own interface)");
                return Optional.empty();
            }
            return Optional.of(new DhcpConfig(name.get(), iface, mac, address[0], address[1], s.first, s.last,
                    s.router, s.lifetime, f.at()));
        });
    }

    /** One subnet4 entry, checked. */
    private record Subnet(int network, int prefix, int first, int last, int router, int lifetime) {
    }

    private Optional<Subnet> subnet(final Node node, final String ctx) {
        return Fields.of(node, diagnostics, ctx + " subnet4").flatMap(s -> {
            final int[] net = s.requiredString("subnet").map(a -> cidr(a, s.at("subnet"), ctx)).orElse(null);
            final int lifetime = s.integer("valid-lifetime", 60, Integer.MAX_VALUE, "valid: 60 seconds or more")
                    .orElse(DEFAULT_LIFETIME);
            final List<Node> pools = s.list("pools").orElse(List.of());
            int router = 0;
            final List<Node> options = s.list("option-data").orElse(List.of());
            s.ignore("id");
            s.finish();
            if (net == null) {
                return Optional.empty();
            }
            final int mask = Ipv4Address.mask(net[1]);
            if ((net[0] & mask) != net[0]) {
                diagnostics.error(s.at("subnet"), ctx + ": subnet " + Ipv4Address.format(net[0]) + "/" + net[1]
                        + " has host bits set; write the network address ("
                        + Ipv4Address.format(net[0] & mask) + "/" + net[1] + ")");
                return Optional.empty();
            }
            for (final Node o : options) {
                final Optional<Fields> opt = Fields.of(o, diagnostics, ctx + " option-data");
                if (opt.isEmpty()) {
                    continue;
                }
                final Optional<String> optName = opt.get().requiredString("name");
                final Optional<String> data = opt.get().requiredString("data");
                opt.get().ignore("code", "space", "always-send", "csv-format");
                opt.get().finish();
                if (optName.isPresent() && data.isPresent()) {
                    if (optName.get().equals("routers")) {
                        final String first = data.get().split(",")[0].trim();
                        final Integer r = ip(first, opt.get().at("data"), ctx + " routers");
                        if (r != null && (r & mask) != net[0]) {
                            diagnostics.error(opt.get().at("data"), ctx + ": router " + first + " is not in subnet "
                                    + Ipv4Address.format(net[0]) + "/" + net[1]);
                        } else if (r != null) {
                            router = r;
                        }
                    } else {
                        diagnostics.warn(opt.get().at("name"), ctx + ": option '" + optName.get() + "' is not "
                                + "simulated (routers is; the subnet mask comes from 'subnet', the lease time from "
                                + "'valid-lifetime'); ignored");
                    }
                }
            }
            if (pools.size() != 1) {
                diagnostics.error(s.at("pools"), ctx + ": pools must list exactly one pool (found " + pools.size()
                        + ")");
                return Optional.empty();
            }
            final int[] range = Fields.of(pools.get(0), diagnostics, ctx + " pool").flatMap(p -> {
                final Optional<String> text = p.requiredString("pool");
                p.finish();
                return text.map(t -> pool(t, p.at("pool"), ctx, net[0], mask));
            }).orElse(null);
            if (range == null) {
                return Optional.empty();
            }
            return Optional.of(new Subnet(net[0], net[1], range[0], range[1], router, lifetime));
        });
    }

    /** "A.B.C.D - A.B.C.E" (Kea's range form) or "A.B.C.D/LEN" (a prefix: every address in it). */
    private int[] pool(final String text, final Location at, final String ctx, final int network, final int mask) {
        final int[] range;
        final int dash = text.indexOf('-');
        if (dash >= 0) {
            final Integer first = ip(text.substring(0, dash).trim(), at, ctx + " pool");
            final Integer last = ip(text.substring(dash + 1).trim(), at, ctx + " pool");
            if (first == null || last == null) {
                return null;
            }
            range = new int[] {first, last};
        } else {
            final int[] p = cidr(text, at, ctx + " pool");
            if (p == null) {
                return null;
            }
            final int m = Ipv4Address.mask(p[1]);
            range = new int[] {p[0] & m, (p[0] & m) | ~m};
        }
        if (Integer.compareUnsigned(range[0], range[1]) > 0 || (range[0] & mask) != network
                || (range[1] & mask) != network) {
            diagnostics.error(at, ctx + ": pool '" + text + "' must be FIRST - LAST within the subnet, FIRST <= LAST");
            return null;
        }
        return range;
    }

    private Long mac(final String text, final Location at, final String ctx) {
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, ctx + ": mac '" + text + "' is not a MAC address (six hex bytes separated by ':')");
            return null;
        }
    }

    private Integer ip(final String text, final Location at, final String what) {
        try {
            return Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, what + ": '" + text + "' is not an IPv4 address");
            return null;
        }
    }

    /** {address, prefix length 1-30}, or null (reported). */
    private int[] cidr(final String text, final Location at, final String ctx) {
        final int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no /prefix-length");
            }
            final int len = Integer.parseInt(text.substring(slash + 1).trim());
            if (len < 1 || len > 30) {
                throw new IllegalArgumentException("prefix length " + len + " is not 1-30");
            }
            return new int[] {Ipv4Address.parse(text.substring(0, slash).trim()), len};
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, ctx + ": '" + text + "' is not A.B.C.D/LEN with LEN 1-30 (" + e.getMessage() + ")");
            return null;
        }
    }
}

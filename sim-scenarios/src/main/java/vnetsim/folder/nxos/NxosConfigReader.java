package vnetsim.folder.nxos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vnetsim.device.l2.VlanSet;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;
import vnetsim.folder.nxos.SwitchConfig.Mode;
import vnetsim.folder.nxos.SwitchConfig.Svi;
import vnetsim.folder.nxos.SwitchConfig.SwitchInterface;
import vnetsim.folder.nxos.SwitchConfig.VlanDef;
import vnetsim.folder.yaml.TreeReader;

/**
 * Reads an NX-OS running-config ({@code configs/*.cfg}) as the switch applies it, line by line: a line at column 0
 * is a global command and may open a context ({@code vlan}, {@code interface}); indented lines belong to the open
 * context. Statements (semantics.md section 5, Nexus 9000 interfaces guides): {@code hostname}/{@code switchname},
 * {@code feature interface-vlan}, {@code system default switchport}, {@code vlan N | N-M | list} with {@code name},
 * {@code interface EthernetX/Y} (any abbreviation the CLI takes: {@code Eth1/3}) with {@code description},
 * {@code [no] switchport}, {@code switchport mode access|trunk}, {@code switchport access vlan N},
 * {@code switchport trunk allowed vlan LIST|add|remove|except|all|none}, {@code switchport trunk native vlan N},
 * {@code [no] shutdown}, {@code mtu N}; SVIs {@code interface VlanN} with {@code ip address A/P} and
 * {@code [no] shutdown}. Anything else is a warning naming the line; a wrong value an error.
 */
public final class NxosConfigReader {
    private static final String VID_RANGE = "valid VLANs are 1-4094";

    private final Diagnostics diagnostics;

    public NxosConfigReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Null when the file cannot be read (the error is reported). */
    public SwitchConfig readFile(final Path file, final String displayName) {
        final String text = new TreeReader(diagnostics).readText(file, displayName);
        return text == null ? null : read(text, displayName);
    }

    public SwitchConfig read(final String text, final String file) {
        return new Session(file).run(text);
    }

    /** The state of one configuration session. */
    private final class Session {
        private final String file;
        private String hostname;
        private Location hostnameAt;
        private boolean interfaceVlan;
        private boolean defaultSwitchport;
        private final Map<Integer, VlanDef> vlans = new LinkedHashMap<>();
        private final Map<String, Iface> interfaces = new LinkedHashMap<>();
        private final Map<Integer, SviBuilder> svis = new LinkedHashMap<>();
        private Context context = Context.NONE;
        private List<Integer> vlanContext = List.of();
        private Iface iface;
        private SviBuilder svi;

        Session(final String file) {
            this.file = file;
        }

        SwitchConfig run(final String text) {
            final String[] lines = text.split("\r?\n", -1);
            for (int n = 0; n < lines.length; n++) {
                line(lines[n], new Location(file, n + 1));
            }
            if (hostname == null) {
                diagnostics.error(Location.file(file), "no 'hostname' line: the switch needs a name (the device "
                        + "name layer1_topology.json uses)");
                hostname = file;
            }
            final List<SwitchInterface> ifaces = new ArrayList<>();
            interfaces.values().forEach(i -> ifaces.add(i.build(defaultSwitchport)));
            final List<Svi> sviList = new ArrayList<>();
            for (final SviBuilder s : svis.values()) {
                if (!interfaceVlan) {
                    diagnostics.error(s.at, "interface Vlan" + s.vlan + " needs 'feature interface-vlan' (NX-OS "
                            + "rejects SVIs without it)");
                }
                if (s.address == null && !s.shutdown) {
                    diagnostics.warn(s.at, "interface Vlan" + s.vlan + " has no 'ip address'; it routes nothing");
                }
                if (s.address != null) {
                    sviList.add(new Svi(s.vlan, s.address, s.prefix, s.shutdown, s.mtu, s.description, s.at));
                }
            }
            return new SwitchConfig(hostname, hostnameAt == null ? Location.file(file) : hostnameAt, interfaceVlan,
                    vlans, ifaces, sviList);
        }

        private void line(final String raw, final Location at) {
            final String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("!") || stripped.startsWith("#")) {
                return;
            }
            final boolean indented = Character.isWhitespace(raw.charAt(0));
            final String[] w = stripped.split("\\s+");
            if (!indented) {
                context = Context.NONE;
                global(stripped, w, at);
                return;
            }
            switch (context) {
                case VLAN -> vlanLine(stripped, w, at);
                case INTERFACE -> iface.line(stripped, w, at);
                case SVI -> svi.line(stripped, w, at);
                case IGNORED -> { }
                case NONE -> diagnostics.warn(at, "indented line outside any vlan or interface section is not "
                        + "simulated; ignored: " + stripped);
            }
        }

        private void global(final String line, final String[] w, final Location at) {
            final String cmd = w[0].toLowerCase(Locale.ROOT);
            if ((cmd.equals("hostname") || cmd.equals("switchname")) && w.length == 2) {
                hostname = w[1];
                hostnameAt = at;
            } else if (cmd.equals("feature") && w.length == 2 && w[1].equalsIgnoreCase("interface-vlan")) {
                interfaceVlan = true;
            } else if (line.equalsIgnoreCase("system default switchport")) {
                defaultSwitchport = true;
            } else if (line.equalsIgnoreCase("no system default switchport")) {
                defaultSwitchport = false;
            } else if (cmd.equals("version")) {
                return;                                                      // informational
            } else if (cmd.equals("vlan") && w.length == 2) {
                final VlanSet set = vlanList(w[1], at);
                if (set == null) {
                    context = Context.IGNORED;
                    return;
                }
                vlanContext = new ArrayList<>();
                for (int v = 1; v <= 4094; v++) {
                    if (set.contains(v)) {
                        vlanContext.add(v);
                        vlans.putIfAbsent(v, new VlanDef(v, null, at));
                    }
                }
                context = Context.VLAN;
            } else if (cmd.equals("interface") && w.length >= 2) {
                interfaceLine(line.substring(line.indexOf(' ') + 1).strip(), at);
            } else {
                diagnostics.warn(at, "not simulated; ignored: " + line);
                context = Context.IGNORED;
            }
        }

        private void interfaceLine(final String name, final Location at) {
            final var ethernet = NxosNames.canonical(name);
            if (ethernet.isPresent()) {
                iface = interfaces.computeIfAbsent(ethernet.get(), n -> new Iface(n, at));
                context = Context.INTERFACE;
                return;
            }
            final int vlan = NxosNames.sviVlan(name);
            if (vlan >= 0) {
                if (vlan < 1 || vlan > 4094) {
                    diagnostics.error(at, "interface Vlan" + vlan + ": " + VID_RANGE);
                    context = Context.IGNORED;
                    return;
                }
                svi = svis.computeIfAbsent(vlan, v -> new SviBuilder(v, at));
                context = Context.SVI;
                return;
            }
            diagnostics.warn(at, "interface '" + name + "' is not simulated (Ethernet ports and VLAN interfaces are); "
                    + "its section is ignored");
            context = Context.IGNORED;
        }

        private void vlanLine(final String line, final String[] w, final Location at) {
            if (w[0].equalsIgnoreCase("name") && w.length >= 2) {
                final String name = line.substring(line.indexOf(' ') + 1).strip();
                for (final int v : vlanContext) {
                    vlans.put(v, new VlanDef(v, name, vlans.get(v).at()));
                }
            } else if (line.equalsIgnoreCase("state active") || line.equalsIgnoreCase("no shutdown")) {
                return;
            } else {
                diagnostics.warn(at, "not simulated in a vlan section; ignored: " + line);
            }
        }

        /** NX-OS VLAN list: "2003-2005", "10,20,30-40"; null (and an error) if malformed. */
        private VlanSet vlanList(final String text, final Location at) {
            try {
                if (text.equalsIgnoreCase("all") || text.equalsIgnoreCase("none")) {
                    throw new IllegalArgumentException("'" + text + "' is not a VLAN list here");
                }
                return VlanSet.parse(text);
            } catch (IllegalArgumentException e) {
                diagnostics.error(at, "VLAN list '" + text + "' is not valid (" + e.getMessage() + "); write VLANs "
                        + "1-4094 as N, N-M or N,M-P");
                return null;
            }
        }

        private int vid(final String text, final Location at, final String what) {
            try {
                final int v = Integer.parseInt(text);
                if (v >= 1 && v <= 4094) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            diagnostics.error(at, what + " '" + text + "' is not valid; " + VID_RANGE);
            return -1;
        }

        /** One Ethernet interface section (sections for the same port accumulate, as on the CLI). */
        private final class Iface {
            private final String name;
            private final Location at;
            private String description;
            private Boolean layer2;
            private Mode mode = Mode.ACCESS;
            private int accessVlan = 1;
            private VlanSet allowed = VlanSet.ALL;
            private Location allowedAt;
            private int nativeVlan = 1;
            private boolean shutdown;
            private int mtu = 1500;

            Iface(final String name, final Location at) {
                this.name = name;
                this.at = at;
                this.allowedAt = at;
            }

            void line(final String line, final String[] w, final Location where) {
                final String l = line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (w[0].equalsIgnoreCase("description")) {
                    description = w.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : "";
                } else if (l.equals("switchport")) {
                    layer2 = true;
                } else if (l.equals("no switchport")) {
                    layer2 = false;
                } else if (l.startsWith("switchport mode ")) {
                    switch (w.length == 3 ? w[2].toLowerCase(Locale.ROOT) : "") {
                        case "access" -> mode = Mode.ACCESS;
                        case "trunk" -> mode = Mode.TRUNK;
                        default -> diagnostics.error(where, "'" + line + "': mode '" + line.substring(16).strip()
                                + "' is not valid; valid: access, trunk");
                    }
                } else if (l.startsWith("switchport access vlan ") && w.length == 4) {
                    final int v = vid(w[3], where, "access VLAN");
                    if (v > 0) {
                        accessVlan = v;
                    }
                } else if (l.startsWith("switchport trunk native vlan ") && w.length == 5) {
                    final int v = vid(w[4], where, "native VLAN");
                    if (v > 0) {
                        nativeVlan = v;
                    }
                } else if (l.startsWith("switchport trunk allowed vlan ")) {
                    allowed(w, where, line);
                } else if (l.equals("shutdown")) {
                    shutdown = true;
                } else if (l.equals("no shutdown")) {
                    shutdown = false;
                } else if (w[0].equalsIgnoreCase("mtu") && w.length == 2) {
                    try {
                        final int m = Integer.parseInt(w[1]);
                        if (m < 576 || m > 9216) {
                            throw new NumberFormatException();
                        }
                        mtu = m;
                    } catch (NumberFormatException e) {
                        diagnostics.error(where, "mtu '" + w[1] + "' on " + name + " is not valid; valid: 576-9216");
                    }
                } else {
                    diagnostics.warn(where, "not simulated on " + name + "; ignored: " + line);
                }
            }

            /** {@code switchport trunk allowed vlan LIST | add LIST | remove LIST | except LIST | all | none}. */
            private void allowed(final String[] w, final Location where, final String line) {
                if (w.length == 5 && w[4].equalsIgnoreCase("all")) {
                    allowed = VlanSet.ALL;
                } else if (w.length == 5 && w[4].equalsIgnoreCase("none")) {
                    allowed = VlanSet.NONE;
                } else if (w.length == 5) {
                    final VlanSet s = vlanList(w[4], where);
                    if (s != null) {
                        allowed = s;
                    }
                } else if (w.length == 6) {
                    final VlanSet s = vlanList(w[5], where);
                    if (s == null) {
                        return;
                    }
                    switch (w[4].toLowerCase(Locale.ROOT)) {
                        case "add" -> allowed = allowed.plus(s);
                        case "remove" -> allowed = allowed.minus(s);
                        case "except" -> allowed = VlanSet.ALL.minus(s);
                        default -> {
                            diagnostics.error(where, "'" + line + "': '" + w[4] + "' is not valid; valid: a VLAN "
                                    + "list, add LIST, remove LIST, except LIST, all, none");
                            return;
                        }
                    }
                } else {
                    diagnostics.error(where, "'" + line + "' is not valid; valid: switchport trunk allowed vlan "
                            + "LIST | add LIST | remove LIST | except LIST | all | none");
                    return;
                }
                allowedAt = where;
            }

            SwitchInterface build(final boolean systemDefaultSwitchport) {
                final boolean said = layer2 != null;
                return new SwitchInterface(name, description, said ? layer2 : true, said || systemDefaultSwitchport,
                        mode, accessVlan, allowed, allowedAt, nativeVlan, shutdown, mtu, at);
            }
        }

        /** One {@code interface VlanN} section. */
        private final class SviBuilder {
            private final int vlan;
            private final Location at;
            private String address;
            private int prefix;
            private boolean shutdown = true;
            private int mtu = 1500;
            private String description;

            SviBuilder(final int vlan, final Location at) {
                this.vlan = vlan;
                this.at = at;
            }

            void line(final String line, final String[] w, final Location where) {
                final String l = line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (w[0].equalsIgnoreCase("description")) {
                    description = w.length > 1 ? line.substring(line.indexOf(' ') + 1).strip() : "";
                } else if (l.startsWith("ip address ") && (w.length == 3 || w.length == 4)) {
                    address(w, where, line);
                } else if (l.equals("shutdown")) {
                    shutdown = true;
                } else if (l.equals("no shutdown")) {
                    shutdown = false;
                } else if (w[0].equalsIgnoreCase("mtu") && w.length == 2) {
                    try {
                        final int m = Integer.parseInt(w[1]);
                        if (m < 576 || m > 9216) {
                            throw new NumberFormatException();
                        }
                        mtu = m;
                    } catch (NumberFormatException e) {
                        diagnostics.error(where, "mtu '" + w[1] + "' on Vlan" + vlan + " is not valid; valid: "
                                + "576-9216");
                    }
                } else {
                    diagnostics.warn(where, "not simulated on interface Vlan" + vlan + "; ignored: " + line);
                }
            }

            /** {@code ip address A/P} or {@code ip address A M}. */
            private void address(final String[] w, final Location where, final String line) {
                try {
                    final String ip;
                    final int len;
                    if (w.length == 3) {
                        final int slash = w[2].indexOf('/');
                        if (slash < 0) {
                            throw new IllegalArgumentException("no prefix length");
                        }
                        ip = w[2].substring(0, slash);
                        len = Integer.parseInt(w[2].substring(slash + 1));
                    } else {
                        ip = w[2];
                        len = Integer.bitCount(vnetsim.frame.Ipv4Address.parse(w[3]));
                    }
                    vnetsim.frame.Ipv4Address.parse(ip);
                    if (len < 1 || len > 31) {
                        throw new IllegalArgumentException("prefix length " + len);
                    }
                    address = ip;
                    prefix = len;
                } catch (IllegalArgumentException e) {
                    diagnostics.error(where, "'" + line + "' is not valid (" + e.getMessage() + "); write 'ip "
                            + "address A.B.C.D/LEN' with LEN 1-31");
                }
            }
        }
    }

    private enum Context { NONE, VLAN, INTERFACE, SVI, IGNORED }
}

package vnetsim.whatif;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vnetsim.analysis.Change;
import vnetsim.device.l3.AclRule;
import vnetsim.io.InputException;
import vnetsim.io.TextFiles;

/**
 * Reads what-if changes, one per line, in words a network engineer would say (names with spaces in quotes):
 *
 * <pre>
 * remove vlan 2004 from Switch Ethernet1/3        switchport trunk allowed vlan remove 2004
 * add vlan 2006 to Switch Ethernet1/3             switchport trunk allowed vlan add 2006
 * set native vlan 2003 on Switch Ethernet1/3      switchport trunk native vlan 2003
 * set access vlan 2005 on Switch Ethernet1/9      switchport access vlan 2005
 * shut Switch Ethernet1/3                         a switch or router port, a host NIC or subinterface down
 * shut link node0 enp4s0f0                        the cable at that end
 * move vm4 to node2                               the same bridge on another host
 * move vm4 to node2 bridge2005                    another host and network
 * set vlan 2005 on vm3                            the NAD's "vlan": the workload's bridge port VLAN
 * set vlan 2010 on node0 enp4s0f0.2003            a subinterface's VID
 * add acl on Firewall: deny 172.16.4.0/24 172.16.5.0/24 icmp [at 1]
 * set mtu 1400 on node0 enp4s0f0                  a NIC, subinterface or router interface; "on vm1": a workload
 * set portgroup Trunk allowPromiscuous true       a vSphere port group ({@link VsphereChange}): allowPromiscuous,
 *                                                 macChanges, forgedTransmits, vlanId, vlanTrunk, macLearning
 * </pre>
 *
 * Keywords are case-insensitive; a line that fits none of these is an {@link IllegalArgumentException} listing
 * them. In a change file, blank lines and lines starting with {@code #} are skipped.
 */
public final class ChangeParser {
    /** The accepted forms, for error messages and help. */
    public static final String SYNTAX = String.join("\n",
            "remove vlan VID from SWITCH PORT",
            "add vlan VID to SWITCH PORT",
            "set native vlan VID on SWITCH PORT",
            "set access vlan VID on SWITCH PORT",
            "shut DEVICE INTERFACE",
            "shut link DEVICE INTERFACE",
            "move WORKLOAD to HOST [BRIDGE]",
            "set vlan VID on WORKLOAD",
            "set vlan VID on HOST SUBINTERFACE",
            "add acl on ROUTER: permit|deny SRC DST [PROTOCOL] [at POSITION]",
            "set mtu BYTES on DEVICE INTERFACE | on WORKLOAD",
            "set portgroup [ESXI/]PORTGROUP allowPromiscuous|macChanges|forgedTransmits|macLearning true|false",
            "set portgroup [ESXI/]PORTGROUP vlanId 0-4095 | vlanTrunk RANGES");

    /** Largest change file read: 1 MiB, thousands of changes (a bigger one is a mistake, not a what-if). */
    public static final long CHANGE_FILE_LIMIT = 1L << 20;

    private ChangeParser() {
    }

    /**
     * Every change of a file, one per line, with file and line in errors.
     *
     * @param file a UTF-8 text file of at most {@link #CHANGE_FILE_LIMIT} bytes; blank and {@code #} lines skipped
     * @return the changes, in file order, never empty
     * @throws InputException when the file is missing, a directory, not UTF-8 text, too big, or holds no change
     * @throws IllegalArgumentException naming {@code file:line} for a line that is no change
     * @throws IOException when reading fails
     */
    public static List<Change> parseFile(final Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new InputException("change file not found: " + file);
        }
        final List<String> lines = TextFiles.readUtf8(file, CHANGE_FILE_LIMIT, "change file (one change per line)")
                .lines().toList();
        final List<Change> changes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                changes.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (changes.isEmpty()) {
            throw new InputException(file + ": no change in it (only blank lines and # comments); write one change "
                    + "per line, e.g. 'shut Switch Ethernet1/3'");
        }
        return changes;
    }

    /** One change: a {@link SpecChange}, or a {@link VsphereChange} ({@code set portgroup ...}). */
    public static Change parse(final String line) {
        String text = line.strip();
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        final List<String> w = words(text);
        if (w.isEmpty()) {
            throw bad(text, "empty change");
        }
        final String verb = lower(w, 0);
        try {
            switch (verb) {
                case "remove" -> {
                    expect(w, text, "remove", "vlan", null, "from", null, null);
                    return new SpecChange.RemoveTrunkVlan(text, w.get(4), w.get(5), vid(w.get(2), text));
                }
                case "add" -> {
                    if (lower(w, 1).equals("acl")) {
                        return acl(text, w);
                    }
                    expect(w, text, "add", "vlan", null, "to", null, null);
                    return new SpecChange.AddTrunkVlan(text, w.get(4), w.get(5), vid(w.get(2), text));
                }
                case "set" -> {
                    return set(text, w);
                }
                case "shut", "shutdown" -> {
                    if (lower(w, 1).equals("link")) {
                        expect(w, text, null, "link", null, null);
                        return new SpecChange.ShutLink(text, w.get(2), w.get(3));
                    }
                    if (lower(w, 1).equals("port") || lower(w, 1).equals("interface")) {
                        expect(w, text, null, null, null, null);
                        return new SpecChange.Shut(text, w.get(2), w.get(3));
                    }
                    expect(w, text, null, null, null);
                    return new SpecChange.Shut(text, w.get(1), w.get(2));
                }
                case "move" -> {
                    if (w.size() == 4) {
                        expect(w, text, "move", null, "to", null);
                        return new SpecChange.Move(text, w.get(1), w.get(3), null);
                    }
                    expect(w, text, "move", null, "to", null, null);
                    return new SpecChange.Move(text, w.get(1), w.get(3), w.get(4));
                }
                default -> throw bad(text, "unknown change '" + w.get(0) + "'");
            }
        } catch (IndexOutOfBoundsException e) {
            throw bad(text, "incomplete change");
        }
    }

    private static Change set(final String text, final List<String> w) {
        final String what = lower(w, 1);
        if (what.equals("portgroup")) {
            expect(w, text, "set", "portgroup", null, null, null);
            try {
                return VsphereChange.of(text, w.get(2), w.get(3), w.get(4));
            } catch (IllegalArgumentException e) {
                throw bad(text, e.getMessage());
            }
        }
        if (what.equals("native") || what.equals("access")) {
            expect(w, text, "set", null, "vlan", null, "on", null, null);
            final int vid = vid(w.get(3), text);
            return what.equals("native") ? new SpecChange.SetNativeVlan(text, w.get(5), w.get(6), vid)
                    : new SpecChange.SetAccessVlan(text, w.get(5), w.get(6), vid);
        }
        if (what.equals("vlan")) {
            if (w.size() == 5) {
                expect(w, text, "set", "vlan", null, "on", null);
                return new SpecChange.SetWorkloadVlan(text, w.get(4), vid(w.get(2), text));
            }
            expect(w, text, "set", "vlan", null, "on", null, null);
            return new SpecChange.SetSubinterfaceVlan(text, w.get(4), w.get(5), vid(w.get(2), text));
        }
        if (what.equals("mtu")) {
            final int mtu = number(w.get(2), text, "MTU", 68, 65535);
            if (w.size() == 5) {
                expect(w, text, "set", "mtu", null, "on", null);
                return new SpecChange.SetMtu(text, w.get(4), null, mtu);
            }
            expect(w, text, "set", "mtu", null, "on", null, null);
            return new SpecChange.SetMtu(text, w.get(4), w.get(5), mtu);
        }
        throw bad(text, "unknown setting '" + w.get(1) + "'");
    }

    /** add acl on ROUTER: RULE [at N]. */
    private static SpecChange acl(final String text, final List<String> w) {
        if (w.size() < 4 || !lower(w, 2).equals("on")) {
            throw bad(text, "expected 'add acl on ROUTER: permit|deny SRC DST [PROTOCOL] [at POSITION]'");
        }
        String router = w.get(3);
        int first = 4;
        if (router.endsWith(":")) {
            router = router.substring(0, router.length() - 1);
        } else if (w.size() > 4 && w.get(4).equals(":")) {
            first = 5;
        }
        List<String> rule = w.subList(first, w.size());
        int position = 1;
        if (rule.size() >= 2 && rule.get(rule.size() - 2).equalsIgnoreCase("at")) {
            position = number(rule.get(rule.size() - 1), text, "ACL position", 1, 100_000);
            rule = rule.subList(0, rule.size() - 2);
        }
        return new SpecChange.AddAclRule(text, router, AclRule.parse(String.join(" ", rule)), position);
    }

    /** Checks fixed keywords (null = any word) and the word count. */
    private static void expect(final List<String> w, final String text, final String... pattern) {
        if (w.size() != pattern.length) {
            throw bad(text, "expected " + pattern.length + " words, got " + w.size());
        }
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i] != null && !w.get(i).equalsIgnoreCase(pattern[i])) {
                throw bad(text, "expected '" + pattern[i] + "' where '" + w.get(i) + "' is");
            }
        }
    }

    private static int vid(final String word, final String text) {
        return number(word, text, "VLAN ID", 1, 4094);
    }

    private static int number(final String word, final String text, final String what, final int min,
                              final int max) {
        try {
            final int n = Integer.parseInt(word);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw bad(text, what + " must be " + min + "-" + max + ", not '" + word + "'");
    }

    private static String lower(final List<String> w, final int i) {
        return i < w.size() ? w.get(i).toLowerCase(Locale.ROOT) : "";
    }

    /** Words split on blanks; 'single' or "double" quotes keep a name with spaces together. */
    static List<String> words(final String text) {
        final List<String> words = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw bad(text, "unterminated quote");
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }

    private static IllegalArgumentException bad(final String text, final String why) {
        return new IllegalArgumentException("change '" + text + "': " + why + "; changes are written:\n  "
                + SYNTAX.replace("\n", "\n  "));
    }
}

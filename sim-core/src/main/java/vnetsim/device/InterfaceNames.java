package vnetsim.device;

import java.util.Locale;
import java.util.regex.Pattern;

/** Interface names as people write them: "Ethernet 1/3", "Eth1/3" and "ethernet1/3" are one port. */
public final class InterfaceNames {
    private InterfaceNames() {
    }

    /**
     * A canonical key, the one rule trace lookups, assertions, captures and {@code vnetsim verify} share:
     * backticks and all whitespace removed, lower case, and the NX-OS/IOS abbreviations of a slot/port name
     * expanded ("Eth1/3", "Et1/3", "E1/3" are "ethernet1/3"; "Gi1/0/1", "Ge1/0/1" are "gigabitethernet1/0/1").
     * A Linux name such as {@code eth0} has no slash and stays as it is.
     */
    public static String normalize(final String name) {
        final String n = WHITESPACE.matcher(name.replace("`", "")).replaceAll("").toLowerCase(Locale.ROOT);
        return GIGABIT.matcher(ETHERNET.matcher(n).replaceFirst("ethernet")).replaceFirst("gigabitethernet");
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ETHERNET = Pattern.compile("^(?:ethernet|eth|et|e)(?=\\d+/)");
    private static final Pattern GIGABIT = Pattern.compile("^(?:gigabitethernet|gi|ge)(?=\\d+/)");
}

package vnetsim.folder.nxos;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NX-OS interface names and the abbreviations the CLI accepts: {@code Eth1/3}, {@code ethernet 1/3}, {@code Vlan10}. */
public final class NxosNames {
    private static final Pattern ETHERNET = Pattern.compile("(?i)(et|eth|ethe|ether|ethern|etherne|ethernet)\\s*"
            + "(\\d+/\\d+(?:/\\d+)?)");
    private static final Pattern VLAN = Pattern.compile("(?i)vlan\\s*(\\d+)");

    private NxosNames() {
    }

    /** "Ethernet1/3" for any accepted spelling of an Ethernet interface, else empty. */
    public static Optional<String> canonical(final String name) {
        final Matcher m = ETHERNET.matcher(name.trim());
        return m.matches() ? Optional.of("Ethernet" + m.group(2)) : Optional.empty();
    }

    /** The VLAN number of an SVI name ("Vlan10", "vlan 10"), or -1. */
    public static int sviVlan(final String name) {
        final Matcher m = VLAN.matcher(name.trim());
        if (!m.matches() || m.group(1).length() > 5) {
            return -1;
        }
        return Integer.parseInt(m.group(1));
    }
}

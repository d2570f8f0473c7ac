package vnetsim.device;

import java.util.Locale;

/** Interface names as people write them: "Ethernet 1/3", "Eth1/3" and "ethernet1/3" are one port. */
public final class InterfaceNames {
    private InterfaceNames() {
    }

    /** A canonical key: backticks and spaces removed, lower case, "eth1/3" expanded to "ethernet1/3". */
    public static String normalize(final String name) {
        String n = name.replace("`", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (n.matches("eth\\d.*")) {
            n = "ethernet" + n.substring(3);
        }
        return n;
    }
}

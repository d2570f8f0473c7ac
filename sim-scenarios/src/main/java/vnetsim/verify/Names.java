package vnetsim.verify;

import java.util.Locale;
import vnetsim.device.InterfaceNames;

/**
 * How device and interface names written by people compare with the names a scenario uses: case, spacing and
 * backticks do not matter, "Ethernet 1/3" and "Eth1/3" are "Ethernet1/3", and "VM 1" is "Virtual Machine 1".
 */
final class Names {

    private Names() {
    }

    /** The comparison key of an interface name. */
    public static String interfaceKey(final String name) {
        return InterfaceNames.normalize(name);                 // the rule trace and the assertions use
    }

    /** The comparison key of a device or endpoint name. */
    public static String deviceKey(final String name) {
        return name.replace("`", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ")
                .replaceFirst("^vm ?(\\d+)$", "virtual machine $1");
    }

    /** True when two interface names denote the same interface. */
    public static boolean sameInterface(final String a, final String b) {
        return interfaceKey(a).equals(interfaceKey(b));
    }

    /** True when two device names denote the same device. */
    public static boolean sameDevice(final String a, final String b) {
        return deviceKey(a).equals(deviceKey(b));
    }
}

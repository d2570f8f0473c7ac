package vnetsim.pcap;

import java.util.Objects;

/**
 * One simulated interface a capture names, e.g. device {@code "host-a"}, interface {@code "br0.2003"}.
 *
 * <p>Two records are the same capture interface exactly when they are {@code equals}: a writer emits one
 * interface (pcapng IDB, or classic pcap file) per distinct record.
 *
 * @param device      simulated device name, not null
 * @param iface       interface name on that device, not null
 * @param description free text shown by Wireshark as the interface description; may be null (then omitted)
 */
public record CapturedInterface(String device, String iface, String description) {

    /**
     * Checks that device and interface are given.
     *
     * @param device      simulated device name, not null
     * @param iface       interface name on that device, not null
     * @param description free text shown by Wireshark as the interface description; may be null (then omitted)
     * @throws NullPointerException when {@code device} or {@code iface} is null
     */
    public CapturedInterface {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(iface, "iface");
    }

    /** The pcapng {@code if_name}: {@code "device/iface"}. */
    public String ifName() {
        return device + "/" + iface;
    }
}

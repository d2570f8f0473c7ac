package vnetsim.device.bridge;

import java.util.EnumSet;
import java.util.Set;
import vnetsim.frame.MacAddress;

/**
 * One row of {@code bridge fdb show}, a snapshot: the MAC, the VLAN (0 = the entry without "vlan"), the port it
 * points to ({@link BridgeFdb#BRIDGE_DEVICE} for the bridge's own MAC) and its flags.
 *
 * @param mac   48-bit MAC
 * @param vid   VLAN, 0 for none
 * @param port  port number, or {@link BridgeFdb#BRIDGE_DEVICE}
 * @param flags BR_FDB_* flags
 * @param ageNs time since the entry was last refreshed
 */
public record FdbEntry(long mac, int vid, int port, Set<FdbFlag> flags, long ageNs) {
    /** An entry; the flags are copied into an immutable set. */
    public FdbEntry {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** Whether the entry carries {@code flag} ({@code bridge fdb show} prints it: "permanent", "static", "sticky"). */
    public boolean has(final FdbFlag flag) {
        return flags.contains(flag);
    }

    /** The line as {@code bridge fdb show} would print it, with port names from {@code portName}. */
    public String format(final java.util.function.IntFunction<String> portName, final String bridgeName) {
        final StringBuilder b = new StringBuilder(MacAddress.format(mac)).append(" dev ")
                .append(port == BridgeFdb.BRIDGE_DEVICE ? bridgeName : portName.apply(port));
        if (vid != 0) {
            b.append(" vlan ").append(vid);
        }
        b.append(" master ").append(bridgeName);
        if (has(FdbFlag.LOCAL)) {
            b.append(" permanent");
        } else if (has(FdbFlag.STATIC)) {
            b.append(" static");
        }
        for (final FdbFlag f : new FdbFlag[] {FdbFlag.STICKY, FdbFlag.EXTERN_LEARN, FdbFlag.LOCKED}) {
            if (has(f)) {
                b.append(' ').append(f.word());
            }
        }
        return b.toString();
    }
}

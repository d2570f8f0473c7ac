package vnetsim.device.bridge;

import java.util.StringJoiner;

/**
 * An immutable set of {@link PortFlag}s as one int, so the data path tests a flag with one AND.
 *
 * @param bits one bit per {@link PortFlag#ordinal()}
 */
public record PortFlags(int bits) {
    /** What new_nbp() gives a new port: BR_LEARNING | BR_FLOOD | BR_MCAST_FLOOD | BR_BCAST_FLOOD. */
    public static final PortFlags KERNEL_DEFAULT = new PortFlags(PortFlag.LEARNING.bit() | PortFlag.FLOOD.bit()
            | PortFlag.MCAST_FLOOD.bit() | PortFlag.BCAST_FLOOD.bit());

    /** Whether {@code flag} is on ({@code bridge -d link show} prints it as "FLAG on"). */
    public boolean has(final PortFlag flag) {
        return (bits & flag.bit()) != 0;
    }

    /** {@code bridge link set dev PORT FLAG on|off}. */
    public PortFlags with(final PortFlag flag, final boolean on) {
        return new PortFlags(on ? bits | flag.bit() : bits & ~flag.bit());
    }

    @Override
    public String toString() {
        final StringJoiner j = new StringJoiner(" ");
        for (final PortFlag f : PortFlag.values()) {
            j.add(f.word() + (has(f) ? " on" : " off"));
        }
        return j.toString();
    }
}

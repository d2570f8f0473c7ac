package vnetsim.device;

/**
 * Why an L2 device would not send a frame out of a port: the reason and its detail (the VLAN, for a VLAN
 * refusal), as a drop would record them. Root-cause analysis asks for it where a flood left a port out.
 *
 * @param reason the drop reason
 * @param detail its detail (a VID for VLAN reasons, else 0)
 */
public record Refusal(DropReason reason, int detail) {
    /** The reason in words, with its detail. */
    public String text() {
        return reason.describe(detail);
    }
}

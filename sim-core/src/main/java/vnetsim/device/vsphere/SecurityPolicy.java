package vnetsim.device.vsphere;

/**
 * A vSwitch or port group security policy, the three settings of {@code HostNetworkSecurityPolicy}
 * ({@code allowPromiscuous}, {@code macChanges}, {@code forgedTransmits}: true = Accept). What each Reject does,
 * in the vSphere Security guide's words (semantics.md section 6):
 * <ul>
 *   <li>Promiscuous mode Reject: "The VM network adapter receives only frames that are addressed to the virtual
 *       machine." Accept: the vSwitch "forwards all frames to the virtual machine in compliance with the active
 *       VLAN policy".</li>
 *   <li>MAC address changes Reject: when the guest's effective MAC differs from the {@code .vmx} MAC, the adapter
 *       "does not receive any more frames until the effective MAC address matches".</li>
 *   <li>Forged transmits Reject: "the host compares the source MAC address being transmitted by the guest
 *       operating system with the effective MAC address for its virtual machine adapter ... If the addresses do
 *       not match, the ESXi host drops the packet" (vSphere 6.7 Security).</li>
 * </ul>
 * (https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.networking.doc/GUID-891147DD-3E2E-45A1-9B50-7717C3443DD7.html)
 *
 * @param allowPromiscuous Promiscuous mode Accept
 * @param macChanges       MAC address changes Accept
 * @param forgedTransmits  Forged transmits Accept
 */
public record SecurityPolicy(boolean allowPromiscuous, boolean macChanges, boolean forgedTransmits) {
    /** A standard switch's defaults: Promiscuous mode Reject, MAC address changes Accept, Forged transmits Accept. */
    public static final SecurityPolicy STANDARD_DEFAULT = new SecurityPolicy(false, true, true);
    /** Everything Reject: the defaults of a distributed switch created in current vSphere versions [verify]. */
    public static final SecurityPolicy ALL_REJECT = new SecurityPolicy(false, false, false);

    /**
     * This policy with Promiscuous mode Accept ({@code true}) or Reject: whether a vNIC also gets frames for other MACs
     * of its VLAN.
     */
    public SecurityPolicy withPromiscuous(final boolean accept) {
        return new SecurityPolicy(accept, macChanges, forgedTransmits);
    }

    /**
     * This policy with MAC address changes Accept ({@code true}) or Reject: whether frames to a guest-changed MAC are
     * delivered.
     */
    public SecurityPolicy withMacChanges(final boolean accept) {
        return new SecurityPolicy(allowPromiscuous, accept, forgedTransmits);
    }

    /**
     * This policy with Forged transmits Accept ({@code true}) or Reject: whether frames with a source MAC other than
     * the vNIC's leave the VM.
     */
    public SecurityPolicy withForgedTransmits(final boolean accept) {
        return new SecurityPolicy(allowPromiscuous, macChanges, accept);
    }

    /** "Promiscuous mode Reject, MAC address changes Accept, Forged transmits Accept". */
    public String describe() {
        return "Promiscuous mode " + word(allowPromiscuous) + ", MAC address changes " + word(macChanges)
                + ", Forged transmits " + word(forgedTransmits);
    }

    private static String word(final boolean accept) {
        return accept ? "Accept" : "Reject";
    }
}

package vnetsim.device.vsphere;

/**
 * A port group: the VLAN policy and security policy a set of vNICs share, plus (distributed port groups, vSphere
 * 6.7+) MAC learning. Field names follow the vSphere API ({@code HostPortGroupSpec}: name, vlanId, vswitchName,
 * policy.security; {@code DVSMacLearningPolicy}: enabled, allowUnicastFlooding).
 *
 * @param name        the port group's name ("Trunk", "lab-192-168-4-0-b24")
 * @param vlan        its VLAN mode
 * @param security    its security policy
 * @param macLearning MAC learning on (distributed port groups only): the vSwitch learns source MACs per port and
 *                    floods unknown unicast to ports that learn, so nested guests need no promiscuous mode
 */
public record PortGroup(String name, VlanPolicy vlan, SecurityPolicy security, boolean macLearning) {
    /** A port group; a blank name is refused (vSphere requires one). */
    public PortGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a port group needs a name");
        }
    }

    /** A standard-switch port group with the standard defaults (Reject/Accept/Accept), no MAC learning. */
    public static PortGroup standard(final String name, final int vlanId) {
        return new PortGroup(name, VlanPolicy.ofVlanId(vlanId), SecurityPolicy.STANDARD_DEFAULT, false);
    }

    /** This port group with another VLAN policy (VLAN ID 0, 1-4094, 4095 or private VLAN). */
    public PortGroup withVlan(final VlanPolicy newVlan) {
        return new PortGroup(name, newVlan, security, macLearning);
    }

    /** This port group with another security policy (promiscuous mode, MAC address changes, forged transmits). */
    public PortGroup withSecurity(final SecurityPolicy newSecurity) {
        return new PortGroup(name, vlan, newSecurity, macLearning);
    }

    /** This port group with MAC learning on or off (distributed port groups, vSphere 6.7 and later). */
    public PortGroup withMacLearning(final boolean on) {
        return new PortGroup(name, vlan, security, on);
    }

    /** "Trunk: VLAN ID 4095 (all); Promiscuous mode Reject, ...; MAC learning off". */
    public String describe() {
        return name + ": " + vlan.describe() + "; " + security.describe() + (macLearning ? "; MAC learning on" : "");
    }
}

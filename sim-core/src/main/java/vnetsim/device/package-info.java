/**
 * The simulated devices, one small class per kind (physical NIC, 802.1Q subinterface, Linux bridge, NX-OS trunk
 * switch, routing firewall, host stack of a VM or pod): each receives a frame on an interface and decides, by the
 * rules of its real counterpart, to deliver, forward, flood or drop it with a {@link vnetsim.device.DropReason}
 * naming the device, the interface and the cause.
 *
 * <p>The forwarding rules each class follows, with the kernel functions, nmstate/CNI code, NX-OS guides and RFCs
 * they come from, are documented in the repository at {@code src/docs/forwarding-rules.md}.
 */
package vnetsim.device;

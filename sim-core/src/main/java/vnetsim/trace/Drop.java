package vnetsim.trace;

import vnetsim.device.DropReason;

/**
 * Where and why the traced packet stopped: device, interface and a reason a network engineer understands.
 *
 * @param cause the reason as a value tests can compare; null when no device dropped the packet
 */
public record Drop(String device, String iface, String reason, DropReason cause) {
}

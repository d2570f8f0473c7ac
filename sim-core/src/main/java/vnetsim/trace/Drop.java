package vnetsim.trace;

/** Where and why the traced packet stopped: device, interface and a reason a network engineer understands. */
public record Drop(String device, String iface, String reason) {
}

package vnetsim.topology;

/** One port of one device, by index: how the engine and analyses refer to a place in the topology. */
public record PortRef(int device, int port) {
}

/**
 * Pictures of a network and of a traced path, as the design documents draw them by hand: hosts as boxes holding
 * their NICs, VLAN subinterfaces, bridges and workloads, the switch with its ports, the router with its
 * subinterfaces, VLANs in colour, and the traced packet's hops numbered as the trace's steps.
 *
 * <p>{@link vnetsim.draw.Inventory} is the one class that knows device kinds: it reads a
 * {@link vnetsim.topology.Topology} into a kind-free {@link vnetsim.draw.Diagram}. {@link vnetsim.draw.Overlay}
 * maps a {@link vnetsim.trace.Trace} onto it, {@link vnetsim.draw.Layout} places everything with ELK Layered,
 * and the renderers (SVG, Mermaid, DOT, HTML) only write text. Every output is deterministic: the same network
 * and trace give the same bytes.
 */
package vnetsim.draw;

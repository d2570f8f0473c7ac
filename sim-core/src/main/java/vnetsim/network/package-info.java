/**
 * Networks described by names. A {@link vnetsim.network.NetworkSpec} is an immutable value (hosts with NICs,
 * VLAN subinterfaces and bridges; switches; routers; workloads; cables by device and interface name) that can be
 * inspected, copied with one change ({@code with...}), validated ({@link vnetsim.network.NetworkSpec#problems()})
 * and compiled into the integer-indexed {@link vnetsim.topology.Topology} the simulator runs.
 * {@link vnetsim.network.NetworkBuilder} writes one fluently; importers build the records directly.
 */
package vnetsim.network;

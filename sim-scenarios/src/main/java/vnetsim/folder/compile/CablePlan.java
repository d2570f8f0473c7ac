package vnetsim.folder.compile;

import vnetsim.folder.Location;

/** A cable from layer1_topology.json, both ends resolved to a device and interface that exist. */
public record CablePlan(String hostA, String interfaceA, String hostB, String interfaceB, Location at) {
}

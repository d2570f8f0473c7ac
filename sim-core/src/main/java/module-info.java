/**
 * vnetsim's library: frames, the devices and their forwarding rules, topologies, the simulation engine, traces,
 * captures, networks written by name and fluent trace assertions. AssertJ is optional: only
 * {@code vnetsim.testing} needs it, and a user's test scope brings it.
 */
module vnetsim.core {
    requires com.google.common;
    requires org.jgrapht.core;
    requires org.agrona.core;
    requires static org.assertj.core;

    exports vnetsim.analysis;
    exports vnetsim.device;
    exports vnetsim.device.bridge;
    exports vnetsim.device.l2;
    exports vnetsim.device.l3;
    exports vnetsim.device.vsphere;
    exports vnetsim.engine;
    exports vnetsim.frame;
    exports vnetsim.network;
    exports vnetsim.ovn;
    exports vnetsim.pcap;
    exports vnetsim.testing;
    exports vnetsim.topology;
    exports vnetsim.trace;
    exports vnetsim.whatif;
    // bounded reading of users' files, used by sim-scenarios' importers (sim-scenarios stays on the class path)
    exports vnetsim.io;
}

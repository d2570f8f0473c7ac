/**
 * Packet captures of a simulation as tcpdump on each interface would see them: {@link vnetsim.pcap.CaptureSet}
 * attaches a {@link vnetsim.pcap.CaptureSink} to a topology, a device or an interface, and the writers produce
 * pcapng (with a drop's reason as packet comment) or classic pcap files, never replacing a file vnetsim did not
 * create.
 */
package vnetsim.pcap;

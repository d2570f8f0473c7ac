package vnetsim.kubevirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.analysis.Protocol;
import vnetsim.device.Action;
import vnetsim.device.Direction;
import vnetsim.device.DropReason;
import vnetsim.device.MasqueradePod;
import vnetsim.engine.Simulator;
import vnetsim.frame.Checksum;
import vnetsim.frame.Ipv4;
import vnetsim.frame.Ipv4Address;
import vnetsim.topology.Topology;
import vnetsim.trace.Step;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * KubeVirt masquerade binding (kubevirt/kubevirt pkg/network/setup/netpod/masquerade/masquerade.go): the guest
 * 10.0.2.2 behind 10.0.2.1 leaves with the pod IP (SNAT), replies come back un-NATed, and only the interface's
 * {@code ports} (all when none are listed) are DNATed inward.
 */
class MasqueradeBindingTest {
    private static final int TCP_80 = 80;

    @Test
    @DisplayName("VM -> pod on another node: 10.0.2.2 leaves as the pod IP, TTL -1 in the pod, reply un-NATed")
    void outbound_is_masqueraded_and_reply_is_translated_back() {
        final Trace trace = PodNetworkLab.network(List.of()).trace("vm", "web");
        assertTrue(trace.isDelivered(), trace.title());
        final List<Step> full = trace.steps(View.FULL);
        final Step intoPod = find(full, "virt-launcher-vm-masq", "k6t-eth0", Direction.IN);
        final Step outOfPod = find(full, "virt-launcher-vm-masq", "eth0", Direction.OUT);
        assertEquals("10.0.2.2", intoPod.srcIp());
        assertEquals(64, intoPod.ttl());
        assertEquals("10.128.0.5", outOfPod.srcIp());
        assertEquals("10.128.1.10", outOfPod.dstIp());
        assertEquals(Action.ROUTED, outOfPod.action());
        final Step podRow = trace.steps(View.DOCUMENT).stream()
                .filter(s -> s.device().equals("virt-launcher-vm-masq")).findFirst().orElseThrow();
        assertEquals("Routed, source NAT 10.0.2.2 -> 10.128.0.5, TTL 64 -> 63, source MAC now 0a:58:0a:80:00:05",
                podRow.note());
        final Step atWeb = full.get(full.size() - 1);
        assertEquals("web", atWeb.device());
        assertEquals("10.128.0.5", atWeb.srcIp());
        assertEquals(61, atWeb.ttl());                  // the pod, worker-0 and worker-1 each routed it

        // and back: the echo reply reaches the VM for 10.0.2.2, from the web pod
        final Replies replies = replies(List.of(), sim -> sim.ping(0, PodNetworkLab.WEB_IP, 7));
        assertEquals(1, replies.atVm.size(), "echo reply delivered to the VM");
        assertEquals("10.128.1.10 > 10.0.2.2", replies.atVm.get(0));
        assertTrue(replies.podNotes.stream().anyMatch(n -> n.equals("destination NAT 10.128.0.5 -> 10.0.2.2")),
                replies.podNotes.toString());
    }

    @Test
    @DisplayName("no ports listed: everything for the pod IP is DNATed to 10.0.2.2, so the VM answers a ping")
    void without_ports_every_packet_goes_to_the_vm() {
        final Trace trace = PodNetworkLab.network(List.of()).trace(new Flow("web", "vm", Protocol.ICMP, false)
                .coldStart());
        // the web pod cannot address 10.0.2.2 (it is inside the pod): it pings the pod IP
        final Replies r = replies(List.of(), sim -> sim.ping(webIndex(sim), PodNetworkLab.POD_IP, 3));
        assertEquals(1, r.requestsAtVm, "the echo request reached the VM, DNATed");
        assertEquals(1, r.atWeb.size());
        assertEquals("10.128.0.5 > 10.128.1.10", r.atWeb.get(0), "the VM's reply leaves masqueraded");
        assertTrue(trace.steps().size() > 0);
    }

    @Test
    @DisplayName("ports [tcp 80]: UDP 53 to the pod IP is dropped naming the ports list; a ping is answered by the pod")
    void with_ports_only_listed_ports_are_forwarded() {
        final List<MasqueradePod.ForwardedPort> ports = List.of(new MasqueradePod.ForwardedPort(Ipv4.PROTOCOL_TCP,
                TCP_80));
        final Replies udp = replies(ports, sim -> sim.sendUdp(webIndex(sim), PodNetworkLab.POD_IP));
        assertEquals(0, udp.requestsAtVm);
        assertEquals(1, udp.drops.size(), udp.drops.toString());
        assertTrue(udp.drops.get(0).startsWith("virt-launcher-vm-masq/eth0: port "), udp.drops.toString());
        assertTrue(udp.drops.get(0).contains("masquerade binding forwards only the listed ports"));

        final Replies ping = replies(ports, sim -> sim.ping(webIndex(sim), PodNetworkLab.POD_IP, 4));
        assertEquals(0, ping.requestsAtVm, "ICMP is not a listed port: the pod's own kernel answers");
        assertEquals(List.of("10.128.0.5 > 10.128.1.10"), ping.atWeb);
    }

    @Test
    @DisplayName("UDP listed in ports reaches the VM; a second simulation starts with an empty conntrack table")
    void listed_udp_port_reaches_the_vm_and_state_is_per_simulation() {
        final int port = sendUdpPort();
        final List<MasqueradePod.ForwardedPort> ports = List.of(new MasqueradePod.ForwardedPort(Ipv4.PROTOCOL_UDP,
                port));
        final Topology topology = PodNetworkLab.topology(ports);
        final Simulator first = new Simulator(topology);
        first.sendUdp(Network.endpoint(topology, "web"), PodNetworkLab.POD_IP);
        first.run();
        assertEquals(1, ((MasqueradePod) first.device(1)).connections());
        final Simulator second = new Simulator(topology);
        assertEquals(0, ((MasqueradePod) second.device(1)).connections());
    }

    @Test
    @DisplayName("an ICMP error about the guest's packet (worker-0: no route) reaches the VM translated inside")
    void icmp_error_is_translated_back_including_the_quoted_header() {
        final Topology t = PodNetworkLab.topology(List.of());
        final Simulator sim = new Simulator(t);
        final List<byte[]> atVm = new ArrayList<>();
        sim.observe(new vnetsim.engine.FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final vnetsim.frame.Frame frame) {
                if (device == 0 && direction == Direction.IN && frame.etherType() == 0x0800) {
                    atVm.add(java.util.Arrays.copyOfRange(frame.bytes(), frame.l3Offset(), frame.end()));
                }
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
            }
        });
        sim.ping(0, Ipv4Address.parse("10.200.0.1"), 1);
        sim.run();
        assertEquals(1, atVm.size(), "one ICMP error reached the VM");
        final byte[] b = atVm.get(0);
        assertEquals(1, Ipv4.protocol(b, 0));
        assertEquals(3, b[20], "destination unreachable");
        assertEquals(MasqueradePod.GUEST, Ipv4.destination(b, 0), "outer destination un-NATed");
        assertEquals(MasqueradePod.GUEST, Ipv4.source(b, 28), "quoted source un-NATed");
        assertTrue(Ipv4.isValidHeader(b, 0, b.length), "outer IPv4 checksum");
        // the quoted header keeps the original total length (only 8 payload bytes follow it): check its checksum
        assertEquals(0xffff, Checksum.sum(b, 28, Ipv4.headerLength(b, 28)), "quoted IPv4 checksum");
        assertEquals(0xffff, vnetsim.frame.Checksum.sum(b, 20, Ipv4.totalLength(b, 0) - 20), "ICMP checksum");
    }

    @Test
    @DisplayName("a broken IPv4 header on eth0 is judged by the pod's stack, not translated")
    void bad_header_is_not_translated() {
        final Topology t = PodNetworkLab.topology(List.of());
        final Simulator sim = new Simulator(t);
        final vnetsim.frame.Frame f = vnetsim.frame.Packets.icmpEcho(new vnetsim.frame.Frame(),
                PodNetworkLab.POD_MAC, PodNetworkLab.POD_MAC, PodNetworkLab.WEB_IP, PodNetworkLab.POD_IP, 64, 8, 1, 1,
                56, 1);
        f.bytes()[f.l3Offset() + 10] ^= 0x55;          // corrupt the header checksum
        final List<DropReason> drops = new ArrayList<>();
        sim.observe(new vnetsim.engine.FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final vnetsim.frame.Frame frame) {
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
                drops.add(reason);
            }
        });
        sim.inject(1, MasqueradePod.POD, f.bytes(), f.start(), f.length());
        sim.run();
        assertEquals(List.of(DropReason.BAD_IPV4_HEADER), drops);
        assertEquals(0, ((MasqueradePod) sim.device(1)).connections());
    }

    @Test
    @DisplayName("conntrack full: connection 4097 from the guest is dropped, naming the full table")
    void a_full_conntrack_table_drops_new_connections() {
        final Topology t = PodNetworkLab.topology(List.of());
        final Simulator sim = new Simulator(t);
        final vnetsim.device.Endpoint vm = (vnetsim.device.Endpoint) sim.device(0);
        final List<DropReason> drops = new ArrayList<>();
        sim.observe(new vnetsim.engine.FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final vnetsim.frame.Frame frame) {
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
                drops.add(reason);
            }
        });
        for (int i = 0; i <= vnetsim.device.l3.Conntrack.CAPACITY; i++) {
            final int sourcePort = 20000 + i;
            sim.originate(0, out -> vm.sendUdp(PodNetworkLab.WEB_IP, sourcePort, 5353, 8, out));
            sim.run();
        }
        assertEquals(vnetsim.device.l3.Conntrack.CAPACITY, ((MasqueradePod) sim.device(1)).connections());
        assertEquals(List.of(DropReason.CONNTRACK_FULL), drops);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The destination port Simulator.sendUdp uses, read from a real run. */
    private static int sendUdpPort() {
        final Topology t = PodNetworkLab.topology(List.of());
        final Simulator sim = new Simulator(t);
        final int[] port = {-1};
        sim.observe(new vnetsim.engine.FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int p,
                                final Direction direction, final vnetsim.frame.Frame frame) {
                if (frame.etherType() == 0x0800 && Ipv4.protocol(frame.bytes(), frame.l3Offset()) == 17) {
                    port[0] = vnetsim.frame.Udp.destinationPort(frame.bytes(), frame.l3Offset() + 20);
                }
            }

            @Override
            public void onDrop(final int event, final int device, final int p, final DropReason reason,
                               final int detail) {
            }
        });
        sim.sendUdp(Network.endpoint(t, "web"), PodNetworkLab.POD_IP);
        sim.run();
        return port[0];
    }

    private static int webIndex(final Simulator sim) {
        return Network.endpoint(sim.topology(), "web");
    }

    private static Step find(final List<Step> steps, final String device, final String iface, final Direction d) {
        return steps.stream().filter(s -> s.device().equals(device) && s.iface().equals(iface)
                && s.direction() == d).findFirst().orElseThrow(() -> new AssertionError(device + "/" + iface));
    }

    /** IPv4 frames arriving at the VM and at the web pod, drops, and the pod's NAT as seen in its routed frames. */
    private static final class Replies {
        final List<String> atVm = new ArrayList<>();
        final List<String> atWeb = new ArrayList<>();
        final List<String> drops = new ArrayList<>();
        final List<String> podNotes = new ArrayList<>();
        int requestsAtVm;
    }

    private static Replies replies(final List<MasqueradePod.ForwardedPort> ports,
                                   final java.util.function.ToIntFunction<Simulator> send) {
        final Topology t = PodNetworkLab.topology(ports);
        final Simulator sim = new Simulator(t);
        sim.ping(0, MasqueradePod.GATEWAY, 0);         // warm the VM's ARP cache
        sim.ping(Network.endpoint(t, "web"), PodNetworkLab.POD_IP, 0);
        sim.run();
        sim.advance(1_000_000_000L);
        final Replies r = new Replies();
        final int[] podIn = {-1};
        sim.observe(new vnetsim.engine.FrameObserver() {
            @Override
            public void onFrame(final int event, final long timeNs, final int device, final int port,
                                final Direction direction, final vnetsim.frame.Frame frame) {
                if (frame.etherType() != 0x0800) {
                    return;
                }
                final byte[] b = frame.bytes();
                final int ip = frame.l3Offset();
                final String text = Ipv4Address.format(Ipv4.source(b, ip)) + " > "
                        + Ipv4Address.format(Ipv4.destination(b, ip));
                final boolean reply = Ipv4.protocol(b, ip) == 1 && b[ip + 20] == 0;
                if (device == 0 && direction == Direction.IN) {
                    if (reply) {
                        r.atVm.add(text);
                    } else {
                        r.requestsAtVm++;
                    }
                }
                if (device == Network.endpoint(t, "web") && direction == Direction.IN && reply) {
                    r.atWeb.add(text);
                }
                if (device == 1) {
                    if (direction == Direction.IN) {
                        podIn[0] = Ipv4.destination(b, ip);
                    } else if (podIn[0] != -1 && podIn[0] != Ipv4.destination(b, ip)) {
                        r.podNotes.add("destination NAT " + Ipv4Address.format(podIn[0]) + " -> "
                                + Ipv4Address.format(Ipv4.destination(b, ip)));
                    }
                }
            }

            @Override
            public void onDrop(final int event, final int device, final int port, final DropReason reason,
                               final int detail) {
                r.drops.add(t.device(device).host() + "/" + t.device(device).interfaceName(port) + ": "
                        + reason.describe(detail));
            }
        });
        send.applyAsInt(sim);
        sim.run();
        return r;
    }
}

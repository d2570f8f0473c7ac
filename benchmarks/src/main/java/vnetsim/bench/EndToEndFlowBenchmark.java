package vnetsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vnetsim.analysis.Network;
import vnetsim.device.Action;
import vnetsim.device.LinuxBridge;
import vnetsim.engine.Simulator;
import vnetsim.engine.StepLog;
import vnetsim.scenario.AcpVirtualization;
import vnetsim.topology.Topology;

/**
 * Issue #5 (a): one UDP datagram VM1 -> VM3 through the real engine and devices of the ACP virtualization
 * scenario, the 11-hop path of the C and ns-3 references (VM NIC, bridge2003, enp4s0f0.2003 push, NIC, switch,
 * firewall route 2003 -> 2004, switch, NIC, enp4s0f0.2004 pop, bridge2004, VM NIC). UDP, not ping, so no echo
 * reply doubles the work.
 *
 * <p><b>Steady state measured:</b> ARP caches and every FDB on the path learned (a warm-up ping VM1 -> VM3 and
 * back before each iteration, after {@link Simulator#reset()} so virtual time starts near 0 and no entry can age
 * out during the iteration: the tear-down checks it), frame pool grown, the {@link StepLog} arrays grown. One op
 * = {@code sendUdp} (the guest stack writes a 74-byte frame: 32 bytes of UDP data) + {@code run()} until the frame
 * is delivered at VM3. With {@code trace=on} the log is cleared and refilled each op (20 events), as a user
 * tracing one flow after another would. The setup checks the path once (11 devices, no flood, delivered at
 * VM3). Divide ns/op by 11 for ns per hop; {@code -prof gc}'s {@code gc.alloc.rate.norm} should be 0 B/op.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EndToEnd -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
// Two JVMs: the op's time is bimodal per JVM and per iteration (about 230 or 375 ns/op trace off on the same jar,
// 900 or 1,400 ns per cold exchange), so one fork reports whichever mode it landed in; two average both.
@Fork(2)
public class EndToEndFlowBenchmark {
    @Param({"off", "on"})
    String trace;

    @Param({"64", "1500"})
    String frame;

    // non-final on purpose: JMH must not constant-fold the inputs (JMHSample_10)
    private Simulator sim;
    private StepLog log;
    private int vm1;
    private int vm3;
    private int vm3Ip;
    private int framesAfterWarmUp;
    private int udpData;

    @Setup(Level.Trial)
    public void build() {
        final Topology topology = new AcpVirtualization().build();
        sim = new Simulator(topology);
        vm1 = Network.endpoint(topology, "vm1");
        vm3 = Network.endpoint(topology, "vm3");
        vm3Ip = topology.endpoint(vm3).ip();
        log = "on".equals(trace) ? new StepLog() : null;
        udpData = "1500".equals(frame) ? 1454 : 32;
    }

    /** Cold start, warm-up ping, path check; virtual time restarts so no FDB entry ages out mid-iteration. */
    @Setup(Level.Iteration)
    public void warm() {
        sim.record(null);
        sim.reset();
        sim.ping(vm1, vm3Ip, 0);
        sim.run();
        sim.advance(1_000_000L);
        Paths.check(sim, () -> {
            sim.sendUdp(vm1, vm3Ip, udpData);
            sim.run();
        }, Paths.HOPS, vm3, Action.DELIVERED);
        sim.record(log);
        framesAfterWarmUp = sim.framesAllocated();
    }

    @TearDown(Level.Iteration)
    public void checkSteadyState() {
        if (sim.now() >= LinuxBridge.DEFAULT_AGEING_NS) {
            throw new IllegalStateException("virtual time passed the bridge FDB ageing: later ops flooded");
        }
        if (sim.framesAllocated() != framesAfterWarmUp) {
            throw new IllegalStateException("the frame pool grew during the iteration");
        }
    }

    @Benchmark
    public int udpVm1ToVm3() {
        if (log != null) {
            log.clear();
        }
        final int packet = sim.sendUdp(vm1, vm3Ip, udpData);
        sim.run();
        return log == null ? packet : packet + log.size();   // returned, so nothing is dead code (JMHSample_08)
    }
}

package vnetsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vnetsim.topology.Topology;

/**
 * Issue #5 (e): time to build the generated 1,000-node, 100-VLAN, 10,000-workload topology ({@link LargeTopology}:
 * 211,002 devices) through {@code TopologyBuilder} and {@code VirtualizationNode}, one build per op
 * (SingleShotTime: the first builds run in the interpreter and are the warm-up; the score is a warm JVM's). The
 * topology is returned so the build cannot be eliminated. Retained heap is measured by {@link TopologyFootprint}
 * (GC before and after, used heap), which {@code run.sh} runs beside it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LargeTopology}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LargeTopologyBenchmark {
    // non-final on purpose (JMHSample_10)
    @Param({"1000"})
    int nodes;
    @Param({"100"})
    int vlans;
    @Param({"10000"})
    int workloads;

    @Benchmark
    public Topology build() {
        return LargeTopology.build(nodes, vlans, workloads);
    }
}

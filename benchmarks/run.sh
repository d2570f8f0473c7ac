#!/usr/bin/env bash
# Issue #5: builds vnetsim, runs the quick JMH suite and the C and ns-3 reference programs in the same run
# (the machines are shared and noisy: only ratios measured side by side hold), and prints ONE table with ns per
# hop, frames per second, bytes allocated per frame, the ratios against each reference and whether each target
# is met, and the reachability sweep's pairs per second on 1 and 2 threads (issue #9). About 8-10 minutes on
# 2 cores (JMH ~4 min, reachability ~1.5 min, references ~2 min; apt installs of gcc/libns3-dev excluded).
# Usage: benchmarks/run.sh [OUTDIR]   env: MVN_ARGS (default "-q -B -o"), SKIP_NS3=1, SKIP_REFS=1, JMH_ARGS,
#        SKIP_REACH=1, REACH_ROWS (rows traced pair by pair in the reachability sweep, default 10)
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
SHARED=${SHARED:-$ROOT/../shared/perf}
OUT=${1:-$ROOT/benchmarks/target/results}
JAR=$ROOT/benchmarks/target/benchmarks.jar
mkdir -p "$OUT"
command -v python3 >/dev/null || { echo "run.sh needs python3 to read the JMH JSON" >&2; exit 2; }
cd "$ROOT"

echo "== build" >&2
# shellcheck disable=SC2086
mvn ${MVN_ARGS:--q -B -o} package -DskipTests      # package, never install: ~/.m2 is shared

echo "== JMH: per-frame suite (-prof gc)" >&2
# shellcheck disable=SC2086
java -jar "$JAR" 'EndToEndFlowBenchmark' 'RandomFlowsBenchmark' 'ColdArpFloodBenchmark' 'Pcap4jBaselineBenchmark' \
    -prof gc -rf json -rff "$OUT/jmh-frames.json" ${JMH_ARGS:-} | tee "$OUT/jmh-frames.txt" >&2
echo "== JMH: large topology build" >&2
# shellcheck disable=SC2086
java -jar "$JAR" 'LargeTopologyBenchmark' -rf json -rff "$OUT/jmh-topology.json" ${JMH_ARGS:-} \
    | tee "$OUT/jmh-topology.txt" >&2
echo "== retained heap of the large topology" >&2
java -Xms2g -Xmx2g -cp "$JAR" vnetsim.bench.TopologyFootprint | tee "$OUT/footprint.txt" >&2

if [ "${SKIP_REACH:-0}" != 1 ]; then
  # issue #9: the reachability sweep, 1 and 2 threads alternated, 3 rounds each after a warm-up (~1.5 min):
  # the whole 4M-pair matrix by equivalence class, then REACH_ROWS rows with every pair traced
  echo "== reachability sweep (synthetic 100 nodes x 50 VLANs x 2,000 workloads)" >&2
  java -Xmx2g -cp "$JAR" vnetsim.bench.ReachabilityScale 100 50 2000 0 | tee "$OUT/reachability.txt" >&2
  java -Xmx2g -cp "$JAR" vnetsim.bench.ReachabilityScale 100 50 2000 "${REACH_ROWS:-10}" \
      | tee -a "$OUT/reachability.txt" >&2
fi

if [ "${SKIP_REFS:-0}" != 1 ]; then
  echo "== C and ns-3 references ($SHARED)" >&2
  "$SHARED/run-references.sh" "$OUT/refs" >&2
fi

python3 "$ROOT/benchmarks/report.py" "$OUT" | tee "$OUT/table.md"

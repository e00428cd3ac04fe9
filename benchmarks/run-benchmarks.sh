#!/usr/bin/env bash
# Runs the JMH suites with the settings RESULTS.md reports, one JSON + log per suite under benchmarks/results/,
# with the machine's load average before and after each run. Build first: mvn -B -o -pl benchmarks -am package
# `key` is the regression guard: the key JMH runs, the service's CPU per evidence (benchmarks/load/run.sh h2, skipped
# with KEY_SERVICE=0), then key-summary.py prints each Drools / hand-coded ratio and CPU figure against
# key-reference.json and exits 1 on a regression (benchmarks/README.md says what one looks like).
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")"
JAR=target/benchmarks.jar
OUT=results
mkdir -p "$OUT"
run() {
  local name=$1; shift
  echo "== $name: java -jar benchmarks/$JAR $*" | tee "$OUT/$name.log"
  echo "load before: $(uptime)" | tee -a "$OUT/$name.log"
  java -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" 2>&1 | grep -vE 'WARN|^\s*$' >> "$OUT/$name.log"
  echo "load after: $(uptime)" | tee -a "$OUT/$name.log"
}
case "${1:-all}" in
  evidence) run evidence EvidenceEvaluationBenchmark -f 1 -wi 4 -w 1s -i 3 -r 1s -prof gc -prof dev.pathwise.benchmarks.CpuTimeProfiler ;;
  nextstep) run nextstep NextStepBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc -prof dev.pathwise.benchmarks.CpuTimeProfiler ;;
  compile)  run compile PolicyCompileBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof dev.pathwise.benchmarks.CpuTimeProfiler ;;
  compile-cold) run compile-cold PolicyCompileBenchmark.compile -f 3 -bm ss -wi 0 -i 1 ;;
  replay)   run replay ReplayBenchmark -f 1 -wi 0 -i 1 -p parallelism=2 -prof dev.pathwise.benchmarks.CpuTimeProfiler ;;
  replay1)  run replay1 ReplayBenchmark -f 1 -wi 0 -i 1 -p parallelism=1 -p learners=1000 -prof dev.pathwise.benchmarks.CpuTimeProfiler ;;
  key)
    run key-evidence EvidenceEvaluationBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -p band=3-5,9-12 -p method=decaying_average -p learner=warm -prof gc -prof dev.pathwise.benchmarks.CpuTimeProfiler
    run key-nextstep NextStepBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -p band=3-5 -prof gc -prof dev.pathwise.benchmarks.CpuTimeProfiler
    if [ "${KEY_SERVICE:-1}" = 1 ]; then
      # the service's CPU per evidence: single requests and batches of 100 against the real service on H2
      # after 30 s each of single and batch evidence, so that the measured runs find the evidence path compiled
      echo "== key-service: WARMUP_EVIDENCE=30s RUNS='evidence-single evidence-batch' benchmarks/load/run.sh h2" \
        | tee "$OUT/key-service.log"
      WARMUP_EVIDENCE=30s RUNS="evidence-single evidence-batch" ./load/run.sh h2 >> "$OUT/key-service.log" 2>&1
    fi
    python3 key-summary.py ;;
  all)
    "$SELF" nextstep; "$SELF" compile; "$SELF" compile-cold; "$SELF" evidence; "$SELF" replay; "$SELF" replay1 ;;
esac

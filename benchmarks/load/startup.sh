#!/usr/bin/env bash
# Start-up time of the service: how long from `java -jar` until /actuator/health/readiness answers UP, on H2 with a
# fresh data directory, each case $RUNS times (median and all runs reported):
#   empty     no demo district (--pathwise.demo.enabled=false)
#   demo      the demo district loaded on first start (the default)
#   restart   the service killed with `kill -9` once ready, then started again on the same data directory
# The service's own start-up log (Spring, Flyway, the policy compile, the demo load) is kept per run in the work dir
# and its phase lines are printed, with the CPU time the service used until ready (user + system). Results are appended to benchmarks/load/results/<date>-startup.txt.
#   benchmarks/load/startup.sh                 # builds the service jar if missing
# Environment: JAR=<service jar> RUNS=3 PORT=28191 JAVA=java JAVA_OPTS= KEEP=1 (keep the work dir in /tmp)
set -euo pipefail
RUNS=${RUNS:-3}; PORT=${PORT:-28191}; JAVA_OPTS=${JAVA_OPTS:-}; JAVA=${JAVA:-java}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
BASE=http://127.0.0.1:$PORT
OUT="$HERE/results/$(date -u +%F)-startup.txt"; mkdir -p "$HERE/results"
if [ -z "${JAR:-}" ]; then
  JAR=$(ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
  if [ -z "$JAR" ]; then
    (cd "$ROOT" && { mvn -B -o -q -pl api -am package -DskipTests || mvn -B -q -pl api -am package -DskipTests; })
    JAR=$(ls "$ROOT"/api/target/pathwise-api-*.jar | grep -v -- '-plain\|\.original' | head -1)
  fi
fi
if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is in use; set PORT" >&2; exit 1; fi
WORK=$(mktemp -d /tmp/pathwise-startup-XXXX)
SERVICE=""
cleanup() {
  if [ -n "$SERVICE" ]; then kill -9 "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
log() { echo "$*" | tee -a "$OUT"; }
load() { uptime | sed 's/.*load average/load average/'; }

# start <data dir> <log> [args...]: starts the service, waits until ready, sets ELAPSED to the seconds it took
start() {
  local data=$1 logfile=$2; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" --pathwise.data-dir="$data" "$@" \
    > "$logfile" 2>&1 &
  SERVICE=$!
  until curl -sf -o /dev/null "$BASE/actuator/health/readiness"; do
    if ! kill -0 "$SERVICE" 2>/dev/null; then tail -30 "$logfile" >&2; echo "service died" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s.%N)
  ELAPSED=$(python3 -c "print('%.2f' % ($t1 - $t0))")
  # the CPU the service used to get there (user + system, all its threads): what a busy machine does not change much
  CPU=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVICE/stat")
}
stop() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""; }
kill9() { kill -9 "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; SERVICE=""; }
phases() { grep -hoE "Started PathwiseApplication in [0-9.]+ seconds|Successfully applied [0-9]+ migrations?.*|Start-up: .*|Demo district .*" "$1" | sed 's/^/      /' || true; }
median() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print('median %.2f s (runs: %s)' % (statistics.median(v), ', '.join('%.2f' % x for x in v)))" "$@"; }

log ""
log "=== $(date -u +%FT%TZ) start-up, $RUNS runs per case, jar $JAR ($(sha256sum "$JAR" | cut -c1-12)), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo ?)"
log "nproc: $(nproc); $(load); java: $("$JAVA" -version 2>&1 | head -1); JAVA_OPTS='$JAVA_OPTS'"
declare -a empty demo restart
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/empty" "$WORK/demo"
  start "$WORK/empty" "$WORK/empty-$i.log" --pathwise.demo.enabled=false; s=$ELAPSED; stop; empty+=("$s")
  log "  empty   run $i: ready in $s s, $CPU s of CPU ($(load))"; phases "$WORK/empty-$i.log" | tee -a "$OUT"
  start "$WORK/demo" "$WORK/demo-$i.log"; s=$ELAPSED; demo+=("$s")
  log "  demo    run $i: ready in $s s, $CPU s of CPU ($(load))"; phases "$WORK/demo-$i.log" | tee -a "$OUT"
  kill9
  start "$WORK/demo" "$WORK/restart-$i.log"; s=$ELAPSED; c=$CPU; kill9; restart+=("$s")
  log "  restart run $i: ready in $s s after kill -9, $c s of CPU ($(load))"; phases "$WORK/restart-$i.log" | tee -a "$OUT"
done
log "empty (no demo):        $(median "${empty[@]}")"
log "demo district:          $(median "${demo[@]}")"
log "restart after kill -9:  $(median "${restart[@]}")"
log "end: $(date -u +%FT%TZ) $(load)"

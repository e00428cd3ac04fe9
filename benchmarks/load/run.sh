#!/usr/bin/env bash
# HTTP load test of the service on loopback with wrk.
#   benchmarks/load/run.sh [h2|postgres]
# Builds the service jar if missing, starts it on 127.0.0.1 with a fresh data dir (postgres: Debian's PostgreSQL,
# installed if missing and started by this script on 127.0.0.1), loads the demo district scaled to $LEARNERS
# learners (pathwise.demo.learners), then runs, each bounded by $DURATION:
#   next steps (wrk, closed loop: 16 and 2 connections; paced: 20 connections x 19 ms pause, < 1,053/s),
#   next steps at a fixed rate (OpenLoop.java: $RATE/s and $RATE/4), single evidence, batch evidence
#   ($BATCH_SIZE items per request; evidence-batch-summary: the same with ?answer=summary), a mix. Stops everything on exit.
# Results are appended to benchmarks/load/results/<date>-<db>.txt.
# Environment: LEARNERS=10000 DURATION=20s PORT=28181 RATE=1000 BATCH_SIZE=100 THREADS=2 CONNECTIONS=16
#              JAVA_OPTS=-Xmx2g KEEP=1 (keep the work dir in /tmp) JAR=<service jar, default the built one>
#              WARMUP=10s (next steps before the runs) WARMUP_EVIDENCE=0 (e.g. 30s: single and batch evidence too)
#              RUNS="evidence-single evidence-batch" (only these runs, after the warm-up; default all: next-steps
#              next-steps-2conn next-steps-paced open-loop evidence-single evidence-batch evidence-batch-summary mix)
set -euo pipefail
DB=${1:-h2}
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;; esac
RUNS=${RUNS:-}
LEARNERS=${LEARNERS:-10000}; DURATION=${DURATION:-20s}; PORT=${PORT:-28181}; RATE=${RATE:-1000}
WARMUP=${WARMUP:-10s}; WARMUP_EVIDENCE=${WARMUP_EVIDENCE:-0}
BATCH_SIZE=${BATCH_SIZE:-100}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-16}; JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
PGPORT=${PGPORT:-55433}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
BASE=http://127.0.0.1:$PORT
OUT="$HERE/results/$(date -u +%F)-$DB.txt"; mkdir -p "$HERE/results"
export LUA_PATH="$HERE/?.lua;;" LEARNERS BATCH_SIZE

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
jar() { ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true; }
if [ -n "${JAR:-}" ]; then jar() { echo "$JAR"; }; fi
if [ -z "$(jar)" ]; then
  echo "building the service jar (mvn package, api module)..." >&2
  (cd "$ROOT" && { mvn -B -o -q -pl api -am package -DskipTests || mvn -B -q -pl api -am package -DskipTests; })
fi
JAR=$(jar)
if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is in use; set PORT" >&2; exit 1; fi

WORK=$(mktemp -d /tmp/pathwise-load-XXXX); chmod 755 "$WORK"
ARGS=(--server.address=127.0.0.1 --server.port="$PORT" --pathwise.data-dir="$WORK/data"
      --pathwise.demo.learners="$LEARNERS")
SERVICE=""
cleanup() {
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null || true; wait "$SERVICE" 2>/dev/null || true; fi
  if [ "$DB" = postgres ] && [ -n "${PGBIN:-}" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ "$DB" = postgres ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1" \
    -l "$WORK/pg/server.log" -w start >/dev/null
  ARGS+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" --spring.datasource.username=postgres
         --spring.datasource.password=)
fi

log() { echo "$*" | tee -a "$OUT"; }
load() { echo "uptime: $(uptime | sed 's/.*load average/load average/')"; }
{
  echo
  echo "=== $(date -u +%FT%TZ) db=$DB learners=$LEARNERS duration=$DURATION commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo ?)"
  echo "nproc: $(nproc); $(load); java: $(java -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1)"
  echo "service: java $JAVA_OPTS -jar $(basename "$JAR") ${ARGS[*]}"
} | tee -a "$OUT"

STARTED=$(date +%s)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" "${ARGS[@]}" > "$WORK/service.log" 2>&1 &
SERVICE=$!
# readiness turns UP once the demo loader (an ApplicationRunner) has finished
for _ in $(seq 1 900); do
  if curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE" 2>/dev/null; then tail -40 "$WORK/service.log" >&2; echo "service died" >&2; exit 1; fi
  sleep 1
done
curl -sf "$BASE/actuator/health/readiness" >/dev/null || { echo "service not ready after 900 s" >&2; exit 1; }
last=$(printf 'demo-%05d' $((LEARNERS - 1)))
curl -sf "$BASE/v1/learners/$last" -H 'X-Api-Key: demo-platform-key' >/dev/null \
  || { echo "learner $last is missing" >&2; exit 1; }
log "ready in $(( $(date +%s) - STARTED )) s: $(grep -o "Demo district .*" "$WORK/service.log" | head -1)"

evaluated() {
  curl -s "$BASE/actuator/metrics/pathwise.evidence.evaluated" | grep -o '"value":[0-9.E]*' | cut -d: -f2
}
quiesce() { # wait until no evidence is being evaluated (a batch goes on after wrk has closed its connection)
  local a b
  a=$(evaluated)
  for _ in $(seq 1 120); do sleep 2; b=$(evaluated); [ "$a" = "$b" ] && return; a=$b; done
}
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVICE/stat"; }
cpu_line() { # before after requests evaluated
  python3 -c "c=$2-$1; print('service CPU during the run: %.1f s, %.2f ms per request%s' % (c, 1000*c/max($3,1), ', %.2f ms per evidence evaluated' % (1000*c/$4) if $4 else ''))"
}
others() { echo "busiest processes (%CPU since start, command): $(ps -eo pcpu=,args= --sort=-pcpu | head -5 | cut -c1-90 | awk '{$1=$1; printf "[%s] ", $0}')"; }
run_wrk() { # name script threads connections duration
  local name=$1 script=$2 t=$3 c=$4 d=$5 before after t0 t1 c0 c1 n
  quiesce
  log ""
  log "--- $name: RUN_ID=$name-$$ wrk -t$t -c$c -d$d --timeout 30s --latency -s benchmarks/load/$script $BASE  ($(load))"
  log "$(others)"
  before=$(evaluated); t0=$(date +%s.%N); c0=$(cpu)
  RUN_ID="$name-$$" wrk -t"$t" -c"$c" -d"$d" --timeout 30s --latency -s "$HERE/$script" "$BASE" 2>&1 | tee -a "$OUT" \
    | grep '^RESULT' | sed "s/^RESULT/RESULT $name/" >> "$WORK/summary"
  after=$(evaluated); t1=$(date +%s.%N); c1=$(cpu)
  n=$(tail -1 "$WORK/summary" | grep -o 'requests=[0-9]*' | cut -d= -f2)
  log "$(cpu_line "$c0" "$c1" "${n:-0}" "$(python3 -c "print(int(float('$after') - float('$before')))")")"
  log "evidence evaluated and committed during the run (pathwise.evidence.evaluated): $(python3 -c "d=int(float('$after') - float('$before')); print('%d, %.1f/s' % (d, d / ($t1 - $t0)))") ($(load))"
}
open_loop() { # rate
  quiesce
  log ""
  log "--- next-steps-open-loop-$1: java benchmarks/load/OpenLoop.java $BASE $1 $secs $LEARNERS  ($(load))"
  log "$(others)"
  local c0 c1 n
  c0=$(cpu)
  java "$HERE/OpenLoop.java" "$BASE" "$1" "$secs" "$LEARNERS" 2>&1 | tee -a "$OUT" \
    | grep '^RESULT' | sed "s/^RESULT/RESULT open-loop-$1/" >> "$WORK/summary"
  c1=$(cpu); n=$(tail -1 "$WORK/summary" | grep -o 'requests=[0-9]*' | cut -d= -f2)
  log "$(cpu_line "$c0" "$c1" "${n:-0}" 0) ($(load))"
}

secs=${DURATION%s}
wanted() { [ -z "$RUNS" ] || [[ " $RUNS " == *" $1 "* ]]; }
run_wrk warmup next-steps.lua 2 8 "$WARMUP"
if [ "$WARMUP_EVIDENCE" != 0 ]; then
  # evidence before the measured runs, not counted: the JIT has compiled the evidence path before they start
  run_wrk warmup-evidence-single evidence-single.lua 2 8 "$WARMUP_EVIDENCE"
  run_wrk warmup-evidence-batch evidence-batch.lua 2 8 "$WARMUP_EVIDENCE"
fi
if wanted next-steps; then run_wrk next-steps next-steps.lua "$THREADS" "$CONNECTIONS" "$DURATION"; fi
if wanted next-steps-2conn; then run_wrk next-steps-2conn next-steps.lua 2 2 "$DURATION"; fi
if wanted next-steps-paced; then run_wrk next-steps-paced next-steps-paced.lua 2 20 "$DURATION"; fi
if wanted open-loop; then open_loop "$RATE"; open_loop $((RATE / 4)); fi
if wanted evidence-single; then run_wrk evidence-single evidence-single.lua "$THREADS" "$CONNECTIONS" "$DURATION"; fi
if wanted evidence-batch; then run_wrk evidence-batch evidence-batch.lua 2 8 "$DURATION"; fi
if wanted evidence-batch-summary; then ANSWER=summary run_wrk evidence-batch-summary evidence-batch.lua 2 8 "$DURATION"; fi
if wanted mix; then run_wrk mix mix.lua "$THREADS" "$CONNECTIONS" "$DURATION"; fi

log ""
log "engine time per evaluated evidence (pathwise.evaluation.time, whole run incl. the demo setup): $(curl -s \
  "$BASE/actuator/metrics/pathwise.evaluation.time" | python3 -c 'import json,sys
m={x["statistic"]:x["value"] for x in json.load(sys.stdin)["measurements"]}
print("count %d, mean %.2f ms, max %.1f ms" % (m["COUNT"], 1000*m["TOTAL_TIME"]/m["COUNT"], 1000*m["MAX"]))' 2>/dev/null || echo n/a)"
{
  echo ""
  echo "summary ($DB, $LEARNERS learners; latencies in ms; items_ok = answers 200 / accepted batch items):"
  printf '%-22s %9s %9s %8s %8s %9s %7s %7s %12s\n' run requests req/s p50 p99 max errors refused items_ok/s
  sed 's/[a-z_0-9]*=//g' "$WORK/summary" | awk '{printf "%-22s %9s %9s %8s %8s %9s %7d %7s %12s\n", $2, $3, $5, $6, $8, $9, $10+$11, $13, $14}'
  echo "end: $(date -u +%FT%TZ) $(load)"
} | tee -a "$OUT"

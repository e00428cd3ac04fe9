#!/usr/bin/env bash
# Crash test: concurrent clients ingest evidence while the service is kill -9'd at random points, then every
# acknowledged evidence must be stored exactly once and every learner's state must equal a fresh replay.
#   reliability/crash-test.sh h2|postgres [TOTAL] [KILLS] [BATCH]     (target run: TOTAL=100000 KILLS=10 BATCH=200)
# BATCH=0 (default) sends one evidence per request; BATCH=N sends N per POST /v1/evidence/batch.
# MIXED=1 (with BATCH=N): half the clients send batches of N, half single evidence, on the same learners; one piece in
# five is observed late (up to an hour back).
# Environment: KILL_GAP=MIN,MAX seconds from a (re)start to the next kill (default 2,8; batches of 100+ need longer
# gaps, e.g. 5,25, or no batch completes between kills); MAX_SECONDS=S stops sending after S seconds and verifies what
# was acknowledged by then (the result says stopped_by_time_limit); JAR=path runs a copy of the jar; PORT=service port
# (default 18080, so that two runs can share the machine); PGPORT=PostgreSQL port (default 55432); LEARNERS=N (default 200).
# Results are appended to reliability/results/crash-<mode>.txt. Loopback only.
set -euo pipefail
MODE=${1:-h2}; TOTAL=${2:-100000}; KILLS=${3:-10}; BATCH=${4:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$(ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v original | head -1 || true)}  # JAR=... to use a copy
if [ -z "$JAR" ]; then (cd "$ROOT" && mvn -B -o -q -pl api -am package -DskipTests); JAR=$(ls "$ROOT"/api/target/pathwise-api-*.jar | grep -v original | head -1); fi
WORK=$(mktemp -d /tmp/pathwise-crash-XXXX); chmod 755 "$WORK"
ARGS=(--pathwise.data-dir="$WORK/data")
PGPORT=${PGPORT:-55432}  # PGPORT=... for another port
cleanup() { if [ "$MODE" = postgres ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
if [ "$MODE" = postgres ]; then
  command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1" -l "$WORK/pg/server.log" -w start >/dev/null
  ARGS+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?connectTimeout=2" --spring.datasource.username=postgres --spring.datasource.password=)
fi
echo "crash test: mode $MODE, $TOTAL evidence, $KILLS kills, batch $BATCH${MIXED:+ mixed with single requests}, work dir $WORK"
set +e
python3 "$ROOT/reliability/crash_client.py" --jar "$JAR" --total "$TOTAL" --kills "$KILLS" --clients 8 \
  --batch "$BATCH" ${MIXED:+--mixed} --kill-gap "${KILL_GAP:-2,8}" --max-seconds "${MAX_SECONDS:-0}" --port "${PORT:-18080}" --learners "${LEARNERS:-200}" --log "$WORK/service.log" -- "${ARGS[@]}" | tee "$WORK/out.txt"
STATUS=${PIPESTATUS[0]}
set -e
{ echo "$(date -u +%FT%TZ) mode=$MODE total=$TOTAL kills=$KILLS batch=$BATCH mixed=${MIXED:-0} kill_gap=${KILL_GAP:-2,8} max_seconds=${MAX_SECONDS:-0} exit=$STATUS"; tail -1 "$WORK/out.txt"; } >> "$ROOT/reliability/results/crash-$MODE.txt"
exit $STATUS

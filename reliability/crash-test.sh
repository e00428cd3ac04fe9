#!/usr/bin/env bash
# Crash test: concurrent clients ingest evidence while the service is kill -9'd at random points, then every
# acknowledged evidence must be stored exactly once and every learner's state must equal a fresh replay.
#   reliability/crash-test.sh h2|postgres [TOTAL] [KILLS]     (target run: TOTAL=100000 KILLS=10)
# Results are appended to reliability/results/crash-<mode>.txt. Loopback only.
set -euo pipefail
MODE=${1:-h2}; TOTAL=${2:-100000}; KILLS=${3:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(ls "$ROOT"/api/target/pathwise-api-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then (cd "$ROOT" && mvn -B -q install -DskipTests); JAR=$(ls "$ROOT"/api/target/pathwise-api-*.jar | grep -v original | head -1); fi
WORK=$(mktemp -d /tmp/pathwise-crash-XXXX); chmod 755 "$WORK"
ARGS=(--pathwise.data-dir="$WORK/data")
PGPORT=55432
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
echo "crash test: mode $MODE, $TOTAL evidence, $KILLS kills, work dir $WORK"
set +e
python3 "$ROOT/reliability/crash_client.py" --jar "$JAR" --total "$TOTAL" --kills "$KILLS" --clients 8 \
  --learners 200 --log "$WORK/service.log" -- "${ARGS[@]}" | tee "$WORK/out.txt"
STATUS=${PIPESTATUS[0]}
set -e
{ echo "$(date -u +%FT%TZ) mode=$MODE total=$TOTAL kills=$KILLS exit=$STATUS"; tail -1 "$WORK/out.txt"; } >> "$ROOT/reliability/results/crash-$MODE.txt"
exit $STATUS
